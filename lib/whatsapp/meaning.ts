/*
 * Plain-language meanings of Meta's status values, for badges. A value not listed here is
 * shown as it came, marked unknown, never as an error.
 */

export type Tone = "good" | "warn" | "bad" | "neutral";
export type Meaning = { label: string; meaning: string; tone: Tone };

const table = (entries: Record<string, [string, Tone]>) =>
  Object.fromEntries(
    Object.entries(entries).map(([value, [meaning, tone]]) => [value, { label: value, meaning, tone }]),
  ) as Record<string, Meaning>;

export const PHONE_STATUS = table({
  CONNECTED: ["can send and receive", "good"],
  PENDING: ["being set up, not usable yet", "warn"],
  UNVERIFIED: ["the code verification is not finished", "warn"],
  DISCONNECTED: ["cannot send or receive", "bad"],
  FLAGGED: ["low quality: Meta may limit it soon", "bad"],
  RESTRICTED: ["limited by Meta: business-initiated messages blocked", "bad"],
  RATE_LIMITED: ["sending too fast: temporarily limited", "warn"],
  BANNED: ["banned by Meta", "bad"],
  MIGRATED: ["moved to another account", "neutral"],
  DELETED: ["deleted", "bad"],
});

export const QUALITY = table({
  GREEN: ["high quality", "good"],
  YELLOW: ["medium quality: watch it", "warn"],
  RED: ["low quality: act now", "bad"],
  UNKNOWN: ["not rated yet", "neutral"],
  NA: ["not rated yet", "neutral"],
});

export const REVIEW = table({
  APPROVED: ["Meta approved the account", "good"],
  PENDING: ["Meta is reviewing the account", "warn"],
  REJECTED: ["Meta rejected the account: it cannot send", "bad"],
});

export const VERIFICATION = table({
  verified: ["the business is verified by Meta", "good"],
  not_verified: ["the business is not verified (limits apply)", "neutral"],
  pending: ["verification in progress", "warn"],
  pending_submission: ["verification not submitted yet", "neutral"],
  rejected: ["verification was rejected", "bad"],
  failed: ["verification failed", "bad"],
});

// Display names: https://developers.facebook.com/documentation/business-messaging/whatsapp/display-names/
// (a rejected name sets name_status to DECLINED; the name can be edited and is reviewed again).
export const NAME_STATUS = table({
  APPROVED: ["display name approved", "good"],
  AVAILABLE_WITHOUT_REVIEW: ["display name usable, not reviewed", "good"],
  PENDING_REVIEW: ["display name in review", "warn"],
  DECLINED: ["Meta rejected the display name", "bad"],
  EXPIRED: ["display name approval expired", "bad"],
  NONE: ["no display name yet", "neutral"],
});

// The values of Meta's CodeVerificationStatus enum (Meta's Node.js business SDK,
// facebook-nodejs-business-sdk: VERIFIED, NOT_VERIFIED, EXPIRED).
export const CODE_VERIFICATION = table({
  VERIFIED: ["the number was confirmed with the code Meta sent", "good"],
  NOT_VERIFIED: ["the code Meta sent by text or call was not confirmed yet", "warn"],
  EXPIRED: ["the code confirmation expired: it has to be done again", "warn"],
});

export const OBA = table({
  NOT_STARTED: ["no official business account request", "neutral"],
  PENDING: ["official business account requested", "warn"],
  APPROVED: ["official business account (blue tick)", "good"],
  REJECTED: ["official business account refused", "neutral"],
});

/*
 * Messaging limits: https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits
 * A limit is the number of different WhatsApp users the business can reach outside a customer
 * service window in a moving 24 hours. Meta now sets it per business portfolio, shared by all of
 * the portfolio's numbers, and reports it as `whatsapp_business_manager_messaging_limit`
 * (e.g. "TIER_250"); the per-number `messaging_limit_tier` is deprecated. New portfolios start
 * at 250, then 2,000, 10,000, 100,000, unlimited. TIER_50, TIER_1K are older tiers Meta's
 * phone_number_quality_update webhook still lists.
 */
const LIMITS: Record<string, string> = {
  TIER_50: "50",
  TIER_250: "250",
  TIER_1K: "1,000",
  TIER_2K: "2,000",
  TIER_10K: "10,000",
  TIER_100K: "100,000",
  TIER_UNLIMITED: "unlimited",
};

/** "250 customers per 24 hours…", from Meta's tier name or a plain count; null when unknown. */
export function messagingLimit(tier: unknown): string | null {
  let count: string | undefined;
  if (typeof tier === "number" && Number.isFinite(tier) && tier >= 0) count = Math.floor(tier).toLocaleString("en-US");
  else if (typeof tier === "string") count = Object.hasOwn(LIMITS, tier) ? LIMITS[tier] : undefined;
  if (!count) return null;
  return count === "unlimited"
    ? "unlimited customers outside a customer service window"
    : `${count} customers per 24 hours outside a customer service window`;
}

export type MessagingLimit = {
  /** Where Meta set it: the business portfolio (current field) or the number (deprecated field). */
  scope: "portfolio" | "number";
  raw: unknown;
  /** The meaning, or null when the value is one this app does not know. */
  meaning: string | null;
};

/** The number's messaging limit: the portfolio's when ChakraHQ reports it, else the number's own. */
export function messagingLimitOf(phone: {
  whatsapp_business_manager_messaging_limit?: unknown;
  messaging_limit_tier?: string | null;
}): MessagingLimit | null {
  const portfolio = phone.whatsapp_business_manager_messaging_limit;
  if (portfolio !== undefined && portfolio !== null && portfolio !== "")
    return { scope: "portfolio", raw: portfolio, meaning: messagingLimit(portfolio) };
  if (phone.messaging_limit_tier)
    return { scope: "number", raw: phone.messaging_limit_tier, meaning: messagingLimit(phone.messaging_limit_tier) };
  return null;
}

/** The meaning of a value in one of the tables above; unknown values stay visible. */
export function meaningOf(table: Record<string, Meaning>, value: string | null | undefined): Meaning {
  if (value === null || value === undefined || value === "")
    return { label: "Unknown", meaning: "not reported by ChakraHQ", tone: "neutral" };
  return table[value] ?? { label: value, meaning: "a status this app does not know yet", tone: "neutral" };
}
