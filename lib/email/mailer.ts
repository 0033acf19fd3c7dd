import "server-only";
import { createTransport, type Transporter } from "nodemailer";
import { db } from "../db";
import { env } from "../env";

export type EmailMessage = { to: string; subject: string; html: string; text: string };

let transport: Transporter | null = null;

/**
 * Sends an email: through SMTP when SMTP_URL is set, otherwise into the local outbox
 * (development only: production refuses to start without SMTP_URL), readable at /dev/outbox.
 */
export async function sendEmail(message: EmailMessage): Promise<void> {
  if (env.SMTP_URL) {
    transport ??= createTransport(env.SMTP_URL);
    const result = await transport.sendMail({ from: env.EMAIL_FROM, ...message });
    const refused = [...(result.rejected ?? []), ...(result.pending ?? [])];
    if (refused.length > 0) throw new Error(`The mail server refused ${refused.length} recipient(s)`);
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
