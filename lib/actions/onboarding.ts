"use server";

import { headers } from "next/headers";
import { isChakraError } from "../chakra";
import { getAgencyBranding } from "../data/agency";
import { recordAudit } from "../data/audit";
import { claimPluginHoldNotice, type PluginHold } from "../data/clients";
import {
  checkSignup,
  confirmConnection,
  endSignupAttempt,
  linkClient,
  linkRecipients,
  mintForLink,
  recordLinkEvent,
  recordSdkEvent,
  resolveLink,
  SIGNUP_WAIT_MS,
} from "../data/links";
import { consumeRateLimit } from "../data/rate-limit";
import { connectionForClient } from "../data/snapshots";
import { connectedEmail, newLinkRequestEmail, pluginHoldEmail, signupUnconfirmedEmail } from "../email/messages";
import { sendEmail } from "../email/mailer";
import { env } from "../env";
import { addressBucket, clientAddress } from "../http/client-address";
import { linkTokenSchema, onboardingReportSchema, sdkEventSchema } from "../validations/links";

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
  await endSignupAttempt({ linkId: link.linkId, outcome: parsed.data.kind });
}

/**
 * Keeps an event of ChakraHQ's signup SDK as it came (onMessage's name and data, onSuccess,
 * onError), tokens removed and size-capped: the evidence of what the signup said.
 */
export async function reportSdkEvent(token: string, event: unknown): Promise<void> {
  const parsed = sdkEventSchema.safeParse(event);
  if (!parsed.success || !linkTokenSchema.safeParse(token).success) return;
  const link = await resolveLink(token);
  if (link.state !== "active" && link.state !== "connected") return;
  if (await limited(`sdk-event:${link.linkId}`, 60, 60 * 60 * 1000)) return;
  await recordSdkEvent({ linkId: link.linkId, detail: parsed.data });
}

/** Emails the admins who sent a link, each failure logged, none thrown. */
async function tellAdmins(linkId: string, message: { subject: string; text: string; html: string }, what: string) {
  const recipients = await linkRecipients(linkId);
  await Promise.all(
    recipients.map((to) =>
      sendEmail({ to, ...message }).catch((e: Error) => console.error(`[onboarding] ${what} not sent: ${e.message}`)),
    ),
  );
}

/**
 * Asked by the page every few seconds while a signup is open: the server looks at the plugin's
 * configuration itself, so a connection is found whatever the SDK's events are called.
 * `overdue`: no result in time; the admins have been emailed (once per attempt).
 */
export async function checkOnboarding(
  token: string,
): Promise<
  | { ok: true; status: "connected"; numbers: string[] }
  | { ok: true; status: "pending"; overdue: boolean }
  | { ok: true; status: "closed" }
  | Refusal
> {
  if (!linkTokenSchema.safeParse(token).success) return { ok: false, message: GONE.unknown!, state: "unknown" };
  const link = await resolveLink(token);
  if (link.state !== "active" && link.state !== "connected")
    return { ok: false, message: GONE[link.state]!, state: link.state };
  // Polled every few seconds: a minute allows two tabs, not a flood of ChakraHQ reads.
  const refused = await limited(`check:${link.linkId}`, 30, 60 * 1000);
  if (refused) return refused;
  const result = await checkSignup({ linkId: link.linkId });
  if (result.status === "connected") {
    if (result.newlyConnected) {
      const agency = await getAgencyBranding();
      const message = connectedEmail({
        agency,
        clientName: link.clientName,
        numbers: result.numbers,
        clientUrl: `${env.APP_URL}/clients/${link.clientId}`,
      });
      await tellAdmins(link.linkId, message, "notice");
    }
    return { ok: true, status: "connected", numbers: result.numbers };
  }
  if (result.status === "closed") return { ok: true, status: "closed" };
  if (result.newlyOverdue) {
    const agency = await getAgencyBranding();
    const message = signupUnconfirmedEmail({
      agency,
      clientName: link.clientName,
      waitMinutes: Math.round(SIGNUP_WAIT_MS / 60_000),
      clientUrl: `${env.APP_URL}/clients/${link.clientId}`,
    });
    await tellAdmins(link.linkId, message, "unconfirmed notice");
  }
  return { ok: true, status: "pending", overdue: result.overdue };
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
      const agency = await getAgencyBranding();
      const message = connectedEmail({
        agency,
        clientName: link.clientName,
        numbers,
        clientUrl: `${env.APP_URL}/clients/${result.clientId}`,
      });
      await tellAdmins(link.linkId, message, "notice");
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

/**
 * From an expired or revoked link, or a connected one whose connection ChakraHQ no longer
 * shows: tells the agency that the client wants a new one.
 */
export async function requestNewLink(token: string): Promise<{ ok: true } | Refusal> {
  if (!linkTokenSchema.safeParse(token).success) return { ok: false, message: GONE.unknown! };
  const link = await resolveLink(token);
  const removed = link.state === "connected" && Boolean((await connectionForClient(link.clientId))?.removed);
  if (link.state !== "expired" && link.state !== "revoked" && !removed)
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
      connectionRemoved: removed,
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
      ...(removed ? { metadata: { reason: "connection_removed" } } : {}),
    });
  }
  return { ok: true };
}
