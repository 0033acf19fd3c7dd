import "server-only";
import pLimit from "p-limit";
import { z } from "zod";
import {
  chakra as defaultChakra,
  chakraForJobs,
  isChakraError,
  mayHaveApplied,
  type ChakraClient,
  type ChakraError,
  type PluginConfig,
  type WebhookSettings,
} from "../chakra";
import type { Prisma } from "../generated/prisma/sqlite/client";
import { db } from "../db";
import { env } from "../env";
import { defineJob, RetryLater, type JobContext } from "../jobs/engine";
import { sendJob } from "../jobs";
import { chakraBlockedUntil, rateLimitWaitMs, recordRateLimited } from "./chakra-rate-limit";
import { applyAlertRules, deliverAlerts } from "./alerts";
import { recordAudit, type AuditAction } from "./audit";
import { latestConfigForClient, storeSnapshot, SYNCED_CLIENT_SELECT } from "./snapshots";
import { searchTerm, searchTerms } from "./clients/search-text";
import { asSentence } from "../format";
import { DECLINED_NAME_STATUSES } from "../whatsapp/guidance";
import { fail, type Failure } from "../result";
import type { Actor } from "./team";

export type FetchFailure = { message: string; status: number | null; retryAfterSeconds: number | null; notFound: boolean };
/**
 * A refresh that failed: the last good snapshot stays. `message` is the admin's; `error` is
 * what ChakraHQ said, for "refresh all" and the messages after a write.
 */
export type RefreshFailure = Failure & { error: FetchFailure; alertsOpened?: number };
/**
 * alertsOpened: the alerts this fetch opened (lib/data/alerts.ts); alertsUnsent: the client has
 * open alerts not emailed yet (this fetch's, or an earlier one's).
 */
export type RefreshResult =
  | { ok: true; fetchedAt: Date; config: PluginConfig; alertsOpened: number; alertsUnsent: boolean }
  | RefreshFailure;

const NO_PLUGIN_YET = "This client has no ChakraHQ plugin yet.";

function refreshFailed(error: FetchFailure, extra: { alertsOpened?: number } = {}): RefreshFailure {
  return { ...fail(`ChakraHQ could not be asked: ${asSentence(error.message)} Showing the last good data.`), error, ...extra };
}

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
 * `read`: how the configuration is asked for (the jobs' reads take a slot of their own first).
 */
export async function refreshClientConfig(
  clientId: string,
  chakra: ChakraClient = defaultChakra,
  {
    read = (pluginId) => chakra.getPluginConfig(pluginId),
  }: {
    read?: (pluginId: string) => Promise<PluginConfig>;
  } = {},
): Promise<RefreshResult> {
  // Read once: the snapshot's sync of the client's stage and search text starts from this row.
  const client = await db.client.findUnique({ where: { id: clientId }, select: { ...SYNCED_CLIENT_SELECT, pluginMissingAt: true } });
  if (!client?.pluginId) return refreshFailed({ message: NO_PLUGIN_YET, status: null, retryAfterSeconds: null, notFound: false });
  let config: PluginConfig;
  try {
    config = await read(client.pluginId);
  } catch (error) {
    const failure = failureOf(error);
    const alertsOpened = failure.notFound ? await notePluginMissing(clientId, client.pluginId, failure.message) : 0;
    return refreshFailed(failure, { alertsOpened });
  }
  const { pluginMissingAt, ...synced } = client;
  const snapshot = await storeSnapshot({ clientId, pluginId: client.pluginId, config, client: synced });
  // ChakraHQ knows the plugin (again): it no longer needs the agency for that.
  if (pluginMissingAt)
    await db.client.updateMany({ where: { id: clientId, pluginId: client.pluginId, pluginMissingAt: { not: null } }, data: { pluginMissingAt: null } });
  return { ok: true, fetchedAt: snapshot.fetchedAt, config, alertsOpened: snapshot.alertsOpened, alertsUnsent: snapshot.alertsUnsent };
}

/**
 * Notes that ChakraHQ does not know the client's plugin (the home page lists it until a refresh
 * succeeds or another plugin is mapped); the first time only, on the client's timeline too.
 */
async function notePluginMissing(clientId: string, pluginId: string, message: string): Promise<number> {
  const first = await db.client.updateMany({ where: { id: clientId, pluginId, pluginMissingAt: null }, data: { pluginMissingAt: new Date() } });
  if (first.count === 1) {
    await recordAudit({ actor: null, action: "whatsapp.plugin_not_found", targetType: "client", targetId: clientId, clientId, metadata: { pluginId, message } });
  }
  const alerts = await db.$transaction((tx) => applyAlertRules(tx, { clientId, before: null, after: { found: false, pluginId } }));
  return alerts.opened;
}

// ---------------------------------------------------------------- writes to ChakraHQ

/**
 * How a write to ChakraHQ ended. invalid: the app's own checks refused it, nothing was sent.
 * done / not_done: ChakraHQ's answer said so or, when the answer was lost, a re-read of the
 * configuration did. unconfirmed: neither could tell. `refresh` is the fetch made after the
 * write: what ChakraHQ shows now, or why the last good snapshot stays on screen.
 */
export type WriteResult =
  | { outcome: "invalid"; message: string }
  | { outcome: "done"; confirmedBy: "answer"; refresh: RefreshResult }
  | { outcome: "done"; confirmedBy: "re_read"; lostAnswer: string; refresh: RefreshResult & { ok: true } }
  | { outcome: "not_done"; confirmedBy: "answer"; reason: string; status: number | null }
  | { outcome: "not_done"; confirmedBy: "re_read"; reason: string; status: number | null; refresh: RefreshResult & { ok: true } }
  | { outcome: "unconfirmed"; lostAnswer: string; refresh: RefreshResult };

/** An error status ChakraHQ itself sent (not a gateway's timeout): the request was processed and failed. */
function answeredWithError(error: ChakraError): boolean {
  return error.kind === "http" && error.status !== 504;
}

type AuditedWrite = {
  actor: Actor;
  clientId: string;
  /** The audit entry's action while the call runs, then after each outcome. */
  actions: { attempted: AuditAction; done: AuditAction; notDone: AuditAction; unconfirmed: AuditAction };
  metadata: Record<string, Prisma.InputJsonValue | null>;
  call: () => Promise<void>;
  /** Whether a configuration ChakraHQ sent shows the write applied. */
  applied: (config: PluginConfig) => boolean;
};

/**
 * One write to ChakraHQ, audited and never retried: its audit entry is written before the call
 * (a crash during the call still leaves the attempt on record) and given the outcome after it.
 * When the answer is lost, the configuration is read again to learn whether the write was applied.
 */
async function auditedWrite(write: AuditedWrite, chakra: ChakraClient): Promise<WriteResult> {
  const { actor, clientId, actions, metadata } = write;
  const entry = await db.auditLog.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      action: actions.attempted,
      targetType: "client",
      targetId: clientId,
      clientId,
      metadata,
    },
    select: { id: true },
  });
  const settle = (action: AuditAction, outcome: Record<string, Prisma.InputJsonValue | null>) =>
    db.auditLog.update({ where: { id: entry.id }, data: { action, metadata: { ...metadata, ...outcome } } });

  let lost: ChakraError | null = null;
  try {
    await write.call();
  } catch (error) {
    // Anything but ChakraHQ's error is a bug: thrown, with the entry left as an attempt.
    if (!isChakraError(error)) throw error;
    if (!mayHaveApplied(error)) {
      const reason = failureOf(error).message;
      await settle(actions.notDone, { confirmedBy: "answer", reason, status: error.status });
      return { outcome: "not_done", confirmedBy: "answer", reason, status: error.status };
    }
    lost = error;
  }
  if (!lost) {
    await settle(actions.done, { confirmedBy: "answer" });
    return { outcome: "done", confirmedBy: "answer", refresh: await refreshClientConfig(clientId, chakra) };
  }

  // The answer was lost: what ChakraHQ holds now says whether the write was applied.
  const lostAnswer = failureOf(lost).message;
  const refresh = await refreshClientConfig(clientId, chakra);
  if (refresh.ok && write.applied(refresh.config)) {
    await settle(actions.done, { confirmedBy: "re_read", lostAnswer });
    return { outcome: "done", confirmedBy: "re_read", lostAnswer, refresh };
  }
  if (refresh.ok && answeredWithError(lost)) {
    await settle(actions.notDone, { confirmedBy: "re_read", reason: lostAnswer, status: lost.status });
    return { outcome: "not_done", confirmedBy: "re_read", reason: lostAnswer, status: lost.status, refresh };
  }
  // Not applied yet (it may still be) or not readable: say so, with what ChakraHQ shows now.
  await settle(actions.unconfirmed, { lostAnswer, reReadError: refresh.ok ? null : refresh.error.message });
  return { outcome: "unconfirmed", lostAnswer, refresh };
}

/** Whether the plugin holds these six settings (missing values read as the page shows them). */
function holdsSettings(config: PluginConfig, sent: WebhookSettings): boolean {
  const events = (list: readonly string[] | null | undefined) => [...(list ?? [])].sort().join(",");
  return (
    (config.passThroughWebhookUrl ?? "") === sent.passThroughWebhookUrl &&
    (config.enableMessageEchoesForPassThroughWebhook ?? false) === sent.enableMessageEchoesForPassThroughWebhook &&
    (config.enableSendMessageTemplateEventForPassThroughWebhook ?? false) ===
      sent.enableSendMessageTemplateEventForPassThroughWebhook &&
    (config.enableChakraWebhook ?? false) === sent.enableChakraWebhook &&
    (config.chakraWebhookUrl ?? "") === sent.chakraWebhookUrl &&
    events(config.whichChakraWebhookEventsToSend) === events(sent.whichChakraWebhookEventsToSend)
  );
}

/**
 * Sets the plugin's six webhook settings, then fetches what ChakraHQ now holds. Audited before
 * and after the call; a lost answer is settled by comparing the settings read back.
 */
export async function updateWebhookSettings(
  { actor, clientId, settings }: { actor: Actor; clientId: string; settings: WebhookSettings },
  chakra: ChakraClient = defaultChakra,
): Promise<WriteResult> {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { pluginId: true } });
  if (!client?.pluginId) return { outcome: "invalid", message: NO_PLUGIN_YET };
  const pluginId = client.pluginId;
  return auditedWrite(
    {
      actor,
      clientId,
      actions: {
        attempted: "whatsapp.webhooks_update_attempted",
        done: "whatsapp.webhooks_updated",
        notDone: "whatsapp.webhooks_update_failed",
        unconfirmed: "whatsapp.webhooks_update_unconfirmed",
      },
      metadata: { settings },
      call: () => chakra.updatePluginConfig(pluginId, settings),
      applied: (config) => holdsSettings(config, settings),
    },
    chakra,
  );
}

/**
 * Disconnects one WABA from the client's plugin. The admin must type the WABA's name as
 * ChakraHQ last reported it; then the call (audited before and after), and a re-fetch. A lost
 * answer is settled by whether the WABA is still listed. The account and its numbers leaving
 * are not alerted about, whichever read sees it first (storeSnapshot's teamDisconnects).
 */
export async function disconnectWaba(
  { actor, clientId, wabaId, confirmName }: { actor: Actor; clientId: string; wabaId: string; confirmName: string },
  chakra: ChakraClient = defaultChakra,
): Promise<WriteResult> {
  const [client, latest] = await Promise.all([
    db.client.findUnique({ where: { id: clientId }, select: { pluginId: true } }),
    latestConfigForClient(clientId),
  ]);
  const invalid = (message: string): WriteResult => ({ outcome: "invalid", message });
  if (!client?.pluginId) return invalid("This client has no ChakraHQ plugin.");
  const pluginId = client.pluginId;
  const waba = latest?.config.whatsappBusinessAccounts.find((w) => w.id === wabaId);
  if (!waba) return invalid("This WhatsApp Business Account is not connected any more. Refresh to see the current state.");
  const expected = (waba.name ?? waba.id).trim();
  if (confirmName.trim() !== expected) return invalid(`Type the account's name exactly, "${expected}", to confirm.`);
  return auditedWrite(
    {
      actor,
      clientId,
      actions: {
        attempted: "whatsapp.waba_disconnect_attempted",
        done: "whatsapp.waba_disconnected",
        notDone: "whatsapp.waba_disconnect_failed",
        unconfirmed: "whatsapp.waba_disconnect_unconfirmed",
      },
      metadata: { wabaId, name: waba.name ?? null },
      call: () => chakra.disconnectWaba(pluginId, wabaId),
      applied: (config) => !config.whatsappBusinessAccounts.some((w) => w.id === wabaId),
    },
    chakra,
  );
}

// ---------------------------------------------------------------- the overview

export const NUMBER_FILTERS = ["not_connected", "attention", "coexistence"] as const;
export type NumberFilter = (typeof NUMBER_FILTERS)[number];

/** The overview's search: a number, or its client's searchable fields. */
function numberSearch(query: string | undefined): Prisma.SnapshotPhoneNumberWhereInput {
  if (!query) return {};
  // A number typed another way than displayed ("+919820012345") is searched by its digits,
  // which only the client's search text holds: the client's numbers are listed.
  const phone = searchTerms(query);
  const term = phone.length === 1 && /^\d{7,}$/.test(phone[0]!) ? phone[0]! : query;
  return {
    AND: [
      {
        // The client's searchText is lower-cased, so this matches alike on SQLite and PostgreSQL.
        // Both with LIKE's special characters literal (lib/data/clients/search-text.ts): no
        // number has them, so a term with one finds no number by its digits.
        OR: [
          { displayPhoneNumber: { contains: searchTerm(term) } },
          { snapshot: { client: { searchText: { contains: searchTerm(term) } } } },
        ],
      },
    ],
  };
}

export const NUMBERS_PAGE_SIZE = 25;

/**
 * One page of the phone numbers in the clients' latest snapshots, filtered and searched in the
 * database. Paged: at agency scale (thousands of numbers) one page keeps the HTML and its RSC
 * payload small.
 */
export async function listPhoneNumbers({
  filter,
  q,
  page: asked = 1,
  pageSize = NUMBERS_PAGE_SIZE,
}: {
  filter?: NumberFilter;
  q?: string;
  page?: number;
  pageSize?: number;
}) {
  return pageOfNumbers({ filter, q, page: asked, pageSize }, await db.snapshotPhoneNumber.count({ where: numbersWhere(filter, q) }));
}

/**
 * The numbers the overview lists: those of the clients' latest snapshots, active clients only
 * (the `listed` flag says so, kept by storeSnapshot and setClientArchived).
 */
function numbersWhere(filter: NumberFilter | undefined, q: string | undefined): Prisma.SnapshotPhoneNumberWhereInput {
  return {
    listed: true,
    ...(filter === "not_connected" ? { NOT: { status: "CONNECTED" } } : {}),
    // What the client's page lists for a number (lib/whatsapp/attention.ts); nameStatus is stored upper-cased.
    ...(filter === "attention"
      ? { OR: [{ NOT: { status: "CONNECTED" } }, { qualityRating: "RED" }, { nameStatus: { in: [...DECLINED_NAME_STATUSES] } }] }
      : {}),
    ...(filter === "coexistence" ? { isOnBizApp: true } : {}),
    ...numberSearch(q?.trim()),
  };
}

async function pageOfNumbers(
  { filter, q, page: asked, pageSize }: { filter?: NumberFilter; q?: string; page: number; pageSize: number },
  total: number,
) {
  const where = numbersWhere(filter, q);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(Math.max(1, Math.floor(asked)), pageCount);
  const rows = await db.snapshotPhoneNumber.findMany({
    where,
    orderBy: [{ displayPhoneNumber: "asc" }, { id: "asc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
      select: {
        id: true,
        displayPhoneNumber: true,
        verifiedName: true,
        status: true,
        qualityRating: true,
        isOnBizApp: true,
        snapshot: { select: { fetchedAt: true, client: { select: { id: true, name: true } } } },
      },
  });
  return { rows, total, page, pageCount };
}

/** Numbers per status, across the clients' latest snapshots; with `q`, only those the overview's search finds. */
export async function countNumbersByStatus({ q }: { q?: string } = {}): Promise<{ status: string; count: number }[]> {
  const groups = await db.snapshotPhoneNumber.groupBy({
    by: ["status"],
    where: numbersWhere(undefined, q),
    _count: { _all: true },
  });
  return groups.map((g) => ({ status: g.status ?? "UNKNOWN", count: g._count._all })).sort((a, b) => b.count - a.count);
}

/**
 * What the overview shows of the numbers: the counts by status and one page of the list. Without
 * a filter the list's total is the counts' sum, so the numbers are counted once.
 */
export async function overviewNumbers({
  filter,
  q,
  page = 1,
  pageSize = NUMBERS_PAGE_SIZE,
}: {
  filter?: NumberFilter;
  q?: string;
  page?: number;
  pageSize?: number;
}) {
  const byStatus = await countNumbersByStatus({ q });
  const total = filter
    ? await db.snapshotPhoneNumber.count({ where: numbersWhere(filter, q) })
    : byStatus.reduce((sum, s) => sum + s.count, 0);
  return { byStatus, ...(await pageOfNumbers({ filter, q, page, pageSize }, total)) };
}

// ---------------------------------------------------------------- refresh all

const STALE_MS = 5 * 60_000;

/** The newest "refresh all" run; a running one no worker has moved for long is marked stopped. */
export async function latestRefreshJob() {
  return settleStale(await db.refreshJob.findFirst({ where: { kind: "REFRESH_ALL" }, orderBy: { startedAt: "desc" } }));
}

type Run = NonNullable<Awaited<ReturnType<typeof db.refreshJob.findFirst>>>;

/** A run no worker has moved for long is marked stopped (its process died). */
export async function settleStale(job: Run | null): Promise<Run | null> {
  if (job?.status === "RUNNING" && Date.now() - job.heartbeatAt.getTime() > STALE_MS) {
    return db.refreshJob.update({
      where: { id: job.id },
      data: { status: "FAILED", finishedAt: new Date(), lastError: "Stopped: no worker made progress for 5 minutes." },
    });
  }
  return job;
}

/**
 * Starts fetching every mapped plugin in the background: one job per client on the job
 * engine (lib/jobs), which survives a restart. Progress is kept in the database. Returns the
 * running run if one is already going.
 */
export async function startRefreshAll({ actor }: { actor: Actor }) {
  const running = await latestRefreshJob();
  if (running?.status === "RUNNING") return { job: running, started: false };
  const job = await startRun({ kind: "REFRESH_ALL", startedById: actor.id });
  await recordAudit({ actor, action: "whatsapp.refresh_all", targetType: "job", targetId: job.id, metadata: { clients: job.total } });
  return { job, started: true };
}

/**
 * Creates a run over every mapped client and queues one job per client (keyed by run and
 * client: the same client is not queued twice in one run). A scheduled sweep's slot is unique:
 * a second start in the same slot throws Prisma's P2002.
 */
export async function startRun({ kind, startedById = null, slot = null }: { kind: "REFRESH_ALL" | "SWEEP"; startedById?: string | null; slot?: string | null }) {
  const clients = await db.client.findMany({ where: { archived: false, pluginId: { not: null } }, select: { id: true }, orderBy: { name: "asc" } });
  const job = await db.refreshJob.create({
    data: {
      kind,
      slot,
      total: clients.length,
      startedById,
      status: clients.length ? "RUNNING" : "DONE",
      finishedAt: clients.length ? null : new Date(),
      // One INSERT for all of them (a nested create writes one row per statement): the jobs are
      // queued, and the first call made, only after these rows exist.
      clients: { createMany: { data: clients.map((c) => ({ clientId: c.id })) } },
    },
  });
  try {
    for (const client of clients) {
      await sendJob(refreshClientJob, { refreshJobId: job.id, clientId: client.id }, { key: `${job.id}:${client.id}` });
    }
  } catch (error) {
    await db.refreshJob.update({ where: { id: job.id }, data: { status: "FAILED", finishedAt: new Date(), lastError: "The background queue could not be reached." } });
    throw error;
  }
  return job;
}

const NAMED_FAILURES = 3;

/** "Acme Bakery: <why>; North Cafe: <why>; and 2 more", for the overview's "N failed (…)". */
export function describeFailures(failures: { name: string; message: string }[]): string {
  const sorted = [...failures].sort((a, b) => a.name.localeCompare(b.name));
  const named = sorted.slice(0, NAMED_FAILURES).map((f) => `${f.name}: ${f.message.slice(0, 300)}`);
  const more = sorted.length - named.length;
  return `${named.join("; ")}${more > 0 ? `; and ${more} more` : ""}`;
}

async function describeRunFailures(refreshJobId: string): Promise<string | null> {
  const failed = await db.refreshJobClient.findMany({ where: { refreshJobId, outcome: "FAILED" }, select: { clientId: true, message: true } });
  if (failed.length === 0) return null;
  const clients = await db.client.findMany({ where: { id: { in: failed.map((f) => f.clientId) } }, select: { id: true, name: true } });
  const names = new Map(clients.map((c) => [c.id, c.name]));
  return describeFailures(failed.map((f) => ({ name: names.get(f.clientId) ?? "A deleted client", message: f.message ?? "Failed" })));
}

/** Marks the run done once every client is settled (whichever job settles the last one, or runs again after a crash). */
async function finishIfComplete(refreshJobId: string, known?: { status: string; total: number; done: number; failed: number }) {
  const run =
    known ??
    (await db.refreshJob.findUnique({ where: { id: refreshJobId }, select: { status: true, total: true, done: true, failed: true } }));
  if (run?.status !== "RUNNING" || run.done + run.failed < run.total) return;
  await db.refreshJob.updateMany({
    where: { id: refreshJobId, status: "RUNNING" },
    data: { status: "DONE", finishedAt: new Date(), lastError: await describeRunFailures(refreshJobId) },
  });
}

/** Settles one client of a run, once: the outcome and the run's count change together. */
async function settleClient(refreshJobId: string, clientId: string, failure: string | null, alertsOpened = 0) {
  const run = await db.$transaction(async (tx) => {
    const settled = await tx.refreshJobClient.updateMany({
      where: { refreshJobId, clientId, outcome: null },
      data: { outcome: failure === null ? "DONE" : "FAILED", message: failure, claimedAt: null },
    });
    if (settled.count === 0) return undefined;
    // The run's counts as this settlement left them (the row stays locked until commit).
    return tx.refreshJob.update({
      where: { id: refreshJobId },
      data: {
        ...(failure === null ? { done: { increment: 1 } } : { failed: { increment: 1 } }),
        alerts: { increment: alertsOpened },
        heartbeatAt: new Date(),
      },
      select: { status: true, total: true, done: true, failed: true },
    });
  });
  if (failure !== null) await db.refreshJob.update({ where: { id: refreshJobId }, data: { lastError: await describeRunFailures(refreshJobId) } });
  await finishIfComplete(refreshJobId, failure === null ? run : undefined);
}

/** A failure that may pass by itself (no answer, or ChakraHQ's own error): retried with backoff. */
function isTransient(failure: FetchFailure): boolean {
  return failure.status === null || failure.status >= 500;
}

const REFRESH_EXPIRE_SECONDS = Math.ceil(env.CHAKRA_TIMEOUT_MS / 1000) * 2 + 5;
/**
 * How many calls to ChakraHQ the runs' jobs make at once in one worker process. A job holds one
 * of these slots for its call only: twice as many jobs run at once, so that a job's own database
 * work (its claim before the call; the snapshot, alerts and settlement after it) runs while
 * the slots are busy with other jobs' calls, instead of keeping a slot idle.
 */
export const REFRESH_CHAKRA_CALLS = 3;
const chakraCalls = pLimit(REFRESH_CHAKRA_CALLS);

/** ChakraHQ asked every worker to wait (a 429 on record): the job did not call it. */
class ChakraGateClosed extends Error {
  constructor(readonly until: Date) {
    super("ChakraHQ asked to wait");
  }
}

/**
 * A run's read of a plugin's configuration, in one of this process's ChakraHQ slots. The shared
 * 429 gate is looked at inside the slot, and a 429 is put on record before the slot is released:
 * a job that waited for the slot sees it, and does not call.
 */
function readForRun(pluginId: string): Promise<PluginConfig> {
  return chakraCalls(async () => {
    const blockedUntil = await chakraBlockedUntil();
    if (blockedUntil) throw new ChakraGateClosed(blockedUntil);
    try {
      return await chakraForJobs.getPluginConfig(pluginId);
    } catch (error) {
      if (isChakraError(error) && error.status === 429) await recordRateLimited(error);
      throw error;
    }
  });
}

/**
 * Fetches one client of a "refresh all" run. Claimed first, so a redelivered job does not fetch
 * it again (a claim older than the job's time limit was a crashed worker's); settled once. A 429
 * stops every worker until its Retry-After has passed, and queues this client again.
 */
async function refreshClientOfRun({ refreshJobId, clientId }: { refreshJobId: string; clientId: string }, job: JobContext) {
  const heartbeat = () => db.refreshJob.update({ where: { id: refreshJobId }, data: { heartbeatAt: new Date() } });
  const now = new Date();
  const claimed = await db.refreshJobClient.updateMany({
    where: {
      refreshJobId,
      clientId,
      outcome: null,
      OR: [{ claimedAt: null }, { claimedAt: { lt: new Date(now.getTime() - REFRESH_EXPIRE_SECONDS * 1000) } }],
    },
    data: { claimedAt: now },
  });
  if (claimed.count === 0) {
    const item = await db.refreshJobClient.findUnique({
      where: { refreshJobId_clientId: { refreshJobId, clientId } },
      select: { outcome: true, claimedAt: true },
    });
    if (!item) return; // the run is gone
    if (item.outcome) return finishIfComplete(refreshJobId); // settled before a crash ended the job
    // Claimed by a live worker, or by one that died: its claim lapses with the job's time limit.
    const lapsesAt = (item.claimedAt?.getTime() ?? now.getTime()) + REFRESH_EXPIRE_SECONDS * 1000;
    throw new RetryLater(Math.max(0, lapsesAt - Date.now()) + 100, "another worker is fetching this client");
  }
  const release = () => db.refreshJobClient.updateMany({ where: { refreshJobId, clientId, outcome: null }, data: { claimedAt: null } });

  let result: RefreshResult;
  try {
    result = await refreshClientConfig(clientId, chakraForJobs, { read: readForRun });
  } catch (error) {
    await release();
    if (!(error instanceof ChakraGateClosed)) throw error;
    await heartbeat();
    throw new RetryLater(error.until.getTime() - Date.now(), "ChakraHQ asked to wait");
  }
  if (!result.ok && result.error.status === 429) {
    // Put on record for every worker by readForRun; this client is queued again.
    await release();
    await heartbeat();
    throw new RetryLater(rateLimitWaitMs(result.error), "ChakraHQ is rate-limiting requests");
  }
  if (!result.ok && isTransient(result.error) && !job.lastAttempt) {
    await release();
    throw new Error(result.error.message);
  }
  // Alerts this fetch opened (or an earlier one, say a member's refresh) are emailed from here,
  // once each; a fetch that stored a snapshot already knows whether there are any.
  if (!result.ok || result.alertsUnsent)
    await deliverAlerts(clientId).catch((error: Error) => console.error(`[alerts] ${clientId}: not emailed yet: ${error.message}`));
  await settleClient(refreshJobId, clientId, result.ok ? null : result.error.message, result.alertsOpened ?? 0);
}

/** One client of a "refresh all" run or a health sweep (both are runs of RefreshJob). */
export const refreshClientJob = defineJob({
  name: "refresh-client",
  schema: z.object({ refreshJobId: z.string().min(1), clientId: z.string().min(1) }),
  handler: refreshClientOfRun,
  retry: { limit: 3, delaySeconds: 5, backoff: true },
  expireInSeconds: REFRESH_EXPIRE_SECONDS,
  // Per worker process: twice its ChakraHQ slots (see REFRESH_CHAKRA_CALLS), so that the jobs'
  // own database work overlaps the other jobs' calls; the calls stay REFRESH_CHAKRA_CALLS at once.
  concurrency: REFRESH_CHAKRA_CALLS * 2,
});
