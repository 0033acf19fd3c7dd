import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { db } from "../db";
import { env } from "../env";

export type EmailMessage = { to: string; subject: string; html: string; text: string };

let transport: Transporter | null = null;

/** The mail server refused the email for good (a 5xx answer): sending it again will not help. */
export class PermanentEmailError extends Error {
  override name = "PermanentEmailError";
}

/** True for a refusal that a retry cannot fix; network errors and 4xx answers are worth retrying. */
export function isPermanentEmailError(error: unknown): boolean {
  if (error instanceof PermanentEmailError) return true;
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Sends an email: through SMTP when SMTP_URL is set, otherwise into the local outbox
 * (development only: production refuses to start without SMTP_URL), readable at /dev/outbox.
 * Only sign-in links are sent with this directly; every other email is queued (lib/data/emails.ts).
 */
export async function sendEmail(message: EmailMessage): Promise<void> {
  if (env.SMTP_URL) {
    transport ??= createTransport(env.SMTP_URL);
    const result = await transport.sendMail({ from: env.EMAIL_FROM, ...message });
    const refused = [...(result.rejected ?? []), ...(result.pending ?? [])];
    if (refused.length > 0) throw new PermanentEmailError(`The mail server refused ${refused.length} recipient(s)`);
    return;
  }
  const saved = await db.outboxMessage.create({
    data: { from: env.EMAIL_FROM, ...message },
    select: { id: true },
  });
  console.log(`[outbox] "${message.subject}" to ${message.to}: ${env.APP_URL}/dev/outbox/${saved.id}`);
}

/** True when emails go to the local outbox instead of a mail server. */
export function usesOutbox(): boolean {
  return !env.SMTP_URL;
}
