import "server-only";
import { z } from "zod";
import type { Prisma } from "../generated/prisma/sqlite/client";
import { db } from "../db";
import { isPermanentEmailError, sendEmail } from "../email/mailer";
import type { EmailDeliveryView } from "../email/delivery";
import type { RenderedEmail } from "../email/render";
import { defineJob, type JobContext } from "../jobs/engine";
import { sendJob } from "../jobs";

type Tx = Prisma.TransactionClient;

/*
 * Email that is not lost: every email but sign-in links is stored here first, then sent by the
 * "send-email" job, which retries with backoff (a mail server outage delays it, it does not
 * lose it or fail the admin's action). Each delivery's state (queued, sent, retrying, failed
 * with the reason) shows in the link's history.
 *
 * Adding an email: write its template in lib/email/messages.tsx, then
 *
 *   await queueEmail({ kind: "weekly-digest", to, email: await weeklyDigestEmail({ ... }), clientId });
 *
 * (`linkId`/`clientId` tie it to a link's or client's history; pass `tx` to store it in the
 * same transaction as the change it tells about, then call `dispatchEmail(id)` after commit).
 */

export type QueuedEmail = {
  /** Which email (its template), e.g. "onboarding"; shown nowhere to end clients. */
  kind: string;
  to: string;
  email: RenderedEmail;
  clientId?: string | null;
  linkId?: string | null;
};

/** Tries (1 + limit) times over about two hours: 30 s, 1, 2, 4, 8, 16, 32 and 64 min apart. */
export const EMAIL_RETRY = { limit: 8, delaySeconds: 30, backoff: true } as const;

/**
 * Stores an email to send; without `tx` its job is queued at once. With `tx`, the email is part
 * of the caller's transaction: call `dispatchEmail` with the id once it has committed (if that
 * is missed, the email sweep queues it within a few minutes). Returns the delivery's id.
 */
export async function queueEmail(input: QueuedEmail, tx?: Tx): Promise<string> {
  const { id } = await (tx ?? db).emailDelivery.create({
    data: {
      kind: input.kind,
      to: input.to,
      subject: input.email.subject,
      html: input.email.html,
      text: input.email.text,
      clientId: input.clientId ?? null,
      linkId: input.linkId ?? null,
    },
    select: { id: true },
  });
  if (!tx) await dispatchEmail(id);
  return id;
}

/**
 * Queues the job that sends a stored email. A queue that cannot be reached is logged, not
 * thrown: the email is stored, and the sweep queues it later. `background`: an email no one is
 * waiting for (alerts, reminders, digests, sent by the sweeps in bulk), taken after the others,
 * so an end client's "I need help" does not wait behind a sweep's hundred alerts.
 */
export async function dispatchEmail(deliveryId: string, { background = false } = {}): Promise<void> {
  try {
    await sendJob(sendEmailJob, { deliveryId }, { key: deliveryId, priority: background ? 0 : 1 });
  } catch (error) {
    console.error(`[email] delivery ${deliveryId} stored, not yet queued: ${(error as Error).message}`);
  }
}

/** The reason shown to admins: one line, no longer than a sentence or two. */
const reasonOf = (error: unknown) =>
  String((error as Error)?.message ?? error)
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 300) || "Unknown error";

/**
 * Sends one stored email. A failure that a retry may fix is recorded (RETRYING, the reason)
 * and thrown, so the engine tries again after its backoff; a permanent refusal, or the last
 * attempt's failure, is recorded as FAILED. Runs twice harmlessly: a sent email is not resent.
 */
export async function deliverEmail({ deliveryId }: { deliveryId: string }, job: JobContext): Promise<void> {
  const delivery = await db.emailDelivery.findUnique({ where: { id: deliveryId } });
  if (!delivery || delivery.status === "SENT" || delivery.status === "FAILED") return;
  if (delivery.html === null || delivery.text === null) return;
  try {
    await sendEmail({ to: delivery.to, subject: delivery.subject, html: delivery.html, text: delivery.text });
  } catch (error) {
    const final = job.lastAttempt || isPermanentEmailError(error);
    // updateMany: a delivery deleted meanwhile (with its client) has nothing left to record.
    await db.emailDelivery.updateMany({
      where: { id: deliveryId },
      data: {
        status: final ? "FAILED" : "RETRYING",
        attempts: { increment: 1 },
        lastError: reasonOf(error),
        ...(final ? { html: null, text: null } : {}),
      },
    });
    if (final) {
      console.error(`[email] "${delivery.kind}" to ${delivery.to} failed for good: ${reasonOf(error)}`);
      return;
    }
    throw error;
  }
  await db.emailDelivery.updateMany({
    where: { id: deliveryId },
    data: { status: "SENT", sentAt: new Date(), attempts: { increment: 1 }, html: null, text: null },
  });
}

export const sendEmailJob = defineJob({
  name: "send-email",
  schema: z.object({ deliveryId: z.string().min(1) }),
  handler: deliverEmail,
  retry: EMAIL_RETRY,
  // An SMTP conversation gives up well within this (nodemailer's own timeouts are 2 minutes at most).
  expireInSeconds: 300,
  concurrency: 2,
});

/** Emails stored but never queued (the queue was down, or the process stopped in between). */
const STRANDED_AFTER_MS = 2 * 60 * 1000;

/** Queues every stranded email; its job's key keeps one already queued from being queued twice. */
export async function sweepEmails(): Promise<number> {
  const stranded = await db.emailDelivery.findMany({
    where: { status: "QUEUED", attempts: 0, createdAt: { lt: new Date(Date.now() - STRANDED_AFTER_MS) } },
    select: { id: true },
    orderBy: { createdAt: "asc" },
    take: 200,
  });
  for (const { id } of stranded) await dispatchEmail(id);
  return stranded.length;
}

export const emailSweepJob = defineJob({
  name: "email-sweep",
  schema: z.object({}),
  handler: async () => {
    await sweepEmails();
  },
  retry: { limit: 0, delaySeconds: 60, backoff: false },
  expireInSeconds: 120,
  concurrency: 1,
});

/** What the link's history shows of an email (never its body). */
export const EMAIL_DELIVERY_SELECT = {
  id: true,
  to: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  updatedAt: true,
} as const satisfies Record<keyof EmailDeliveryView, true>;
