import { z } from "zod";
import { HttpError } from "./http";
import type { FakePhoneNumber, FakePlugin, FakeStore } from "./state";

/*
 * Changes ChakraHQ's answer can show after a signup (docs/chakrahq-contract.md, section 2):
 * what a health sweep must notice. Values are Meta's documented ones, so a change the fake
 * makes is one the real service could show.
 */

/** Meta's phone number statuses. */
export const NUMBER_STATUSES = [
  "CONNECTED",
  "DISCONNECTED",
  "FLAGGED",
  "RESTRICTED",
  "RATE_LIMITED",
  "PENDING",
  "UNVERIFIED",
  "BANNED",
  "DELETED",
  "MIGRATED",
  "UNKNOWN",
] as const;
/** Best first. */
export const QUALITY_RATINGS = ["GREEN", "YELLOW", "RED", "UNKNOWN"] as const;
/** Highest first. */
export const MESSAGING_LIMITS = [
  "TIER_UNLIMITED",
  "TIER_100K",
  "TIER_10K",
  "TIER_2K",
  "TIER_1K",
  "TIER_250",
  "TIER_50",
] as const;
export const ACCOUNT_REVIEW_STATUSES = ["APPROVED", "PENDING", "REJECTED"] as const;
export const NAME_STATUSES = [
  "APPROVED",
  "AVAILABLE_WITHOUT_REVIEW",
  "DECLINED",
  "EXPIRED",
  "PENDING_REVIEW",
  "NONE",
] as const;

export const CHANGE_KINDS = [
  "number_status",
  "quality_rating",
  "messaging_limit",
  "name_status",
  "account_review",
  "remove_number",
  "remove_waba",
  "remove_plugin",
  "restore",
] as const;

const phoneNumberId = z.string().trim().min(1, "phoneNumberId is required").max(64);
const wabaId = z.string().trim().min(1, "wabaId is required").max(64);

export const changeSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("number_status"), phoneNumberId, status: z.enum(NUMBER_STATUSES) }),
    z.strictObject({ kind: z.literal("quality_rating"), phoneNumberId, rating: z.enum(QUALITY_RATINGS) }),
    /** Sets the limit fields the number carries (`whatsapp_business_manager_messaging_limit`, `messaging_limit_tier`); the portfolio's when it carries neither. */
    z.strictObject({ kind: z.literal("messaging_limit"), phoneNumberId, tier: z.enum(MESSAGING_LIMITS) }),
    /** DECLINED sets `rejection_reason` too (the given one or a stock one); any other status removes it. */
    z.strictObject({
      kind: z.literal("name_status"),
      phoneNumberId,
      status: z.enum(NAME_STATUSES),
      rejectionReason: z.string().trim().min(1).max(500).optional(),
    }),
    z.strictObject({ kind: z.literal("account_review"), wabaId, status: z.enum(ACCOUNT_REVIEW_STATUSES) }),
    /** The number leaves the plugin's list (from every WABA it is listed under). */
    z.strictObject({ kind: z.literal("remove_number"), phoneNumberId }),
    /** The WABA and its numbers leave the plugin. */
    z.strictObject({ kind: z.literal("remove_waba"), wabaId }),
    /** The plugin is no longer found: the API answers its "not found". */
    z.strictObject({ kind: z.literal("remove_plugin") }),
    /** The plugin back as it was before its first change. */
    z.strictObject({ kind: z.literal("restore") }),
  ],
  {
    error: (issue) => (issue.code === "invalid_union" ? `kind must be one of: ${CHANGE_KINDS.join(", ")}` : undefined),
  },
);

export type Change = z.infer<typeof changeSchema>;

/** A zod error as one line: "status: Invalid option: expected one of …". */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

/** Parses a change, or throws the 400 the control endpoint answers. */
export function parseChange(input: unknown): Change {
  const parsed = changeSchema.safeParse(input);
  if (!parsed.success) throw new HttpError(400, describeIssues(parsed.error));
  return parsed.data;
}

const STOCK_REJECTION = "The display name does not follow WhatsApp's display name guidelines (simulated).";

const label = (number: FakePhoneNumber) => String(number.display_phone_number || number.id);

/**
 * Applies a change to a plugin of the store and saves it; returns what happened, in words
 * for the demo page. Throws a 404 for a plugin, number or WABA it does not hold.
 */
export function applyChange(store: FakeStore, pluginId: string, change: Change): string {
  if (change.kind === "restore") {
    const before = store.state.beforeChanges?.[pluginId];
    if (!before) throw new HttpError(409, "This plugin has no change to undo.");
    store.state.plugins[pluginId] = before;
    delete store.state.beforeChanges![pluginId];
    store.save();
    return `${before.name} is back as it was.`;
  }
  const plugin = store.state.plugins[pluginId];
  if (!plugin) throw new HttpError(404, "No plugin with this id in the fake.");
  const original = structuredClone(plugin);
  // Throws before it changes anything when the number or WABA is not there.
  const message = change.kind === "remove_plugin" ? removePlugin(store, plugin) : applyTo(plugin, change);
  const saved = (store.state.beforeChanges ??= {});
  saved[pluginId] ??= original;
  store.save();
  return message;
}

function removePlugin(store: FakeStore, plugin: FakePlugin): string {
  delete store.state.plugins[plugin.id];
  return `${plugin.name} is no longer found.`;
}

function applyTo(plugin: FakePlugin, change: Exclude<Change, { kind: "restore" | "remove_plugin" }>): string {
  if (change.kind === "account_review" || change.kind === "remove_waba") {
    const waba = plugin.wabas.find((w) => w.id === change.wabaId);
    if (!waba) throw new HttpError(404, "No WABA with this id on the plugin.");
    if (change.kind === "account_review") {
      waba.account_review_status = change.status;
      return `${waba.name}: account review ${change.status}.`;
    }
    plugin.wabas = plugin.wabas.filter((w) => w.id !== waba.id);
    plugin.numbers = plugin.numbers.filter((n) => n.wabaId !== waba.id);
    return `${waba.name} and its numbers are gone.`;
  }

  const entries = plugin.numbers.filter((n) => n.number.id === change.phoneNumberId);
  if (entries.length === 0) throw new HttpError(404, "No phone number with this id on the plugin.");
  const name = label(entries[0]!.number);
  if (change.kind === "remove_number") {
    plugin.numbers = plugin.numbers.filter((n) => n.number.id !== change.phoneNumberId);
    return `${name} is gone.`;
  }
  // The same number may be listed under two WABAs: it changes everywhere.
  for (const { number } of entries) {
    switch (change.kind) {
      case "number_status":
        number.status = change.status;
        break;
      case "quality_rating":
        number.quality_rating = change.rating;
        break;
      case "messaging_limit": {
        const fields = ["whatsapp_business_manager_messaging_limit", "messaging_limit_tier"].filter(
          (f) => number[f] !== undefined && number[f] !== null,
        );
        for (const field of fields.length ? fields : ["whatsapp_business_manager_messaging_limit"]) {
          number[field] = change.tier;
        }
        break;
      }
      case "name_status":
        number.name_status = change.status;
        if (change.status === "DECLINED") number.rejection_reason = change.rejectionReason ?? STOCK_REJECTION;
        else delete number.rejection_reason;
        break;
    }
  }
  switch (change.kind) {
    case "number_status":
      return `${name} is now ${change.status}.`;
    case "quality_rating":
      return `${name}: quality rating ${change.rating}.`;
    case "messaging_limit":
      return `${name}: messaging limit ${change.tier}.`;
    default:
      return `${name}: display name ${change.status}.`;
  }
}

/** The number's messaging limit as the fake holds it (the portfolio's first). */
export function limitOf(number: FakePhoneNumber): string | null {
  const value = number.whatsapp_business_manager_messaging_limit ?? number.messaging_limit_tier;
  return typeof value === "string" ? value : null;
}

/** One step down from a value in a best-first list; `otherwise` when the value is not in it; null at the bottom. */
export function stepDown<T extends string>(order: readonly T[], value: unknown, otherwise: T): T | null {
  const index = order.indexOf(value as T);
  if (index === -1) return otherwise;
  return order[index + 1] ?? null;
}
