import "server-only";
import { pluginConfigSchema, type PluginConfig } from "../chakra/schemas";
import type { Prisma } from "../generated/prisma/sqlite/client";
import { db } from "../db";
import { applyAlertRules } from "./alerts";
import { recordAudit, type AuditAction } from "./audit";
import { buildSearchText } from "./clients/search-text";
import {
  connectionRemoved,
  stageAfterSnapshot,
  summarizeConfig,
  type ConfigSummary,
  type ConnectionHistory,
} from "../onboarding/rules";

type Tx = Prisma.TransactionClient;

const QUALITY_RANK: Record<string, number> = { GREEN: 3, YELLOW: 2, RED: 1 };

type PhoneState = { phoneNumberId: string; displayPhoneNumber: string; status: string | null; qualityRating: string | null };

/** What changed for the agency between two snapshots: numbers that left CONNECTED, quality that dropped. */
export function describeChanges(before: PhoneState[], after: PhoneState[]) {
  const changes: { action: AuditAction; metadata: Record<string, string | null> }[] = [];
  const now = new Map(after.map((p) => [p.phoneNumberId, p]));
  for (const old of before) {
    const current = now.get(old.phoneNumberId);
    const number = current?.displayPhoneNumber || old.displayPhoneNumber;
    if (old.status === "CONNECTED" && current?.status !== "CONNECTED") {
      changes.push({ action: "whatsapp.number_status_changed", metadata: { number, from: old.status, to: current ? current.status : "GONE" } });
    }
    const from = QUALITY_RANK[old.qualityRating ?? ""];
    const to = QUALITY_RANK[current?.qualityRating ?? ""];
    if (from && to && to < from) {
      changes.push({ action: "whatsapp.quality_dropped", metadata: { number, from: old.qualityRating, to: current!.qualityRating } });
    }
  }
  return changes;
}

/**
 * Stores a fetched plugin configuration (raw, plus the filtered fields) as the client's
 * latest, records what changed since the previous one on the client's timeline, and brings
 * the client's stage and search text up to date.
 */
export async function storeSnapshot({
  clientId,
  pluginId,
  config,
  client: known,
}: {
  clientId: string | null;
  pluginId: string;
  config: PluginConfig;
  /** The client's row as the caller read it just before (its stage and searched fields): not read again unless it changed since. */
  client?: SyncedClient;
}) {
  const summary = summarizeConfig(config);
  const phones: PhoneState[] = config.whatsappPhoneNumbers.map((p) => ({
    phoneNumberId: p.id,
    displayPhoneNumber: p.display_phone_number ?? "",
    status: p.status ?? null,
    qualityRating: p.quality_rating ?? null,
  }));
  return db.$transaction(async (tx) => {
    // A client's snapshots take turns: on PostgreSQL (read committed) two refreshes that overlap
    // each found the same latest (or none) and both added theirs as the latest, so the overview
    // listed the numbers twice. Its row is written first, as setClientArchived's is (one lock
    // order for the client and its numbers); on SQLite this takes the write lock at once.
    if (clientId) await tx.$executeRaw`UPDATE "Client" SET "id" = "id" WHERE "id" = ${clientId}`;
    const scope = clientId ? { clientId } : { pluginId, clientId: null };
    const previous = await tx.pluginConfigSnapshot.findFirst({
      where: { ...scope, isLatest: true },
      select: {
        id: true,
        fetchedAt: true,
        raw: true,
        pluginId: true,
        wabaCount: true,
        phoneCount: true,
        phoneNumbers: { select: { phoneNumberId: true, displayPhoneNumber: true, status: true, qualityRating: true } },
      },
    });
    const history = clientId ? await connectionHistory(tx, clientId, pluginId, previous) : null;
    if (previous) {
      // The previous latest's numbers leave the overview (see SnapshotPhoneNumber.listed). With
      // none (a first fetch), there is nothing to take down: not asked.
      await tx.snapshotPhoneNumber.updateMany({ where: { listed: true, snapshot: { ...scope, isLatest: true } }, data: { listed: false } });
      await tx.pluginConfigSnapshot.updateMany({ where: { ...scope, isLatest: true }, data: { isLatest: false } });
    }
    // The snapshot, then its numbers (a nested create would read the snapshot back once more).
    const snapshot = await tx.pluginConfigSnapshot.create({
      data: { clientId, pluginId, raw: config as Prisma.InputJsonValue, ...summary, isLatest: true },
      select: { id: true, fetchedAt: true },
    });
    if (phones.length > 0) {
      await tx.snapshotPhoneNumber.createMany({
        data: config.whatsappPhoneNumbers.map((p, i) => ({
          ...phones[i]!,
          snapshotId: snapshot.id,
          verifiedName: p.verified_name ?? null,
          // Upper-cased, so that the dashboard's query finds what isNameDeclined finds.
          nameStatus: p.name_status?.toUpperCase() ?? null,
          isOnBizApp: p.is_on_biz_app ?? null,
        })),
      });
    }
    let alertsOpened = 0;
    let alertsUnsent = false;
    if (clientId) {
      // Compared with the same plugin's previous state only: a newly mapped plugin starts afresh.
      const samePlugin = previous?.pluginId === pluginId;
      const before = previous && samePlugin ? { found: true as const, config: storedConfig(previous.raw) } : null;
      ({ opened: alertsOpened, unsent: alertsUnsent } = await applyAlertRules(tx, {
        clientId,
        before,
        after: { found: true, config },
        restart: !samePlugin,
        // Read only when an account or a number is gone: the keys it answers for.
        expected: before && somethingGone(before.config, config) ? await teamDisconnects(tx, clientId, previous!.fetchedAt) : undefined,
      }));
      for (const change of describeChanges(previous?.phoneNumbers ?? [], phones)) {
        await recordAudit({ actor: null, action: change.action, targetType: "client", targetId: clientId, clientId, metadata: change.metadata }, tx);
      }
      await syncClient(tx, clientId, summary, history!, phones.map((p) => p.displayPhoneNumber), known);
      // The overview lists the new numbers unless the client is archived. Read after syncClient's
      // write to the client's row: on PostgreSQL an archiving that runs meanwhile waits for this
      // transaction, or has committed before this statement reads. No numbers: nothing to list.
      if (phones.length > 0)
        await tx.snapshotPhoneNumber.updateMany({ where: { snapshotId: snapshot.id, snapshot: { client: { archived: false } } }, data: { listed: true } });
    }
    /** alertsUnsent: the client has open alerts not emailed yet (deliverAlerts has work). */
    return { ...snapshot, alertsOpened, alertsUnsent };
  });
}

/** The audit actions of a disconnect the team asked for, whatever ChakraHQ answered but a refusal. */
export const TEAM_DISCONNECTS: AuditAction[] = [
  "whatsapp.waba_disconnect_attempted",
  "whatsapp.waba_disconnected",
  "whatsapp.waba_disconnect_unconfirmed",
];

/** Whether an account or a number of `before` is missing from `after`. */
function somethingGone(before: PluginConfig, after: PluginConfig): boolean {
  const wabas = new Set(after.whatsappBusinessAccounts.map((w) => w.id));
  const numbers = new Set(after.whatsappPhoneNumbers.map((p) => p.id));
  return before.whatsappBusinessAccounts.some((w) => !wabas.has(w.id)) || before.whatsappPhoneNumbers.some((p) => !numbers.has(p.id));
}

/**
 * What the team's own disconnects since the previous snapshot make disappear: the accounts, and
 * numbers going with them. Not alerted about ("if the client did not mean to disconnect it…"),
 * whichever read first sees them gone: the one right after the disconnect, or, when that one
 * failed, the next refresh or sweep. The timeline has the disconnect; an account or number that
 * goes later, unasked, is alerted about as before. Null: none.
 */
async function teamDisconnects(tx: Tx, clientId: string, since: Date): Promise<((key: string) => boolean) | undefined> {
  const asked = await tx.auditLog.findMany({
    where: { clientId, action: { in: TEAM_DISCONNECTS }, createdAt: { gte: since } },
    select: { metadata: true },
  });
  if (asked.length === 0) return undefined;
  const wabaIds = new Set(asked.map((entry) => String((entry.metadata as { wabaId?: unknown } | null)?.wabaId)));
  return (key) => key.startsWith("number-gone:") || (key.startsWith("waba-gone:") && wabaIds.has(key.slice("waba-gone:".length)));
}

/**
 * Whether the client's snapshots of this plugin (those stored so far) ever showed an account, and
 * numbers. The latest one (already read) often says so; otherwise one look over the others.
 */
async function connectionHistory(
  tx: Tx,
  clientId: string,
  pluginId: string,
  latest: { pluginId: string; wabaCount: number; phoneCount: number } | null,
): Promise<ConnectionHistory> {
  if (latest?.pluginId === pluginId && latest.wabaCount > 0 && latest.phoneCount > 0) return { hadAccount: true, hadNumbers: true };
  const most = await tx.pluginConfigSnapshot.aggregate({ where: { clientId, pluginId }, _max: { wabaCount: true, phoneCount: true } });
  return { hadAccount: (most._max.wabaCount ?? 0) > 0, hadNumbers: (most._max.phoneCount ?? 0) > 0 };
}

/** What a snapshot brings up to date on the client's row, and what that depends on. */
export const SYNCED_CLIENT_SELECT = {
  name: true,
  contactName: true,
  contactEmail: true,
  clientReferenceId: true,
  pluginId: true,
  onboardingStatus: true,
  searchText: true,
  updatedAt: true,
} as const;
export type SyncedClient = Prisma.ClientGetPayload<{ select: typeof SYNCED_CLIENT_SELECT }>;

/**
 * The client's stage and search text follow what ChakraHQ reports. A connection that is gone
 * (its account disconnected, or all its numbers) needs the agency: "Attention needed". With the
 * row the caller read (`known`), one write that holds only while the row is still as read;
 * otherwise (or if it changed meanwhile) the row is read here.
 */
async function syncClient(
  tx: Tx,
  clientId: string,
  summary: ConfigSummary,
  history: ConnectionHistory,
  numbers: string[],
  known?: SyncedClient,
) {
  const update = (client: SyncedClient) => {
    const data = {
      onboardingStatus: stageAfterSnapshot(client.onboardingStatus, summary, history),
      searchText: buildSearchText(client, numbers),
    };
    // A refresh that changes nothing on the row keeps its time: the clients list's "Updated"
    // is not every health check's.
    const same = data.onboardingStatus === client.onboardingStatus && data.searchText === client.searchText;
    return same ? { ...data, updatedAt: client.updatedAt } : data;
  };
  if (known) {
    const written = await tx.client.updateMany({ where: { id: clientId, ...known }, data: update(known) });
    if (written.count === 1) return;
  }
  const client = await tx.client.findUnique({ where: { id: clientId }, select: SYNCED_CLIENT_SELECT });
  if (!client) return;
  await tx.client.update({ where: { id: clientId }, data: update(client), select: { id: true } });
}

/**
 * The configuration a snapshot holds, parsed with the schema that parsed ChakraHQ's answer
 * before it was stored (so the types are checked, not assumed).
 */
export function storedConfig(raw: Prisma.JsonValue): PluginConfig {
  return pluginConfigSchema.parse(raw);
}

/** The latest stored configuration of a client's plugin, and when it was fetched. */
export async function latestConfigForClient(clientId: string) {
  const snapshot = await db.pluginConfigSnapshot.findFirst({
    where: { clientId, isLatest: true },
    select: { raw: true, fetchedAt: true },
  });
  return snapshot ? { config: storedConfig(snapshot.raw), fetchedAt: snapshot.fetchedAt } : null;
}

/**
 * What the end client's page shows for a connected link: the latest stored configuration, and
 * whether it says the connection was removed since (see `connectionRemoved`).
 */
export async function connectionForClient(clientId: string) {
  const snapshot = await db.pluginConfigSnapshot.findFirst({
    where: { clientId, isLatest: true },
    select: { id: true, pluginId: true, raw: true, fetchedAt: true, wabaCount: true, phoneCount: true },
  });
  if (!snapshot) return null;
  const earlier = { clientId, pluginId: snapshot.pluginId, id: { not: snapshot.id } };
  const [account, numbers] = await Promise.all([
    db.pluginConfigSnapshot.findFirst({ where: { ...earlier, wabaCount: { gt: 0 } }, select: { id: true } }),
    db.pluginConfigSnapshot.findFirst({ where: { ...earlier, phoneCount: { gt: 0 } }, select: { id: true } }),
  ]);
  return {
    config: storedConfig(snapshot.raw),
    fetchedAt: snapshot.fetchedAt,
    removed: connectionRemoved(snapshot, { hadAccount: Boolean(account), hadNumbers: Boolean(numbers) }),
  };
}
