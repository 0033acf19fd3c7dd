import "server-only";
import { chakra as defaultChakra, isChakraError, type ChakraClient, type PluginConfig, type WebhookSettings } from "../chakra";
import type { Prisma } from "../generated/prisma/sqlite/client";
import { db } from "../db";
import { recordAudit } from "./audit";
import { storeSnapshot } from "./snapshots";
import type { Actor } from "./team";

export type FetchFailure = { message: string; status: number | null; retryAfterSeconds: number | null; notFound: boolean };
export type RefreshResult = { ok: true; fetchedAt: Date; config: PluginConfig } | { ok: false; error: FetchFailure };

function failureOf(error: unknown): FetchFailure {
  if (!isChakraError(error)) throw error;
  return {
    message: error.isRateLimited
      ? `ChakraHQ is rate-limiting requests${error.retryAfterSeconds ? `; try again in ${Math.ceil(error.retryAfterSeconds)} s` : ""}.`
      : error.message,
    status: error.status,
    retryAfterSeconds: error.retryAfterSeconds,
    notFound: error.isPluginNotFound,
  };
}

/**
 * Fetches a client's plugin configuration and stores it as the latest snapshot. When
 * ChakraHQ fails, nothing is stored: the last good snapshot stays, and the error is returned.
 */
export async function refreshClientConfig(clientId: string, chakra: ChakraClient = defaultChakra): Promise<RefreshResult> {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { pluginId: true } });
  if (!client?.pluginId) return { ok: false, error: { message: "This client has no ChakraHQ plugin yet.", status: null, retryAfterSeconds: null, notFound: false } };
  let config: PluginConfig;
  try {
    config = await chakra.getPluginConfig(client.pluginId);
  } catch (error) {
    return { ok: false, error: failureOf(error) };
  }
  const snapshot = await storeSnapshot({ clientId, pluginId: client.pluginId, config });
  return { ok: true, fetchedAt: snapshot.fetchedAt, config };
}

/** Sets the plugin's six webhook settings, then fetches what ChakraHQ now holds. */
export async function updateWebhookSettings(
  { actor, clientId, settings }: { actor: Actor; clientId: string; settings: WebhookSettings },
  chakra: ChakraClient = defaultChakra,
): Promise<RefreshResult> {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { pluginId: true } });
  if (!client?.pluginId) return { ok: false, error: { message: "This client has no ChakraHQ plugin yet.", status: null, retryAfterSeconds: null, notFound: false } };
  try {
    await chakra.updatePluginConfig(client.pluginId, settings);
  } catch (error) {
    return { ok: false, error: failureOf(error) };
  }
  await recordAudit({ actor, action: "whatsapp.webhooks_updated", targetType: "client", targetId: clientId, clientId, metadata: settings as Prisma.InputJsonValue });
  return refreshClientConfig(clientId, chakra);
}

/**
 * Disconnects one WABA from the client's plugin. The admin must type the WABA's name as
 * ChakraHQ last reported it; then the call, a re-fetch, and an audit entry.
 */
export async function disconnectWaba(
  { actor, clientId, wabaId, confirmName }: { actor: Actor; clientId: string; wabaId: string; confirmName: string },
  chakra: ChakraClient = defaultChakra,
): Promise<RefreshResult> {
  const [client, latest] = await Promise.all([
    db.client.findUnique({ where: { id: clientId }, select: { pluginId: true } }),
    db.pluginConfigSnapshot.findFirst({ where: { clientId, isLatest: true }, select: { raw: true } }),
  ]);
  const fail = (message: string): RefreshResult => ({ ok: false, error: { message, status: null, retryAfterSeconds: null, notFound: false } });
  if (!client?.pluginId) return fail("This client has no ChakraHQ plugin.");
  const waba = (latest?.raw as unknown as PluginConfig | undefined)?.whatsappBusinessAccounts.find((w) => w.id === wabaId);
  if (!waba) return fail("This WhatsApp Business Account is not connected any more. Refresh to see the current state.");
  const expected = (waba.name ?? waba.id).trim();
  if (confirmName.trim() !== expected) return fail(`Type the account's name exactly, "${expected}", to confirm.`);
  try {
    await chakra.disconnectWaba(client.pluginId, wabaId);
  } catch (error) {
    return { ok: false, error: failureOf(error) };
  }
  await recordAudit({ actor, action: "whatsapp.waba_disconnected", targetType: "client", targetId: clientId, clientId, metadata: { wabaId, name: waba.name ?? null } });
  return refreshClientConfig(clientId, chakra);
}

// ---------------------------------------------------------------- the overview

export const NUMBER_FILTERS = ["not_connected", "attention", "coexistence"] as const;
export type NumberFilter = (typeof NUMBER_FILTERS)[number];

/** Every phone number in the clients' latest snapshots, filtered and searched in the database. */
export async function listPhoneNumbers({ filter, q, take = 500 }: { filter?: NumberFilter; q?: string; take?: number }) {
  const term = q?.trim();
  const where: Prisma.SnapshotPhoneNumberWhereInput = {
    snapshot: { isLatest: true, client: { archived: false } },
    ...(filter === "not_connected" ? { NOT: { status: "CONNECTED" } } : {}),
    ...(filter === "attention" ? { OR: [{ NOT: { status: "CONNECTED" } }, { qualityRating: "RED" }] } : {}),
    ...(filter === "coexistence" ? { isOnBizApp: true } : {}),
    ...(term
      ? {
          AND: [
            {
              // The client's searchText is lower-cased, so this matches alike on SQLite and PostgreSQL.
              OR: [
                { displayPhoneNumber: { contains: term } },
                { snapshot: { client: { searchText: { contains: term.toLowerCase() } } } },
              ],
            },
          ],
        }
      : {}),
  };
  const [rows, total] = await Promise.all([
    db.snapshotPhoneNumber.findMany({
      where,
      orderBy: [{ displayPhoneNumber: "asc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        displayPhoneNumber: true,
        verifiedName: true,
        status: true,
        qualityRating: true,
        isOnBizApp: true,
        snapshot: { select: { fetchedAt: true, client: { select: { id: true, name: true } } } },
      },
    }),
    db.snapshotPhoneNumber.count({ where }),
  ]);
  return { rows, total };
}

/** Numbers per status, across the clients' latest snapshots. */
export async function countNumbersByStatus(): Promise<{ status: string; count: number }[]> {
  const groups = await db.snapshotPhoneNumber.groupBy({
    by: ["status"],
    where: { snapshot: { isLatest: true, client: { archived: false } } },
    _count: { _all: true },
  });
  return groups.map((g) => ({ status: g.status ?? "UNKNOWN", count: g._count._all })).sort((a, b) => b.count - a.count);
}

// ---------------------------------------------------------------- refresh all

const CONCURRENCY = 3;
const STALE_MS = 5 * 60_000;

/** The newest "refresh all" job; a running one that stopped reporting is marked failed. */
export async function latestRefreshJob() {
  const job = await db.refreshJob.findFirst({ orderBy: { startedAt: "desc" } });
  if (job?.status === "RUNNING" && Date.now() - job.heartbeatAt.getTime() > STALE_MS) {
    return db.refreshJob.update({ where: { id: job.id }, data: { status: "FAILED", finishedAt: new Date(), lastError: "Stopped: the server restarted." } });
  }
  return job;
}

/**
 * Starts fetching every mapped plugin in the background: a few at a time, waiting out 429s.
 * Progress is kept in the database. Returns the running job if one is already going.
 */
export async function startRefreshAll({ actor }: { actor: Actor }, chakra: ChakraClient = defaultChakra) {
  const running = await latestRefreshJob();
  if (running?.status === "RUNNING") return { job: running, started: false };
  const clients = await db.client.findMany({ where: { archived: false, pluginId: { not: null } }, select: { id: true }, orderBy: { name: "asc" } });
  const job = await db.refreshJob.create({ data: { total: clients.length, startedById: actor.id, status: clients.length ? "RUNNING" : "DONE", finishedAt: clients.length ? null : new Date() } });
  await recordAudit({ actor, action: "whatsapp.refresh_all", targetType: "job", targetId: job.id, metadata: { clients: clients.length } });
  if (clients.length) void runRefreshJob(job.id, clients.map((c) => c.id), chakra);
  return { job, started: true };
}

/** Works through the queue; exported for tests, which await it. */
export async function runRefreshJob(jobId: string, clientIds: string[], chakra: ChakraClient = defaultChakra, { maxWaitMs = 60_000 } = {}) {
  const queue = [...clientIds];
  let lastError: string | null = null;
  async function worker() {
    for (let clientId = queue.shift(); clientId; clientId = queue.shift()) {
      let result = await refreshClientConfig(clientId, chakra);
      // Rate-limited: wait as long as ChakraHQ asks (or back off), then try again, a few times.
      for (let attempt = 0; !result.ok && result.error.status === 429 && attempt < 4; attempt++) {
        const wait = Math.min(maxWaitMs, (result.error.retryAfterSeconds ?? 2 ** attempt) * 1000);
        await new Promise((resolve) => setTimeout(resolve, wait));
        result = await refreshClientConfig(clientId, chakra);
      }
      if (!result.ok) lastError = result.error.message;
      await db.refreshJob.update({
        where: { id: jobId },
        data: { ...(result.ok ? { done: { increment: 1 } } : { failed: { increment: 1 }, lastError }), heartbeatAt: new Date() },
      });
    }
  }
  try {
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    await db.refreshJob.update({ where: { id: jobId }, data: { status: "DONE", finishedAt: new Date() } });
  } catch (error) {
    await db.refreshJob.update({ where: { id: jobId }, data: { status: "FAILED", finishedAt: new Date(), lastError: String(error) } });
  }
}
