"use server";

import { revalidatePath } from "next/cache";
import { getAgencyBranding, getDefaultLanguage } from "../data/agency";
import { getClient } from "../data/clients/records";
import { markRequestAnswered } from "../data/onboarding/help";
import {
  countInvitable,
  createLink,
  invitableClients,
  recordLinkSent,
  revokeLink,
  rotateLink,
} from "../data/onboarding/links";
import { onboardingEmail } from "../email/messages";
import type { LinkPurpose } from "../onboarding/rules";
import { DEFAULT_LOCALE, isLocale } from "../i18n/locales";
import { clientIdSchema } from "../validations/clients";
import { createLinkSchema, inviteAllSchema, linkIdSchema, resendLinkSchema } from "../validations/links";
import { fail, failure } from "../result";
import { createAction, type ActionState } from "./safe-action";

/** The outcome of creating or re-sending a link; `url` is shown once (only its hash is kept). */
export type LinkState = ActionState<{ url?: string }>;

/** The onboarding email for a link, in the client's language, and its recipient. */
async function composeLinkEmail(args: {
  clientId: string;
  to: string | null;
  url: string;
  expires: Date;
  purpose: LinkPurpose;
}) {
  const client = await getClient(args.clientId);
  if (!client) throw new Error("Client not found");
  const to = args.to ?? client.contactEmail;
  const [agency, agencyDefault] = await Promise.all([getAgencyBranding(), getDefaultLanguage()]);
  // The client's language, else the agency's default; an email cannot ask the browser.
  const locale = [client.language, agencyDefault].find(isLocale) ?? DEFAULT_LOCALE;
  const email = await onboardingEmail({
    agency,
    clientName: client.name,
    contactName: to === client.contactEmail ? client.contactName : null,
    url: args.url,
    expires: args.expires,
    purpose: args.purpose,
    locale,
  });
  return { to, email };
}

/** Creates a client's onboarding link (revoking earlier ones), and emails it unless only a copy is wanted. */
export const createLinkAction = createAction(
  { role: "ADMIN", schema: createLinkSchema },
  async (input, user): Promise<LinkState> => {
    const client = await getClient(input.clientId);
    // A client that has a plugin may need a reconnect or a new number: the admin says which.
    if (client?.pluginId && !input.purpose) {
      return failure("INVALID", "Check the highlighted field.", {
        purpose: ["Choose what this link asks the client to do."],
      });
    }
    const purpose = input.purpose ?? "CONNECT";
    const created = await createLink({ actor: user, clientId: input.clientId, validDays: input.validDays, purpose });
    if (!created.ok) return created;
    revalidatePath(`/clients/${input.clientId}`);
    if (input.mode === "copy")
      return { ok: true, url: created.url, message: "Link created. Copy it now: it is shown only once." };
    try {
      // Queued: a mail server outage delays the email (its state shows in the link's history).
      const { to, email } = await composeLinkEmail({
        clientId: input.clientId,
        to: input.sendTo,
        url: created.url,
        expires: created.link.expiresAt,
        purpose,
      });
      await recordLinkSent({ actor: user, linkId: created.link.id, to, email });
      return {
        ok: true,
        url: created.url,
        message: `Link created; the email to ${to} is queued (its delivery shows in the link's history).`,
      };
    } catch (error) {
      console.error(`[links] onboarding email not queued: ${(error as Error).message}`);
      return {
        ...fail("The link was created, but the email could not be sent. Copy the link below, or send it again."),
        url: created.url,
      };
    }
  },
);

/** Sends a link again: with a fresh address, since the old one is not stored. */
export const resendLinkAction = createAction(
  { role: "ADMIN", schema: resendLinkSchema },
  async (input, user): Promise<LinkState> => {
    const rotated = await rotateLink({ actor: user, linkId: input.linkId });
    if (!rotated.ok) return rotated;
    revalidatePath(`/clients/${rotated.clientId}`);
    try {
      const { to, email } = await composeLinkEmail({
        clientId: rotated.clientId,
        to: input.sendTo,
        url: rotated.url,
        expires: rotated.expiresAt,
        purpose: rotated.purpose,
      });
      await recordLinkSent({ actor: user, linkId: input.linkId, to, email });
      return {
        ok: true,
        url: rotated.url,
        message: `New address queued for ${to}. The previous address no longer works.`,
      };
    } catch (error) {
      console.error(`[links] onboarding email not queued: ${(error as Error).message}`);
      return { ...fail("The email could not be sent. Copy the new address below instead."), url: rotated.url };
    }
  },
);

/** Stops a link from working. */
export const revokeLinkAction = createAction({ role: "ADMIN", schema: linkIdSchema }, async ({ linkId }, user) => {
  const result = await revokeLink({ actor: user, linkId });
  if (!result.ok) return result;
  revalidatePath(`/clients/${result.clientId}`);
  return { ok: true, message: "Link revoked." };
});

/** The client's open request (help, a new link) answered another way: the dashboard stops listing it. */
export const markRequestAnsweredAction = createAction(
  { role: "ADMIN", schema: clientIdSchema },
  async ({ id }, user) => {
    const result = await markRequestAnswered({ actor: user, clientId: id });
    if (!result.ok) return result;
    revalidatePath(`/clients/${id}`);
    revalidatePath("/dashboard");
    return { ok: true, message: "Marked answered." };
  },
);

const clients = (n: number) => `${n} ${n === 1 ? "client" : "clients"}`;

/**
 * "Email a link to each": a first connection link for every client never sent one (at most
 * BULK_INVITE_MAX a press), emailed to its contact in its language. A client whose plugin already
 * has a WhatsApp Business Account is left to the admin, who chooses its link on its page.
 */
export const inviteAllAction = createAction({ role: "ADMIN", schema: inviteAllSchema }, async ({ validDays }, user) => {
  const waiting = await invitableClients();
  let sent = 0;
  let unsent = 0;
  for (const client of waiting) {
    const created = await createLink({ actor: user, clientId: client.id, validDays, firstOnly: true });
    // Refused: archived, or sent a link by someone else meanwhile; either way not this press's to send.
    if (!created.ok) continue;
    try {
      const { to, email } = await composeLinkEmail({
        clientId: client.id,
        to: null,
        url: created.url,
        expires: created.link.expiresAt,
        purpose: "CONNECT",
      });
      await recordLinkSent({ actor: user, linkId: created.link.id, to, email });
      sent++;
    } catch (error) {
      console.error(`[links] onboarding email not queued: ${(error as Error).message}`);
      unsent++;
    }
  }
  revalidatePath("/clients");
  revalidatePath("/dashboard");
  // After this press: those beyond its batch, and those the admin chooses for.
  const { invitable: more, toChoose } = await countInvitable();
  if (waiting.length === 0 && toChoose === 0) return fail("No client is waiting for a first link.");
  const said = [
    sent > 0 ? `Links emailed to ${clients(sent)}: each delivery shows in the client's links.` : "No link was emailed.",
    unsent > 0 ? `${clients(unsent)} could not be emailed: open each one to send its link again.` : "",
    toChoose > 0
      ? `${clients(toChoose)} already ${toChoose === 1 ? "has" : "have"} a WhatsApp account on their plugin: choose each one's link on its page.`
      : "",
    more > 0 ? `${clients(more)} more ${more === 1 ? "is" : "are"} waiting: press again.` : "",
  ].filter(Boolean);
  if (sent === 0) return fail(said.join(" "));
  return { ok: true, message: said.join(" ") };
});
