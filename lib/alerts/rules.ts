import type { PluginConfig } from "../chakra/schemas";
import { isNameDeclined } from "../whatsapp/guidance";

/**
 * The health sweep's alert rules, pure: two snapshots of a client's plugin (before, after) →
 * the conditions that need the agency, each with a stable key (one alert per client and key),
 * and whether a condition seen before is still there.
 */

/** One condition that needs the agency, in plain words: what changed, and what it means. */
export type Condition = {
  key: string;
  title: string;
  meaning: string;
  /** For a fall (quality, messaging limit): the level before it; the alert clears once back there. */
  baseline?: string;
};

/** What a sweep knows of the plugin: its configuration, or that ChakraHQ does not know it. */
export type PluginState = { found: true; config: PluginConfig } | { found: false; pluginId: string };

const QUALITY_RANK: Record<string, number> = { GREEN: 3, YELLOW: 2, RED: 1 };
const QUALITY_WORDS: Record<string, string> = { GREEN: "high (green)", YELLOW: "medium (yellow)", RED: "low (red)" };

/** Meta's daily limits on business-initiated conversations, lowest first. */
const LIMIT_RANK: Record<string, number> = {
  TIER_50: 1,
  TIER_250: 2,
  TIER_1K: 3,
  TIER_2K: 4,
  TIER_10K: 5,
  TIER_100K: 6,
  TIER_UNLIMITED: 7,
};

type Phone = PluginConfig["whatsappPhoneNumbers"][number];
type Waba = PluginConfig["whatsappBusinessAccounts"][number];

/** "WhatsApp Business Account Acme", or the name alone when it says so itself ("Acme WhatsApp Business Account"). */
const wabaName = (waba: Waba) => {
  const name = waba.name?.trim() || waba.id;
  return /business account/i.test(name) ? name : `WhatsApp Business Account ${name}`;
};
const numberName = (phone: Phone) => phone.display_phone_number || `Number ${phone.id}`;
const limitWords = (tier: string) =>
  tier
    .replace(/^TIER_/, "")
    .replace(/K$/, ",000")
    .toLowerCase();
const upper = (value: string | null | undefined) => (value ?? "").toUpperCase();

/**
 * The conditions `after` shows that need the agency, compared with `before` (the previous
 * snapshot; null when there is none): a number that left CONNECTED, quality or messaging limit
 * that fell, an account review or display name rejected, a WABA or number gone, the plugin unknown.
 */
export function detectConditions(before: PluginState | null, after: PluginState): Condition[] {
  if (!after.found) {
    return [
      {
        key: "plugin-not-found",
        title: `ChakraHQ no longer finds plugin ${after.pluginId}`,
        meaning:
          "Nothing about this client's WhatsApp can be checked or changed until the right plugin is mapped. Check the plugin in ChakraHQ's dashboard, or map the client's current plugin.",
      },
    ];
  }
  const conditions: Condition[] = [];
  const now = after.config;
  const was = before?.found ? before.config : null;
  const phones = new Map(now.whatsappPhoneNumbers.map((p) => [p.id, p]));
  const wabas = new Map(now.whatsappBusinessAccounts.map((w) => [w.id, w]));

  for (const old of was?.whatsappPhoneNumbers ?? []) {
    if (phones.has(old.id)) continue;
    conditions.push({
      key: `number-gone:${old.id}`,
      title: `${numberName(old)} is no longer on the plugin`,
      meaning:
        "ChakraHQ does not list this number any more: the client cannot send or receive WhatsApp messages on it through the plugin. If that was not intended, send the client a reconnect link.",
    });
  }
  for (const old of was?.whatsappBusinessAccounts ?? []) {
    if (wabas.has(old.id)) continue;
    conditions.push({
      key: `waba-gone:${old.id}`,
      title: `${wabaName(old)} is no longer connected`,
      meaning:
        "Its numbers cannot send or receive WhatsApp messages through the plugin. If the client did not mean to disconnect it, send them a reconnect link.",
    });
  }

  for (const phone of now.whatsappPhoneNumbers) {
    const old = was?.whatsappPhoneNumbers.find((p) => p.id === phone.id);
    const name = numberName(phone);
    // A number that was connected and is not now; kept open while it stays so (no `before` needed).
    if (upper(old?.status) === "CONNECTED" && upper(phone.status) !== "CONNECTED") {
      conditions.push(numberStatus(phone, name));
    }
    const from = QUALITY_RANK[upper(old?.quality_rating)];
    const to = QUALITY_RANK[upper(phone.quality_rating)];
    if (from && to && to < from) {
      conditions.push({
        key: `quality:${phone.id}`,
        baseline: upper(old!.quality_rating),
        title: `${name}: quality fell from ${QUALITY_WORDS[upper(old!.quality_rating)]} to ${QUALITY_WORDS[upper(phone.quality_rating)]}`,
        meaning:
          to === 1
            ? "Recipients are blocking or reporting its messages. Meta may lower its messaging limit or restrict the number if this goes on: ask the client to review what they send."
            : "Recipients react worse to its messages than before. Meta may lower its messaging limit if quality keeps falling.",
      });
    }
    const limitFrom = LIMIT_RANK[upper(old?.messaging_limit_tier)];
    const limitTo = LIMIT_RANK[upper(phone.messaging_limit_tier)];
    if (limitFrom && limitTo && limitTo < limitFrom) {
      conditions.push({
        key: `messaging-limit:${phone.id}`,
        baseline: upper(old!.messaging_limit_tier),
        title: `${name}: messaging limit dropped from ${limitWords(upper(old!.messaging_limit_tier))} to ${limitWords(upper(phone.messaging_limit_tier))} conversations a day`,
        meaning:
          "The client can start fewer conversations a day; campaigns above the new limit will not be delivered. Meta lowers limits after poor quality.",
      });
    }
    if (isNameDeclined(phone.name_status) && !isNameDeclined(old?.name_status)) {
      conditions.push(nameRejected(phone, name));
    }
  }

  for (const waba of now.whatsappBusinessAccounts) {
    const old = was?.whatsappBusinessAccounts.find((w) => w.id === waba.id);
    if (upper(waba.account_review_status) === "REJECTED" && upper(old?.account_review_status) !== "REJECTED") {
      conditions.push(reviewRejected(waba.id, wabaName(waba)));
    }
  }
  return conditions;
}

const numberStatus = (phone: Phone, name: string): Condition => ({
  key: `number-status:${phone.id}`,
  title: `${name} is no longer connected (now ${phone.status ? upper(phone.status) : "without a status"})`,
  meaning:
    "The client cannot send or receive WhatsApp messages on this number until it is connected again. Check the number in ChakraHQ, or send the client a reconnect link.",
});

const nameRejected = (phone: Phone, name: string): Condition => ({
  key: `display-name:${phone.id}`,
  title: `${name}: Meta rejected the display name${phone.verified_name ? ` "${phone.verified_name}"` : ""}`,
  meaning:
    "Messages may show the number without the business name, and Meta can limit the number. The client needs to submit a display name that follows Meta's rules.",
});

const reviewRejected = (wabaId: string, name: string): Condition => ({
  key: `account-review:${wabaId}`,
  title: `Meta rejected the account review of ${name}`,
  meaning:
    "The account cannot send messages until the review passes. The client should check Meta Business Manager for the reason and request another review.",
});

/**
 * Whether a condition an earlier snapshot raised (by key) still holds in `after`; when it does
 * not, its alert is cleared, and a later return opens (and emails) it again.
 */
export function conditionHolds(key: string, after: PluginState, baseline?: string | null): boolean {
  const [kind, id = ""] = splitKey(key);
  if (kind === "plugin-not-found") return !after.found;
  if (!after.found) return true; // nothing can be checked: every other condition stays as it was
  const config = after.config;
  const phone = config.whatsappPhoneNumbers.find((p) => p.id === id);
  switch (kind) {
    case "number-gone":
      return !phone;
    case "waba-gone":
      return !config.whatsappBusinessAccounts.some((w) => w.id === id);
    case "number-status":
      return Boolean(phone) && upper(phone!.status) !== "CONNECTED";
    case "quality":
      return below(QUALITY_RANK, phone?.quality_rating, baseline);
    case "messaging-limit":
      return below(LIMIT_RANK, phone?.messaging_limit_tier, baseline);
    case "display-name":
      return Boolean(phone) && isNameDeclined(phone!.name_status);
    case "account-review":
      return config.whatsappBusinessAccounts.some((w) => w.id === id && upper(w.account_review_status) === "REJECTED");
    default:
      return false;
  }
}

/** A level still under the one before the fall (a number that is gone: its own alert says so). */
function below(
  rank: Record<string, number>,
  now: string | null | undefined,
  baseline: string | null | undefined,
): boolean {
  const current = rank[upper(now)];
  const before = rank[upper(baseline)];
  return Boolean(current && before && current < before);
}

function splitKey(key: string): [string, string?] {
  const colon = key.indexOf(":");
  return colon === -1 ? [key] : [key.slice(0, colon), key.slice(colon + 1)];
}
