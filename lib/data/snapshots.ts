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
export async function storeSnapshot({ clientId, pluginId, config }: { clientId: string | null; pluginId: string; config: PluginConfig }) {
  const summary = summarizeConfig(config);
  const phones: PhoneState[] = config.whatsappPhoneNumbers.map((p) => ({
    phoneNumberId: p.id,
    displayPhoneNumber: p.display_phone_number ?? "",
    status: p.status ?? null,
    qualityRating: p.quality_rating ?? null,
  }));
  return db.$transaction(async (tx) => {
    const scope = clientId ? { clientId } : { pluginId, clientId: null };
    const previous = await tx.pluginConfigSnapshot.findFirst({
      where: { ...scope, isLatest: true },
      select: { id: true, raw: true, pluginId: true, phoneNumbers: { select: { phoneNumberId: true, displayPhoneNumber: true, status: true, qualityRating: true } } },
    });
    const history = clientId ? await connectionHistory(tx, clientId, pluginId) : null;
    // The previous latest's numbers leave the overview (see SnapshotPhoneNumber.listed).
    await tx.snapshotPhoneNumber.updateMany({ where: { listed: true, snapshot: { ...scope, isLatest: true } }, data: { listed: false } });
    await tx.pluginConfigSnapshot.updateMany({ where: { ...scope, isLatest: true }, data: { isLatest: false } });
    const snapshot = await tx.pluginConfigSnapshot.create({
      data: {
        clientId,
        pluginId,
        raw: config as Prisma.InputJsonValue,
        ...summary,
        isLatest: true,
        phoneNumbers: {
          create: config.whatsappPhoneNumbers.map((p, i) => ({
            ...phones[i]!,
            verifiedName: p.verified_name ?? null,
            nameStatus: p.name_status ?? null,
            isOnBizApp: p.is_on_biz_app ?? null,
          })),
        },
      },
      select: { id: true, fetchedAt: true },
    });
    let alertsOpened = 0;
    if (clientId) {
      // Compared with the same plugin's previous state only: a newly mapped plugin starts afresh.
      const samePlugin = previous?.pluginId === pluginId;
      const before = previous && samePlugin ? { found: true as const, config: storedConfig(previous.raw) } : null;
      alertsOpened = await applyAlertRules(tx, { clientId, before, after: { found: true, config }, restart: !samePlugin });
      for (const change of describeChanges(previous?.phoneNumbers ?? [], phones)) {
        await recordAudit({ actor: null, action: change.action, targetType: "client", targetId: clientId, clientId, metadata: change.metadata }, tx);
      }
      await syncClient(tx, clientId, summary, history!, phones.map((p) => p.displayPhoneNumber));
      // The overview lists the new numbers unless the client is archived. Read after syncClient's
      // write to the client's row: on PostgreSQL an archiving that runs meanwhile waits for this
      // transaction, or has committed before this statement reads.
      await tx.snapshotPhoneNumber.updateMany({ where: { snapshotId: snapshot.id, snapshot: { client: { archived: false } } }, data: { listed: true } });
    }
    return { ...snapshot, alertsOpened };
  });
}

/** Whether the client's snapshots of this plugin (those stored so far) ever showed an account, and numbers. */
async function connectionHistory(tx: Tx, clientId: string, pluginId: string): Promise<ConnectionHistory> {
  // One after the other: queries inside a transaction share its one connection.
  const account = await tx.pluginConfigSnapshot.findFirst({ where: { clientId, pluginId, wabaCount: { gt: 0 } }, select: { id: true } });
  const numbers = await tx.pluginConfigSnapshot.findFirst({ where: { clientId, pluginId, phoneCount: { gt: 0 } }, select: { id: true } });
  return { hadAccount: Boolean(account), hadNumbers: Boolean(numbers) };
}

/**
 * The client's stage and search text follow what ChakraHQ reports. A connection that is gone
 * (its account disconnected, or all its numbers) needs the agency: "Attention needed".
 */
async function syncClient(
  tx: Tx,
  clientId: string,
  summary: ConfigSummary,
  history: ConnectionHistory,
  numbers: string[],
) {
  const client = await tx.client.findUnique({
    where: { id: clientId },
    select: { name: true, contactName: true, contactEmail: true, clientReferenceId: true, pluginId: true, onboardingStatus: true },
  });
  if (!client) return;
  const status = stageAfterSnapshot(client.onboardingStatus, summary, history);
  await tx.client.update({ where: { id: clientId }, data: { onboardingStatus: status, searchText: buildSearchText(client, numbers) } });
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
