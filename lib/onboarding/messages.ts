/*
 * What the public actions answer when they refuse: codes, never words. The end client reads
 * them in their language from the catalogs ("refusal" in messages/<locale>.json).
 */

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

/** The catalog key ("refusal" namespace) and values of an action's refusal. */
export function refusalWords(refusal: LinkRefusal, agencyName: string) {
  return [refusal.code, { agency: agencyName, minutes: Math.max(1, refusal.retryAfterMinutes ?? 1) }] as const;
}

/**
 * What the page says for an action's refusal, through the "refusal" translator of the page's
 * language (client components: useTranslations("refusal"); the server: translator(locale,
 * "refusal") from lib/i18n/catalogs). No catalog is imported here: this module is part of the
 * end client's page, whose browser gets only the messages of the language shown.
 */
export function refusalMessage(
  refusal: LinkRefusal,
  agencyName: string,
  t: (key: LinkRefusalCode, values: { agency: string; minutes: number }) => string,
): string {
  return t(...refusalWords(refusal, agencyName));
}

/** Refusals that mean the link itself changed: the end client's page is reloaded to show its new state. */
export const LINK_CHANGED = new Set<LinkRefusalCode>(["expired", "revoked", "connected"]);
