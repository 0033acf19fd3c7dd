"use server";

import { isChakraError } from "../chakra";
import { getAgencyBranding } from "../data/agency";
import { recordAudit } from "../data/audit";
import { recordHelpRequest } from "../data/onboarding/help";
import { linkRecipients, recordLinkEvent } from "../data/onboarding/links";
import { linkAdmins } from "../data/onboarding/nudges";
import { claimPluginHoldNotice, type PluginHold } from "../data/onboarding/mint";
import {
  checkSignup,
  confirmConnection,
  connectionRemovedSince,
  endSignup,
  mintForLink,
  recordSdkEvent,
  SIGNUP_WAIT_MS,
  type FoundLink,
} from "../data/onboarding/signup";
import {
  connectedEmail,
  helpRequestEmail,
  newLinkRequestEmail,
  pluginHoldEmail,
  signupUnconfirmedEmail,
} from "../email/messages";
import type { RenderedEmail } from "../email/render";
import { queueEmail } from "../data/emails";
import { env } from "../env";
import type { LinkRefusal } from "../onboarding/messages";
import { MINT_LIMITS } from "../onboarding/rules";
import { onboardingReportSchema, sdkEventSchema } from "../validations/links";
import { helpRequestSchema } from "../validations/nudges";
import { createTokenAction, rateLimited } from "./safe-action";

/*
 * The end client's actions: public by nature, each takes only the link's token, so a link
 * can only ever act for its own client. createTokenAction resolves the link once, refuses
 * links in other states and counts attempts per link and per address. Refusals are codes
 * (LinkRefusal): the page says them in words.
 */

const HOUR = 60 * 60 * 1000;

/** Notes that the client opened the page (from the browser, so mail scanners do not count). */
export const markLinkOpened = createTokenAction(
  // A reload within ten minutes is the same visit.
  { accepts: ["active"], limits: [{ name: "opened", per: "link", limit: 1, windowMs: 10 * 60 * 1000 }] },
  async (link) => {
    await recordLinkEvent(link, "OPENED");
    return { ok: true as const };
  },
);

/** Mints a one-hour ChakraHQ connect token for this link's client. */
export const startOnboarding = createTokenAction(
  {
    accepts: ["active"],
    limits: [
      { name: "mint", per: "link", limit: MINT_LIMITS.perLink, windowMs: HOUR },
      { name: "mint", per: "address", limit: MINT_LIMITS.perAddress, windowMs: HOUR },
    ],
  },
  async (link): Promise<{ ok: true; connectToken: string; expiresAt: string } | LinkRefusal> => {
    let minted: Awaited<ReturnType<typeof mintForLink>>;
    try {
      minted = await mintForLink(link);
    } catch (error) {
      const reason = isChakraError(error) ? error.message : "unexpected error";
      console.error(`[onboarding] connect token not minted: ${reason}`);
      await recordLinkEvent(link, "FAILED", `Could not start: ${reason}`);
      return { ok: false, code: "unavailable" };
    }
    if (minted.ok) return { ok: true, connectToken: minted.connectToken, expiresAt: minted.expiresAt.toISOString() };
    if (minted.reason === "busy") return { ok: false, code: "busy" };
    await tellAboutHold(link, minted.hold);
    return { ok: false, code: "held" };
  },
);

/**
 * No new plugin is asked for while ChakraHQ may have created one the app does not know: the
 * end client hears that it is the agency's turn, and the admins are emailed once per hold.
 */
async function tellAboutHold(link: FoundLink, hold: PluginHold): Promise<void> {
  if (await claimPluginHoldNotice(link.clientId)) {
    const agency = await getAgencyBranding();
    await recordLinkEvent(
      link.linkId,
      "FAILED",
      `Not started: the request to ChakraHQ for a new plugin (reference ${hold.reference}) ended without a clear outcome; waiting for the agency`,
    );
    const message = await pluginHoldEmail({
      agency,
      clientName: link.clientName,
      reference: hold.reference,
      reason: hold.reason,
      clientUrl: `${env.APP_URL}/clients/${link.clientId}`,
    });
    await tellAdmins(link, "plugin-hold", message);
  }
}

/** Records that the client cancelled, or that the signup failed (with Meta's or ChakraHQ's words). */
export const reportOnboarding = createTokenAction(
  {
    accepts: ["active"],
    input: onboardingReportSchema,
    limits: [{ name: "report", per: "link", limit: 30, windowMs: HOUR }],
  },
  async (link, report) => {
    await endSignup({ link, outcome: report.kind, message: report.message ?? null });
    return { ok: true as const };
  },
);

/**
 * Keeps an event of ChakraHQ's signup SDK as it came (onMessage's name and data, onSuccess,
 * onError), tokens removed and size-capped: the evidence of what the signup said.
 */
export const reportSdkEvent = createTokenAction(
  {
    accepts: ["active", "connected"],
    input: sdkEventSchema,
    limits: [{ name: "sdk-event", per: "link", limit: 60, windowMs: HOUR }],
  },
  async (link, detail) => {
    await recordSdkEvent({ link, detail });
    return { ok: true as const };
  },
);

/**
 * Queues an email to each admin who sent a link (with `everyAdminIfNone`, to every owner and
 * admin when none of them is left); a failure is logged, never thrown.
 */
async function tellAdmins(
  link: FoundLink,
  kind: string,
  message: RenderedEmail,
  { everyAdminIfNone = false }: { everyAdminIfNone?: boolean } = {},
) {
  const recipients = everyAdminIfNone ? await linkAdmins(link.linkId) : await linkRecipients(link.linkId);
  await Promise.all(
    recipients.map((to) =>
      queueEmail({ kind, to, email: message, linkId: link.linkId, clientId: link.clientId }).catch((e: Error) =>
        console.error(`[onboarding] ${kind} email not queued: ${e.message}`),
      ),
    ),
  );
}

async function tellConnected(link: FoundLink, numbers: string[]) {
  const agency = await getAgencyBranding();
  const message = await connectedEmail({
    agency,
    clientName: link.clientName,
    numbers,
    clientUrl: `${env.APP_URL}/clients/${link.clientId}`,
  });
  await tellAdmins(link, "connected", message);
}

/**
 * Asked by the page every few seconds while a signup is open: the server looks at the plugin's
 * configuration itself, so a connection is found whatever the SDK's events are called.
 * `overdue`: no result in time; the admins have been emailed (once per attempt).
 */
export const checkOnboarding = createTokenAction(
  {
    accepts: ["active", "connected"],
    // Polled every few seconds: a minute allows two tabs, not a flood of ChakraHQ reads.
    limits: [{ name: "check", per: "link", limit: 30, windowMs: 60 * 1000 }],
  },
  async (
    link,
  ): Promise<
    | { ok: true; status: "connected"; numbers: string[] }
    | { ok: true; status: "pending"; overdue: boolean }
    | { ok: true; status: "closed" }
  > => {
    const result = await checkSignup({ link });
    if (result.status === "connected") {
      if (result.newlyConnected) await tellConnected(link, result.numbers);
      return { ok: true, status: "connected", numbers: result.numbers };
    }
    if (result.status === "closed") return { ok: true, status: "closed" };
    if (result.newlyOverdue) {
      const agency = await getAgencyBranding();
      const message = await signupUnconfirmedEmail({
        agency,
        clientName: link.clientName,
        waitMinutes: Math.round(SIGNUP_WAIT_MS / 60_000),
        clientUrl: `${env.APP_URL}/clients/${link.clientId}`,
      });
      await tellAdmins(link, "signup-unconfirmed", message);
    }
    return { ok: true, status: "pending", overdue: result.overdue };
  },
);

/**
 * After the SDK said "connected": the server checks with ChakraHQ, stores what it sees,
 * and on the first confirmation emails the admins who sent the link.
 */
export const confirmOnboarding = createTokenAction(
  { accepts: ["active", "connected"], limits: [{ name: "confirm", per: "link", limit: 20, windowMs: HOUR }] },
  async (link): Promise<{ ok: true; numbers: string[] } | LinkRefusal> => {
    try {
      const result = await confirmConnection(link);
      if (!result.ok) return { ok: false, code: "not_connected_yet" };
      const numbers = result.config.whatsappPhoneNumbers.map((p) => p.display_phone_number ?? p.id);
      if (result.newlyConnected) await tellConnected(link, numbers);
      return { ok: true, numbers };
    } catch (error) {
      if (!isChakraError(error)) throw error;
      console.error(`[onboarding] connection not confirmed: ${error.message}`);
      return { ok: false, code: "unavailable" };
    }
  },
);

/**
 * From an expired or revoked link, an address "Send again" replaced, or a connected link
 * whose connection ChakraHQ no longer shows: tells the agency that the client wants a new one.
 */
export const requestNewLink = createTokenAction(
  { accepts: ["active", "expired", "revoked", "replaced", "connected"] },
  async (link): Promise<{ ok: true } | LinkRefusal> => {
    const removed = await connectionRemovedSince(link);
    if (link.state === "active" || (link.state === "connected" && !removed)) return { ok: false, code: "not_needed" };
    if (await rateLimited(`new-link:link:${link.linkId}`, 1, 24 * HOUR))
      return { ok: false, code: "already_requested" };
    const message = await newLinkRequestEmail({
      agency: await getAgencyBranding(),
      clientName: link.clientName,
      clientUrl: `${env.APP_URL}/clients/${link.clientId}`,
      connectionRemoved: removed,
      replacedAddress: link.state === "replaced",
    });
    await tellAdmins(link, "new-link-request", message);
    await recordAudit({
      actor: null,
      action: "link.new_requested",
      targetType: "link",
      targetId: link.linkId,
      clientId: link.clientId,
      ...(removed ? { metadata: { reason: "connection_removed" } } : {}),
      ...(link.state === "replaced" ? { metadata: { reason: "replaced_address" } } : {}),
    });
    return { ok: true };
  },
);

/**
 * "I need help" from the end client's page (the reminder emails link to it): a short message,
 * kept on the link's history and emailed to the admins who sent the link (or every admin).
 * From any state of the page but an unknown address; a few per link a day, and per address.
 */
export const requestHelp = createTokenAction(
  {
    accepts: ["active", "expired", "revoked", "replaced", "connected"],
    input: helpRequestSchema,
    limits: [
      { name: "help", per: "link", limit: 3, windowMs: 24 * HOUR },
      { name: "help", per: "address", limit: 10, windowMs: HOUR },
    ],
  },
  async (link, { message }): Promise<{ ok: true }> => {
    const { contactEmail } = await recordHelpRequest({ link, message });
    const email = await helpRequestEmail({
      agency: await getAgencyBranding(),
      clientName: link.clientName,
      contactEmail,
      message,
      clientUrl: `${env.APP_URL}/clients/${link.clientId}`,
    });
    await tellAdmins(link, "help-request", email, { everyAdminIfNone: true });
    return { ok: true };
  },
);
