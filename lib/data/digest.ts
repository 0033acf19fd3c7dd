import "server-only";
import { z } from "zod";
import { db } from "../db";
import { weeklyDigestEmail, type DigestEmailContent } from "../email/messages";
import { dispatchEmail, queueEmail } from "./emails";
import { env } from "../env";
import { defineJob, type JobContext } from "../jobs/engine";
import { sendJob } from "../jobs";
import { DIGEST_EXPIRING_MS, digestWeekFresh, digestWindow, weekOf } from "../onboarding/nudges";
import { getAgencyBranding } from "./agency";
import type { AlertPreference } from "./alerts";

/*
 * The weekly digest: one email per member who has not turned it off, once per week. The
 * clock's job (once a week) queues one job per member; each claims its MemberDigest row
 * (unique per member and week) before sending, so a redelivered job sends nothing twice.
 */

const appUrl = (path: string) => `${env.APP_URL.replace(/\/+$/, "")}${path}`;
const clientUrl = (id: string) => appUrl(`/clients/${id}`);

const activeClient = { archived: false } as const;

/** What the digest says at `now`: the week before it, and what is live now. */
export async function getDigest({ now = new Date() }: { now?: Date } = {}): Promise<DigestEmailContent> {
  const { from, to } = digestWindow(now);
  const live = { usedAt: null, revokedAt: null, expiresAt: { gt: now }, client: activeClient };
  const [connectedEvents, unfinished, expiring, numbers] = await Promise.all([
    db.onboardingLinkEvent.findMany({
      where: { type: "CONNECTED", createdAt: { gte: from, lt: to }, link: { client: activeClient } },
      orderBy: { createdAt: "asc" },
      select: { link: { select: { client: { select: { id: true, name: true } } } } },
    }),
    db.onboardingLink.findMany({
      where: { ...live, events: { some: { type: { in: ["OPENED", "STARTED"] } } } },
      orderBy: { createdAt: "asc" },
      select: { client: { select: { id: true, name: true } } },
    }),
    db.onboardingLink.findMany({
      where: { ...live, expiresAt: { gt: now, lte: new Date(now.getTime() + DIGEST_EXPIRING_MS) } },
      orderBy: { expiresAt: "asc" },
      select: { expiresAt: true, client: { select: { id: true, name: true } } },
    }),
    db.snapshotPhoneNumber.findMany({
      where: {
        snapshot: { isLatest: true, client: activeClient },
        OR: [{ AND: [{ status: { not: null } }, { NOT: { status: "CONNECTED" } }] }, { qualityRating: "RED" }],
      },
      select: { snapshot: { select: { client: { select: { id: true, name: true } } } } },
    }),
  ]);
  const unique = <T extends { id: string }>(items: T[]) => [...new Map(items.map((i) => [i.id, i])).values()];
  const attention = new Map<string, { name: string; url: string; numbers: number }>();
  for (const row of numbers) {
    const client = row.snapshot.client!;
    const entry = attention.get(client.id) ?? { name: client.name, url: clientUrl(client.id), numbers: 0 };
    entry.numbers++;
    attention.set(client.id, entry);
  }
  return {
    connected: unique(connectedEvents.map((e) => e.link.client)).map((c) => ({ name: c.name, url: clientUrl(c.id) })),
    unfinished: unique(unfinished.map((l) => l.client)).map((c) => ({ name: c.name, url: clientUrl(c.id) })),
    expiring: expiring.map((l) => ({ name: l.client.name, url: clientUrl(l.client.id), expires: l.expiresAt })),
    attention: [...attention.values()].sort((a, b) => b.numbers - a.numbers || a.name.localeCompare(b.name)),
    attentionNumbers: numbers.length,
  };
}

const isEmpty = (d: DigestEmailContent) =>
  !d.connected.length && !d.unfinished.length && !d.expiring.length && d.attentionNumbers === 0;

/**
 * Sends one member's digest for a week, once: "sent", "claimed" (another run did), "off" (the
 * member turned it off or left), or "quiet" (nothing to say: no email).
 */
export async function sendMemberDigest({
  userId,
  week,
  now = new Date(),
}: {
  userId: string;
  week: number;
  now?: Date;
}): Promise<"sent" | "claimed" | "off" | "quiet"> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, removedAt: true, weeklyDigest: true } });
  if (!user || user.removedAt || !user.weeklyDigest) return "off";
  const digest = await getDigest({ now });
  if (isEmpty(digest)) return "quiet";
  const email = await weeklyDigestEmail({
    agency: await getAgencyBranding(),
    digest,
    overviewUrl: appUrl("/"),
    preferencesUrl: appUrl("/team#your-emails"),
  });
  // The claim and the queued email in one transaction: once per member and week, and a mail
  // server outage delays the digest (the email job retries) instead of losing it.
  let deliveryId: string | null;
  try {
    deliveryId = await db.$transaction(async (tx) => {
      // Claimed already: give up without an error (on SQLite a failed transaction would roll
      // back what else this process wrote meanwhile on the shared connection).
      if (await tx.memberDigest.findUnique({ where: { userId_week: { userId, week } }, select: { id: true } }))
        return null;
      await tx.memberDigest.create({ data: { userId, week } });
      return queueEmail({ kind: "weekly-digest", to: user.email, email }, tx);
    });
  } catch (error) {
    // PostgreSQL: another worker's claim, inserted while this transaction ran.
    if ((error as { code?: string }).code === "P2002") return "claimed";
    throw error;
  }
  if (!deliveryId) return "claimed";
  await dispatchEmail(deliveryId, { background: true });
  return "sent";
}

export const memberDigestJob = defineJob({
  name: "member-digest",
  schema: z.object({ userId: z.string().min(1), week: z.number().int() }),
  handler: async ({ userId, week }) => {
    await sendMemberDigest({ userId, week });
  },
  // The claim and the queued email commit together; the email job retries the send: no retry here.
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  expireInSeconds: 5 * 60,
  concurrency: 2,
});

/** Queues this week's digest for every member who wants it (one job per member and week). */
export async function queueWeeklyDigests({ week, now = new Date() }: { week?: number; now?: Date } = {}) {
  const slot = week ?? weekOf(now);
  const members = await db.user.findMany({ where: { removedAt: null, weeklyDigest: true }, select: { id: true } });
  for (const member of members)
    await sendJob(memberDigestJob, { userId: member.id, week: slot }, { key: `digest:${slot}:${member.id}` });
  return { week: slot, queued: members.length };
}

/** Sent by the clock once a week (slots of a week from the Unix epoch: Thursdays, 00:00 UTC), acted on within the day. */
export const weeklyDigestJob = defineJob({
  name: "weekly-digest",
  schema: z.object({}).passthrough(),
  handler: async (_data: unknown, job: JobContext) => {
    // Only near the week's start: a worker first started mid-week sends nothing late.
    if (job.slot === undefined || !digestWeekFresh(job.slot, new Date())) return;
    await queueWeeklyDigests({ week: job.slot });
  },
  retry: { limit: 2, delaySeconds: 60, backoff: true },
  expireInSeconds: 5 * 60,
  concurrency: 1,
});

/** A member's own email preferences. */
export async function getMemberPreferences(userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { weeklyDigest: true } });
}

/** Saves a member's own emails: which alerts, and the weekly digest. */
export async function updateMemberPreferences({
  userId,
  alerts,
  weeklyDigest,
}: {
  userId: string;
  alerts: AlertPreference;
  weeklyDigest: boolean;
}) {
  // Both or neither: the form saves them with one button.
  await db.$transaction([
    db.memberPreference.upsert({ where: { userId }, create: { userId, alerts }, update: { alerts } }),
    db.user.update({ where: { id: userId }, data: { weeklyDigest } }),
  ]);
}
