import "server-only";
import { conditionHolds, detectConditions, type PluginState } from "../alerts/rules";
import type { Prisma } from "../generated/prisma/sqlite/client";
import { db } from "../db";
import { env } from "../env";
import { alertEmail } from "../email/messages";
import { getAgencyBranding } from "./agency";
import { recordAudit } from "./audit";
import { dispatchEmail, queueEmail } from "./emails";

type Tx = Prisma.TransactionClient;

/**
 * Brings a client's alerts up to date with a new state of its plugin (inside the transaction
 * that stores it): a condition seen for the first time, or back after it cleared, opens its
 * alert (on the client's timeline; to be emailed once); an open alert whose condition is gone
 * is cleared. Returns how many alerts it opened, and whether any open alert is not emailed yet.
 */
export async function applyAlertRules(
  tx: Tx,
  {
    clientId,
    before,
    after,
    restart = false,
    expected,
    now = new Date(),
  }: {
    clientId: string;
    before: PluginState | null;
    after: PluginState;
    /** Another plugin than before: every open alert was about the old one and is cleared unless seen again. */
    restart?: boolean;
    /** Conditions the team's own write just caused (a disconnect): on the timeline as that write, not opened as alerts. */
    expected?: (key: string) => boolean;
    now?: Date;
  },
): Promise<{ opened: number; unsent: boolean }> {
  const conditions = detectConditions(before, after).filter((c) => !expected?.(c.key));
  const open = await tx.alert.findMany({
    where: { clientId, status: "OPEN" },
    select: { id: true, key: true, baseline: true, title: true, emailedAt: true },
  });
  let unsent = false;
  const seen = new Set(conditions.map((c) => c.key));
  for (const alert of open) {
    if (seen.has(alert.key)) continue;
    if (!restart && conditionHolds(alert.key, after, alert.baseline)) {
      await tx.alert.update({ where: { id: alert.id }, data: { lastSeenAt: now } });
      unsent ||= alert.emailedAt === null;
      continue;
    }
    await tx.alert.update({ where: { id: alert.id }, data: { status: "CLEARED", clearedAt: now } });
    await recordAudit({ actor: null, action: "alert.cleared", targetType: "client", targetId: clientId, clientId, metadata: { key: alert.key, title: alert.title } }, tx);
  }
  let opened = 0;
  for (const condition of conditions) {
    const existing = open.find((a) => a.key === condition.key);
    const text = { title: condition.title, meaning: condition.meaning };
    if (existing) {
      await tx.alert.update({ where: { id: existing.id }, data: { ...text, lastSeenAt: now } });
      unsent ||= existing.emailedAt === null;
      continue;
    }
    const fresh = { ...text, status: "OPEN" as const, baseline: condition.baseline ?? null, firstSeenAt: now, lastSeenAt: now, clearedAt: null, emailedAt: null };
    await tx.alert.upsert({
      where: { clientId_key: { clientId, key: condition.key } },
      create: { clientId, key: condition.key, ...fresh },
      update: fresh,
    });
    await recordAudit({ actor: null, action: "alert.opened", targetType: "client", targetId: clientId, clientId, metadata: { key: condition.key, ...text } }, tx);
    opened++;
  }
  return { opened, unsent: unsent || opened > 0 };
}

/** Who is emailed about a client's alerts: members who want all alerts, and admins who chose "mine" and sent the client a link. */
export async function alertRecipients(clientId: string): Promise<string[]> {
  const members = await db.user.findMany({
    where: {
      removedAt: null,
      OR: [
        { preference: null },
        { preference: { alerts: "ALL" } },
        { preference: { alerts: "MINE" }, role: { in: ["ADMIN", "OWNER"] }, onboardingLinks: { some: { clientId } } },
      ],
    },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return members.map((m) => m.email);
}

/**
 * Queues the client's open alerts not emailed yet, each once: in one transaction an alert is
 * claimed (emailedAt set) and its emails are stored for the email job (lib/data/emails.ts, with
 * retries), so two workers never both queue it and a mail server outage delays it without
 * losing it. Returns how many alerts were queued.
 */
export async function deliverAlerts(clientId: string): Promise<number> {
  // Asked after every fetch: the client's name only when there is something to email (a
  // relation in this select would cost a second query each time).
  const pending = await db.alert.findMany({
    where: { clientId, status: "OPEN", emailedAt: null },
    select: { id: true, key: true, title: true, meaning: true },
    orderBy: { firstSeenAt: "asc" },
  });
  if (pending.length === 0) return 0;
  const [recipients, agency, client] = await Promise.all([
    alertRecipients(clientId),
    getAgencyBranding(),
    db.client.findUniqueOrThrow({ where: { id: clientId }, select: { name: true } }),
  ]);
  let sent = 0;
  for (const alert of pending) {
    const email = await alertEmail({
      agency,
      clientName: client.name,
      title: alert.title,
      meaning: alert.meaning,
      clientUrl: `${env.APP_URL}/clients/${clientId}`,
    });
    const queued = await db.$transaction(async (tx) => {
      const claimed = await tx.alert.updateMany({
        where: { id: alert.id, status: "OPEN", emailedAt: null },
        data: { emailedAt: new Date() },
      });
      if (claimed.count === 0) return null;
      const ids: string[] = [];
      for (const to of recipients) ids.push(await queueEmail({ kind: "alert", to, email, clientId }, tx));
      await recordAudit(
        {
          actor: null,
          action: "alert.emailed",
          targetType: "client",
          targetId: clientId,
          clientId,
          metadata: { key: alert.key, title: alert.title, recipients: recipients.length },
        },
        tx,
      );
      return ids;
    });
    if (!queued) continue;
    for (const id of queued) await dispatchEmail(id, { background: true });
    sent++;
  }
  return sent;
}

/** A client's open alerts, newest first (the client's page). */
export async function listOpenAlerts(clientId: string) {
  return db.alert.findMany({
    where: { clientId, status: "OPEN" },
    select: { id: true, title: true, meaning: true, firstSeenAt: true, emailedAt: true },
    orderBy: { firstSeenAt: "desc" },
  });
}

export const ALERT_PREFERENCES = ["ALL", "MINE", "NONE"] as const;
export type AlertPreference = (typeof ALERT_PREFERENCES)[number];

/** A member's alert emails choice (no row yet: all clients). */
export async function getAlertPreference(userId: string): Promise<AlertPreference> {
  const row = await db.memberPreference.findUnique({ where: { userId }, select: { alerts: true } });
  return row?.alerts ?? "ALL";
}
