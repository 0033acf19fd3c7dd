import "server-only";
import { db } from "../../db";
import { recordAudit } from "../audit";
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
