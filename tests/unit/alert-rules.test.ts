import { describe, expect, it } from "vitest";
import { conditionHolds, detectConditions, type PluginState } from "@/lib/alerts/rules";
import type { PluginConfig } from "@/lib/chakra/schemas";

/*
 * The health sweep's alert rules, with snapshot pairs that raise each condition and pairs
 * that must not; then when a raised condition counts as cleared.
 */

type Phone = PluginConfig["whatsappPhoneNumbers"][number];
type Waba = PluginConfig["whatsappBusinessAccounts"][number];

const phone = (over: Partial<Phone> = {}): Phone => ({
  id: "ph1",
  display_phone_number: "+1 555-010-0001",
  verified_name: "Acme Bakery",
  status: "CONNECTED",
  quality_rating: "GREEN",
  messaging_limit_tier: "TIER_1K",
  name_status: "APPROVED",
  ...over,
});
const waba = (over: Partial<Waba> = {}): Waba => ({
  id: "w1",
  name: "Acme WABA",
  account_review_status: "APPROVED",
  ...over,
});
const state = (phones: Phone[] = [phone()], wabas: Waba[] = [waba()]): PluginState => ({
  found: true,
  config: { whatsappBusinessAccounts: wabas, whatsappPhoneNumbers: phones },
});
const keys = (before: PluginState | null, after: PluginState) => detectConditions(before, after).map((c) => c.key);

describe("alert rules: pairs that raise a condition", () => {
  const cases: [string, PluginState, PluginState, string][] = [
    ["a number leaves CONNECTED", state(), state([phone({ status: "FLAGGED" })]), "number-status:ph1"],
    ["a number loses its status", state(), state([phone({ status: null })]), "number-status:ph1"],
    ["quality falls green → yellow", state(), state([phone({ quality_rating: "YELLOW" })]), "quality:ph1"],
    [
      "quality falls yellow → red",
      state([phone({ quality_rating: "YELLOW" })]),
      state([phone({ quality_rating: "RED" })]),
      "quality:ph1",
    ],
    ["the messaging limit drops", state(), state([phone({ messaging_limit_tier: "TIER_250" })]), "messaging-limit:ph1"],
    ["the display name is rejected", state(), state([phone({ name_status: "DECLINED" })]), "display-name:ph1"],
    [
      "the account review is rejected",
      state(),
      state(undefined, [waba({ account_review_status: "REJECTED" })]),
      "account-review:w1",
    ],
    ["a number disappears", state(), state([]), "number-gone:ph1"],
    ["a WABA disappears", state(), state(undefined, []), "waba-gone:w1"],
    ["the plugin is no longer found", state(), { found: false, pluginId: "plg-1" }, "plugin-not-found"],
  ];
  it.each(cases)("%s", (_name, before, after, key) => {
    expect(keys(before, after)).toContain(key);
    const condition = detectConditions(before, after).find((c) => c.key === key)!;
    // Plain words: what changed, and what it means for the client.
    expect(condition.title.length).toBeGreaterThan(10);
    expect(condition.meaning).toMatch(/\.$/);
  });

  it("names the number and the new status in words", () => {
    const [condition] = detectConditions(state(), state([phone({ status: "FLAGGED" })]));
    expect(condition!.title).toBe("+1 555-010-0001 is no longer connected (now FLAGGED)");
    expect(condition!.meaning).toMatch(/cannot send or receive WhatsApp messages on this number/);
  });
});

describe("alert rules: the account's name", () => {
  it("says what it is once", () => {
    const gone = (name: string) => detectConditions(state(undefined, [waba({ name })]), state(undefined, []))[0]!.title;
    expect(gone("Acme WABA")).toBe("WhatsApp Business Account Acme WABA is no longer connected");
    expect(gone("Acme WhatsApp Business Account")).toBe("Acme WhatsApp Business Account is no longer connected");
  });
});

describe("alert rules: pairs that raise nothing", () => {
  const cases: [string, PluginState | null, PluginState][] = [
    ["nothing changed", state(), state()],
    ["the first snapshot, even a poor one", null, state([phone({ status: "FLAGGED", quality_rating: "RED" })])],
    [
      "a number that was never connected stays pending",
      state([phone({ status: "PENDING" })]),
      state([phone({ status: "PENDING" })]),
    ],
    ["a number gets connected", state([phone({ status: "PENDING" })]), state()],
    ["quality rises", state([phone({ quality_rating: "RED" })]), state([phone({ quality_rating: "GREEN" })])],
    [
      "quality not reported before",
      state([phone({ quality_rating: null })]),
      state([phone({ quality_rating: "RED" })]),
    ],
    ["an unknown quality value", state(), state([phone({ quality_rating: "UNKNOWN" })])],
    ["the messaging limit rises", state(), state([phone({ messaging_limit_tier: "TIER_10K" })])],
    [
      "a rejected name stays rejected",
      state([phone({ name_status: "DECLINED" })]),
      state([phone({ name_status: "DECLINED" })]),
    ],
    ["a review still pending", state(), state(undefined, [waba({ account_review_status: "PENDING" })])],
    ["a number is added", state(), state([phone(), phone({ id: "ph2" })])],
  ];
  it.each(cases)("%s", (_name, before, after) => {
    expect(keys(before, after)).toEqual([]);
  });

  it("a missing plugin, found again, raises nothing about its numbers", () => {
    expect(keys({ found: false, pluginId: "plg-1" }, state())).toEqual([]);
  });
});

describe("alert rules: when a condition clears", () => {
  it.each([
    ["number-status:ph1", state([phone({ status: "FLAGGED" })]), true],
    ["number-status:ph1", state(), false],
    ["number-gone:ph1", state([]), true],
    ["number-gone:ph1", state(), false],
    ["waba-gone:w1", state(undefined, []), true],
    ["waba-gone:w1", state(), false],
    ["display-name:ph1", state([phone({ name_status: "REJECTED" })]), true],
    ["display-name:ph1", state(), false],
    ["account-review:w1", state(undefined, [waba({ account_review_status: "REJECTED" })]), true],
    ["account-review:w1", state(), false],
    ["plugin-not-found", { found: false, pluginId: "plg-1" }, true],
    ["plugin-not-found", state(), false],
  ] as [string, PluginState, boolean][])("%s holds: %#", (key, after, holds) => {
    expect(conditionHolds(key, after)).toBe(holds);
  });

  it("a fall holds until the level is back where it was", () => {
    expect(conditionHolds("quality:ph1", state([phone({ quality_rating: "RED" })]), "YELLOW")).toBe(true);
    expect(conditionHolds("quality:ph1", state([phone({ quality_rating: "YELLOW" })]), "YELLOW")).toBe(false);
    expect(conditionHolds("messaging-limit:ph1", state([phone({ messaging_limit_tier: "TIER_250" })]), "TIER_1K")).toBe(
      true,
    );
    expect(conditionHolds("messaging-limit:ph1", state([phone({ messaging_limit_tier: "TIER_1K" })]), "TIER_1K")).toBe(
      false,
    );
  });

  it("nothing else clears while the plugin cannot be read", () => {
    expect(conditionHolds("number-status:ph1", { found: false, pluginId: "plg-1" })).toBe(true);
  });
});
