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

export const NAME_STATUS = table({
  APPROVED: ["display name approved", "good"],
  AVAILABLE_WITHOUT_REVIEW: ["display name usable, not reviewed", "good"],
  PENDING_REVIEW: ["display name in review", "warn"],
  DECLINED: ["display name declined", "bad"],
  EXPIRED: ["display name approval expired", "bad"],
  NONE: ["no display name yet", "neutral"],
});

export const OBA = table({
  NOT_STARTED: ["no official business account request", "neutral"],
  PENDING: ["official business account requested", "warn"],
  APPROVED: ["official business account (blue tick)", "good"],
  REJECTED: ["official business account refused", "neutral"],
});

const LIMITS: Record<string, string> = {
  TIER_50: "50",
  TIER_250: "250",
  TIER_1K: "1,000",
  TIER_2K: "2,000",
  TIER_10K: "10,000",
  TIER_100K: "100,000",
  TIER_UNLIMITED: "unlimited",
};

/** "250 business-initiated conversations a day", from Meta's tier name. */
export function messagingLimit(tier: string | null | undefined): string | null {
  if (!tier) return null;
  const count = LIMITS[tier];
  return count ? `${count} business-initiated conversations a day` : null;
}

/** The meaning of a value in one of the tables above; unknown values stay visible. */
export function meaningOf(table: Record<string, Meaning>, value: string | null | undefined): Meaning {
  if (value === null || value === undefined || value === "")
    return { label: "Unknown", meaning: "not reported by ChakraHQ", tone: "neutral" };
  return table[value] ?? { label: value, meaning: "a status this app does not know yet", tone: "neutral" };
}
