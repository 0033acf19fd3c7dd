"use server";

import { headers } from "next/headers";
import { isChakraError } from "../chakra";
import { getAgencyBranding } from "../data/agency";
import { recordAudit } from "../data/audit";
import { claimPluginHoldNotice, type PluginHold } from "../data/clients";
import {
  confirmConnection,
  linkClient,
  linkRecipients,
  mintForLink,
  recordLinkEvent,
  resolveLink,
} from "../data/links";
import { consumeRateLimit } from "../data/rate-limit";
import { connectedEmail, newLinkRequestEmail, pluginHoldEmail } from "../email/messages";
import { sendEmail } from "../email/mailer";
import { env } from "../env";
import { addressBucket, clientAddress } from "../http/client-address";
import { linkTokenSchema, onboardingReportSchema } from "../validations/links";

/*
 * The end client's actions: public by nature, each takes only the link's token, so a link
 * can only ever act for its own client. Rate-limited per link and per address.
 */

/** `code`: "held" (the agency has to act before a signup can start), "busy" (try again in a moment). */
type Refusal = { ok: false; message: string; state?: string; code?: "held" | "busy" };

const GONE: Record<string, string> = {
  unknown: "This link is not valid.",
  expired: "This link has expired.",
  revoked: "This link is no longer active.",
  connected: "WhatsApp is already connected through this link.",
};

/** What the per-address limit counts by: the address TRUSTED_PROXY_COUNT says is the client's. */
async function addressKey(): Promise<string> {
  return addressBucket(clientAddress(await headers(), env.TRUSTED_PROXY_COUNT));
}

async function limited(key: string, limit: number, windowMs: number): Promise<Refusal | null> {
  const result = await consumeRateLimit({ key, limit, windowMs });
  if (result.allowed) return null;
  const minutes = Math.ceil(result.retryAfterSeconds / 60);
  return {
    ok: false,
    message: `Too many attempts. Please wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`,
  };
}

const MINT_LIMITS = { perLink: 10, perAddress: 30, windowMs: 60 * 60 * 1000 };

/** Notes that the client opened the page (from the browser, so mail scanners do not count). */
export async function markLinkOpened(token: string): Promise<void> {
  if (!linkTokenSchema.safeParse(token).success) return;
  const link = await resolveLink(token);
  if (link.state !== "active") return;
  // A reload within ten minutes is the same visit.
  if (await limited(`opened:${link.linkId}`, 1, 10 * 60 * 1000)) return;
  await recordLinkEvent(link.linkId, "OPENED");
}

/** Mints a one-hour ChakraHQ connect token for this link's client. */
export async function startOnboarding(
  token: string,
): Promise<{ ok: true; connectToken: string; expiresAt: string } | Refusal> {
  if (!linkTokenSchema.safeParse(token).success) return { ok: false, message: GONE.unknown!, state: "unknown" };
  const link = await resolveLink(token);
  if (link.state !== "active") return { ok: false, message: GONE[link.state]!, state: link.state };
  const refused =
    (await limited(`mint:link:${link.linkId}`, MINT_LIMITS.perLink, MINT_LIMITS.windowMs)) ??
    (await limited(`mint:address:${await addressKey()}`, MINT_LIMITS.perAddress, MINT_LIMITS.windowMs));
  if (refused) return refused;
  let minted: Awaited<ReturnType<typeof mintForLink>>;
  try {
    minted = await mintForLink(token);
  } catch (error) {
    const reason = isChakraError(error) ? error.message : "unexpected error";
    console.error(`[onboarding] connect token not minted: ${reason}`);
    await recordLinkEvent(link.linkId, "FAILED", `Could not start: ${reason}`);
    return { ok: false, message: "WhatsApp signup could not be started just now. Please try again in a few minutes." };
  }
  if (minted.ok) return { ok: true, connectToken: minted.connectToken, expiresAt: minted.expiresAt.toISOString() };
  if (!("reason" in minted)) return { ok: false, message: GONE[minted.state]!, state: minted.state };
  if (minted.reason === "busy") {
    return {
      ok: false,
      code: "busy",
      message:
        "Your WhatsApp signup is already being prepared, perhaps in another tab or window. Please try again in a moment.",
    };
  }
  return heldRefusal(link, minted.hold);
}

/**
 * No new plugin is asked for while ChakraHQ may have created one the app does not know: the
 * end client hears that it is the agency's turn, and the admins are emailed once per hold.
 */
async function heldRefusal(
  link: { linkId: string; clientId: string; clientName: string },
  hold: PluginHold,
): Promise<Refusal> {
  const agency = await getAgencyBranding();
  if (await claimPluginHoldNotice(link.clientId)) {
    await recordLinkEvent(
      link.linkId,
      "FAILED",
      `Not started: the request to ChakraHQ for a new plugin (reference ${hold.reference}) ended without a clear outcome; waiting for the agency`,
    );
    const message = pluginHoldEmail({
      agency,
      clientName: link.clientName,
      reference: hold.reference,
      reason: hold.reason,
      clientUrl: `${env.APP_URL}/clients/${link.clientId}`,
    });
    const recipients = await linkRecipients(link.linkId);
    await Promise.all(
      recipients.map((to) =>
        sendEmail({ to, ...message }).catch((e: Error) =>
          console.error(`[onboarding] hold notice not sent: ${e.message}`),
        ),
      ),
    );
  }
  return {
    ok: false,
    code: "held",
    message: `${agency.name} has to finish setting up your account before WhatsApp can be connected. They have been told and will let you know when to try again.`,
  };
}

/** Records that the client cancelled, or that the signup failed (with Meta's or ChakraHQ's words). */
export async function reportOnboarding(
  token: string,
  report: { kind: "cancelled" | "failed"; message?: string },
): Promise<void> {
  const parsed = onboardingReportSchema.safeParse(report);
  if (!parsed.success || !linkTokenSchema.safeParse(token).success) return;
  const link = await resolveLink(token);
  if (link.state !== "active") return;
  if (await limited(`report:${link.linkId}`, 30, 60 * 60 * 1000)) return;
  await recordLinkEvent(
    link.linkId,
    parsed.data.kind === "cancelled" ? "CANCELLED" : "FAILED",
    parsed.data.message ?? null,
  );
}

/**
 * After the SDK said "connected": the server checks with ChakraHQ, stores what it sees,
 * and on the first confirmation emails the admins who sent the link.
 */
export async function confirmOnboarding(token: string): Promise<{ ok: true; numbers: string[] } | Refusal> {
  if (!linkTokenSchema.safeParse(token).success) return { ok: false, message: GONE.unknown! };
  const link = await resolveLink(token);
  if (link.state !== "active" && link.state !== "connected") return { ok: false, message: GONE[link.state]! };
  const refused = await limited(`confirm:${link.linkId}`, 20, 60 * 60 * 1000);
  if (refused) return refused;
  try {
    const result = await confirmConnection(token);
    if (!result.ok) {
      return {
        ok: false,
        message:
          "ChakraHQ does not show a connected WhatsApp account yet. If you finished Meta's steps, wait a minute and check again.",
      };
    }
    const numbers = result.config.whatsappPhoneNumbers.map((p) => p.display_phone_number ?? p.id);
    if (result.newlyConnected && link.state === "active") {
      const [agency, recipients] = await Promise.all([getAgencyBranding(), linkRecipients(link.linkId)]);
      const message = connectedEmail({
        agency,
        clientName: link.clientName,
        numbers,
        clientUrl: `${env.APP_URL}/clients/${result.clientId}`,
      });
      await Promise.all(
        recipients.map((to) =>
          sendEmail({ to, ...message }).catch((e: Error) =>
            console.error(`[onboarding] notice not sent: ${e.message}`),
          ),
        ),
      );
    }
    return { ok: true, numbers };
  } catch (error) {
    if (!isChakraError(error)) throw error;
    console.error(`[onboarding] connection not confirmed: ${error.message}`);
    return {
      ok: false,
      message: "We could not check with ChakraHQ just now. Your connection is not lost: check again in a minute.",
    };
  }
}

/** From an expired or revoked link: tells the agency that the client wants a new one. */
export async function requestNewLink(token: string): Promise<{ ok: true } | Refusal> {
  if (!linkTokenSchema.safeParse(token).success) return { ok: false, message: GONE.unknown! };
  const link = await resolveLink(token);
  if (link.state !== "expired" && link.state !== "revoked")
    return { ok: false, message: "This link does not need replacing." };
  const refused = await limited(`new-link:${link.linkId}`, 1, 24 * 60 * 60 * 1000);
  if (refused) return { ok: false, message: "The agency was already told today. They will send you a new link." };
  const [agency, recipients, info] = await Promise.all([
    getAgencyBranding(),
    linkRecipients(link.linkId),
    linkClient(link.linkId),
  ]);
  if (info) {
    const message = newLinkRequestEmail({
      agency,
      clientName: info.clientName,
      clientUrl: `${env.APP_URL}/clients/${info.clientId}`,
    });
    await Promise.all(
      recipients.map((to) =>
        sendEmail({ to, ...message }).catch((e: Error) => console.error(`[onboarding] request not sent: ${e.message}`)),
      ),
    );
    await recordAudit({
      actor: null,
      action: "link.new_requested",
      targetType: "link",
      targetId: link.linkId,
      clientId: info.clientId,
    });
  }
  return { ok: true };
}
