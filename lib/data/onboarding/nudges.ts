import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { expiryWarningEmail, reminderEmail } from "../../email/messages";
import type { RenderedEmail } from "../../email/render";
import { env } from "../../env";
import { DEFAULT_LOCALE, isLocale } from "../../i18n/locales";
import { defineJob } from "../../jobs/engine";
import { openToken } from "../../links/sealed";
import { dueNudges, HELP_ANCHOR, NUDGE_KINDS, type NudgeKind } from "../../onboarding/nudges";
import { getAgencyBranding, getDefaultLanguage, getNudgeSettings } from "../agency";
import { recordAudit } from "../audit";
import { dispatchEmail, queueEmail } from "../emails";
import { linkRecipients, onboardingUrl } from "./links";

/*
 * The reminders' sweep: finds the reminders due (lib/onboarding/nudges.ts decides, from each
 * live link, the settings and `now`) and sends each once. Each is claimed first: a LinkReminder
 * row (unique per link and kind) and the link's REMINDED event, written in a transaction that
 * re-reads the link and gives up if it is no longer live or its address changed. Two sweeps at
 * once: one insert wins, the other finds the row and sends nothing. The emails are queued in
 * the claim's transaction and sent by the email job (retried; each delivery's state shows in
 * the link's history), never twice.
 */

const BATCH = 200;

type Candidate = Awaited<ReturnType<typeof candidates>>[number];

/** Live links (not used, not revoked, not expired, client not archived), a batch after `afterId`. */
function candidates(now: Date, afterId: string | null) {
  return db.onboardingLink.findMany({
    where: {
      usedAt: null,
      revokedAt: null,
      expiresAt: { gt: now },
      client: { archived: false },
      ...(afterId ? { id: { gt: afterId } } : {}),
    },
    orderBy: { id: "asc" },
    take: BATCH,
    select: {
      id: true,
      clientId: true,
      purpose: true,
      tokenHash: true,
      tokenSealed: true,
      sentTo: true,
      createdAt: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      client: { select: { name: true, contactName: true, contactEmail: true, language: true, archived: true } },
      reminders: { select: { kind: true } },
      events: { where: { type: { in: ["SENT", "OPENED", "STARTED"] } }, select: { type: true, createdAt: true } },
    },
  });
}

function nudgeState(link: Candidate) {
  const sent = link.events.filter((e) => e.type === "SENT").map((e) => e.createdAt.getTime());
  const opened = link.events.filter((e) => e.type !== "SENT").map((e) => e.createdAt.getTime());
  return {
    createdAt: link.createdAt,
    expiresAt: link.expiresAt,
    usedAt: link.usedAt,
    revokedAt: link.revokedAt,
    clientArchived: link.client.archived,
    sentAt: sent.length ? new Date(Math.max(...sent)) : null,
    openedAt: opened.length ? new Date(Math.min(...opened)) : null,
    hasAddress: Boolean(link.tokenSealed),
    reminded: link.reminders.map((r) => r.kind).filter((k): k is NudgeKind => (NUDGE_KINDS as readonly string[]).includes(k)),
  };
}

/**
 * Claims a reminder and queues its emails in the same transaction (lib/data/emails.ts sends
 * them, with retries; their delivery shows in the link's history): the queued emails' ids when
 * this call wrote the claim, null when another sweep did, or the link is no longer live with
 * the same address.
 */
async function claimReminder(
  link: Candidate,
  kind: NudgeKind,
  detail: string,
  now: Date,
  messages: { to: string; email: RenderedEmail }[],
): Promise<string[] | null> {
  try {
    return await db.$transaction(async (tx) => {
      const live = await tx.onboardingLink.count({
        where: {
          id: link.id,
          tokenHash: link.tokenHash,
          usedAt: null,
          revokedAt: null,
          expiresAt: { gt: now },
          client: { archived: false },
        },
      });
      if (live === 0) return null;
      // Already claimed (by a sweep that committed first): give up without an error. On SQLite
      // a failed transaction rolls back whatever else this process wrote meanwhile on the
      // shared connection (the other sweep's email to the outbox, say), so it must not fail.
      if (await tx.linkReminder.findUnique({ where: { linkId_kind: { linkId: link.id, kind } }, select: { id: true } }))
        return null;
      await tx.linkReminder.create({ data: { linkId: link.id, kind } });
      await tx.onboardingLinkEvent.create({ data: { linkId: link.id, type: "REMINDED", detail } });
      const queued: string[] = [];
      for (const m of messages)
        queued.push(
          await queueEmail(
            { kind: `reminder-${kind}`, to: m.to, email: m.email, clientId: link.clientId, linkId: link.id },
            tx,
          ),
        );
      return queued;
    });
  } catch (error) {
    // PostgreSQL: the other sweep's row, inserted while this transaction ran. This one sends nothing.
    if ((error as { code?: string }).code === "P2002") return null;
    throw error;
  }
}

/** The admins to tell about a link: who created or sent it, else every owner and admin. */
export async function linkAdmins(linkId: string): Promise<string[]> {
  const people = await linkRecipients(linkId);
  if (people.length) return people;
  const admins = await db.user.findMany({
    where: { removedAt: null, role: { in: ["OWNER", "ADMIN"] } },
    select: { email: true },
    orderBy: { email: "asc" },
  });
  return admins.map((a) => a.email);
}

export type SweepResult = { sent: { linkId: string; kind: NudgeKind }[]; failed: number };

/** Sends every reminder due at `now` (the clock is the caller's: tests pass theirs). */
export async function sendDueReminders({ now = new Date() }: { now?: Date } = {}): Promise<SweepResult> {
  const settings = await getNudgeSettings();
  const result: SweepResult = { sent: [], failed: 0 };
  if (settings.unopenedDays === null && settings.unfinishedDays === null && !settings.expiryWarning) return result;
  const [agency, agencyDefault] = await Promise.all([getAgencyBranding(), getDefaultLanguage()]);
  let afterId: string | null = null;
  for (;;) {
    const batch = await candidates(now, afterId);
    if (batch.length === 0) break;
    afterId = batch.at(-1)!.id;
    for (const link of batch) {
      for (const kind of dueNudges(nudgeState(link), settings, now)) {
        const outcome = await sendReminder({ link, kind, now, agency, agencyDefault });
        if (outcome === "sent") result.sent.push({ linkId: link.id, kind });
        if (outcome === "failed") result.failed++;
      }
    }
    if (batch.length < BATCH) break;
  }
  return result;
}

async function sendReminder({
  link,
  kind,
  now,
  agency,
  agencyDefault,
}: {
  link: Candidate;
  kind: NudgeKind;
  now: Date;
  agency: Awaited<ReturnType<typeof getAgencyBranding>>;
  agencyDefault: string | null;
}): Promise<"sent" | "skipped" | "failed"> {
  const clientUrl = `${env.APP_URL.replace(/\/+$/, "")}/clients/${link.clientId}`;
  let messages: { to: string; email: RenderedEmail }[];
  if (kind === "expiring") {
    const opened = link.events.some((e) => e.type !== "SENT");
    const email = await expiryWarningEmail({
      agency,
      clientName: link.client.name,
      expires: link.expiresAt,
      opened,
      clientUrl,
    });
    messages = (await linkAdmins(link.id)).map((to) => ({ to, email }));
  } else {
    const token = link.tokenSealed ? openToken(link.tokenSealed) : null;
    if (!token) return "skipped";
    const to = link.sentTo ?? link.client.contactEmail;
    const url = onboardingUrl(token);
    const locale = [link.client.language, agencyDefault].find(isLocale) ?? DEFAULT_LOCALE;
    const email = await reminderEmail({
      agency,
      kind,
      clientName: link.client.name,
      contactName: to === link.client.contactEmail ? link.client.contactName : null,
      url,
      helpUrl: `${url}#${HELP_ANCHOR}`,
      expires: link.expiresAt,
      purpose: link.purpose,
      locale,
    });
    messages = [{ to, email }];
  }
  if (messages.length === 0) return "skipped";
  const detail = `${kind}: to ${messages.map((m) => m.to).join(", ")}`;
  const queued = await claimReminder(link, kind, detail, now, messages);
  if (!queued) return "skipped";
  await recordAudit({
    actor: null,
    action: "link.reminded",
    targetType: "link",
    targetId: link.id,
    clientId: link.clientId,
    metadata: { kind, to: messages.map((m) => m.to) },
  });
  // Queued: a mail server outage delays the email (retried), it does not lose it.
  for (const id of queued) await dispatchEmail(id, { background: true });
  return "sent";
}

/** The reminders' sweep, sent by the clock (lib/jobs/definitions.ts schedules). */
export const nudgeSweepJob = defineJob({
  name: "nudge-sweep",
  schema: z.object({}).passthrough(),
  handler: async () => {
    const result = await sendDueReminders();
    if (result.sent.length || result.failed)
      console.log(`[nudges] ${result.sent.length} reminder(s) sent, ${result.failed} failed`);
  },
  // A sweep that failed part-way is not retried: the next slot sweeps again, and sent reminders stay sent.
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  expireInSeconds: 10 * 60,
  concurrency: 1,
});
