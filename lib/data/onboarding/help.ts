import "server-only";
import { db } from "../../db";
import { fail, type Result } from "../../result";
import { recordAudit, type AuditAction } from "../audit";
import type { Actor } from "../team";
import { recordLinkEvent } from "./links";
import type { FoundLink } from "./signup";

/**
 * Keeps an end client's "I need help" message on the link's history (and the audit log), and
 * returns what the admins' email needs: the client's contact address.
 */
export async function recordHelpRequest({ link, message }: { link: FoundLink; message: string }) {
  await recordLinkEvent(link, "HELP_REQUESTED", message);
  await recordAudit({
    actor: null,
    action: "link.help_requested",
    targetType: "link",
    targetId: link.linkId,
    clientId: link.clientId,
    metadata: { state: link.state, length: message.length },
  });
  const client = await db.client.findUnique({ where: { id: link.clientId }, select: { contactEmail: true } });
  return { contactEmail: client?.contactEmail ?? "" };
}

/** The audit action of a member's "Mark answered": the client's requests until then are answered. */
export const REQUEST_ANSWERED = "client.request_answered" satisfies AuditAction;

/**
 * A member answered the client's request another way (by phone, say): "Needs you now" stops
 * listing it. Later requests are listed again.
 */
export async function markRequestAnswered({ actor, clientId }: { actor: Actor; clientId: string }): Promise<Result> {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { id: true } });
  if (!client) return fail("This client no longer exists.");
  await recordAudit({ actor, action: REQUEST_ANSWERED, targetType: "client", targetId: clientId, clientId });
  return { ok: true };
}
