/*
 * The words the end client reads for what the public actions answer (their codes) and for
 * what a link asks of them (its purpose). The actions return codes only; the page says them
 * in the client's words here, so the words live in one place.
 */
import type { LinkPurpose } from "./rules";

/**
 * Why a public (link token) action did not do what was asked: a code, never words. The page
 * turns it into words with refusalMessage below.
 */
export type LinkRefusalCode =
  /** The link itself: not found, no longer working, or already used. */
  | "unknown"
  | "expired"
  | "revoked"
  | "connected"
  /** An address that "Send again" replaced with a new one. */
  | "replaced"
  /** Too many attempts: try again in `retryAfterMinutes`. */
  | "rate_limited"
  /** The input was not what the page sends. */
  | "invalid"
  /** The agency has to act before a signup can start (a held new-plugin request). */
  | "held"
  /** Another signup for this client is being prepared: try again in a moment. */
  | "busy"
  /** ChakraHQ could not be asked just now. */
  | "unavailable"
  /** ChakraHQ does not show the connection (yet). */
  | "not_connected_yet"
  /** Asking for a new link on a link that still works. */
  | "not_needed"
  /** The agency was already told today. */
  | "already_requested";

export type LinkRefusal = { ok: false; code: LinkRefusalCode; retryAfterMinutes?: number };

/** What the page says for an action's refusal. */
export function refusalMessage(refusal: LinkRefusal, agencyName: string): string {
  switch (refusal.code) {
    case "unknown":
      return "This link is not valid.";
    case "expired":
      return "This link has expired.";
    case "revoked":
      return "This link is no longer active.";
    case "connected":
      return "WhatsApp is already connected through this link.";
    case "replaced":
      return "This link was replaced by a newer one.";
    case "rate_limited": {
      const minutes = Math.max(1, refusal.retryAfterMinutes ?? 1);
      return `Too many attempts. Please wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`;
    }
    case "invalid":
      return "Something went wrong on this page. Reload it and try again.";
    case "held":
      return `${agencyName} has to finish setting up your account before WhatsApp can be connected. They have been told and will let you know when to try again.`;
    case "busy":
      return "Your WhatsApp signup is already being prepared, perhaps in another tab or window. Please try again in a moment.";
    case "unavailable":
      return "WhatsApp signup could not be started just now. Please try again in a few minutes.";
    case "not_connected_yet":
      return "ChakraHQ does not show a connected WhatsApp account yet. If you finished Meta's steps, wait a minute and check again.";
    case "not_needed":
      return "This link does not need replacing.";
    case "already_requested":
      return `${agencyName} was already told today. They will send you a new link.`;
  }
}

/** What the page asks the end client to do, by the link's purpose (the email's words: lib/email/messages.ts). */
export const PURPOSE_WORDS: Record<
  LinkPurpose,
  { heading: string; intro: (agency: string) => string; button: string }
> = {
  CONNECT: {
    heading: "Connect WhatsApp",
    intro: (agency) =>
      `${agency} manages your WhatsApp Business account through ChakraHQ, an official WhatsApp partner. Connect your number here; it takes about five minutes.`,
    button: "Connect WhatsApp",
  },
  RECONNECT: {
    heading: "Reconnect WhatsApp",
    intro: (agency) =>
      `Your WhatsApp number is no longer connected to ${agency}'s WhatsApp service. Go through Meta's steps again to reconnect it; it takes about five minutes, and your business account stays as it is.`,
    button: "Reconnect WhatsApp",
  },
  CHANGE_NUMBER: {
    heading: "Change your WhatsApp number",
    intro: (agency) =>
      `${agency} is moving your WhatsApp to another phone number. Go through Meta's steps and choose the new number; it takes about five minutes.`,
    button: "Connect the new number",
  },
};
