import { describe, expect, it } from "vitest";
import { asSentence, formatDateTime } from "@/lib/format";
import { phoneNumberSchema } from "@/lib/chakra/schemas";
import { detailValue, DETAIL_MAX_CHARS, DETAIL_MAX_FIELDS, moreDetails } from "@/lib/whatsapp/details";
import { guidanceFor } from "@/lib/whatsapp/guidance";
import { messagingLimit, messagingLimitOf } from "@/lib/whatsapp/meaning";
import { metaTimeZone } from "@/lib/whatsapp/timezones";

const phone = (fields: Record<string, unknown>) => phoneNumberSchema.parse({ id: "1", ...fields });

describe("Meta's time zone ids", () => {
  it("names the ids Meta's table gives, and only those", () => {
    expect(metaTimeZone("1")).toEqual({ kind: "named", id: "1", name: "America/Los_Angeles" });
    expect(metaTimeZone(53)).toMatchObject({ name: "Africa/Cairo" });
    expect(metaTimeZone("71")).toMatchObject({ name: "Asia/Kolkata" });
    expect(metaTimeZone("125")).toMatchObject({ name: "Asia/Kamchatka" });
    expect(metaTimeZone("0")).toEqual({ kind: "unknown_zone", id: "0" });
    // Past 125 the public copies of Meta's table disagree: shown as an id, never guessed.
    expect(metaTimeZone("126")).toEqual({ kind: "unlisted", id: "126" });
    expect(metaTimeZone("UTC+2")).toEqual({ kind: "unlisted", id: "UTC+2" });
    expect(metaTimeZone(null)).toBeNull();
    expect(metaTimeZone(" ")).toBeNull();
  });
});

describe("messaging limits", () => {
  it("reads Meta's tiers and plain counts, and says where the limit is set", () => {
    expect(messagingLimit("TIER_250")).toBe("250 customers per 24 hours outside a customer service window");
    expect(messagingLimit("TIER_UNLIMITED")).toBe("unlimited customers outside a customer service window");
    expect(messagingLimit(2000)).toMatch(/^2,000 customers/);
    expect(messagingLimit("TIER_NEW")).toBeNull();
    expect(messagingLimit("constructor")).toBeNull();
    expect(messagingLimit({})).toBeNull();
    expect(
      messagingLimitOf({ whatsapp_business_manager_messaging_limit: "TIER_2K", messaging_limit_tier: "TIER_250" }),
    ).toMatchObject({ scope: "portfolio", meaning: expect.stringMatching(/^2,000/) });
    expect(messagingLimitOf({ messaging_limit_tier: "TIER_1K" })).toMatchObject({ scope: "number" });
    expect(messagingLimitOf({ whatsapp_business_manager_messaging_limit: "TIER_X" })).toEqual({
      scope: "portfolio",
      raw: "TIER_X",
      meaning: null,
    });
    expect(messagingLimitOf({})).toBeNull();
  });
});

describe("more details", () => {
  it("keeps odd values readable and short", () => {
    expect(detailValue(null)).toBe("empty");
    expect(detailValue("")).toBe("empty");
    expect(detailValue(false)).toBe("no");
    expect(detailValue(0)).toBe("0");
    expect(detailValue(["a", 1, null])).toBe('["a",1,null]');
    expect(detailValue("y".repeat(10_000))).toHaveLength(DETAIL_MAX_CHARS);
    expect(detailValue({ deep: { list: Array.from({ length: 10_000 }, (_, i) => i) } }).length).toBeLessThanOrEqual(
      DETAIL_MAX_CHARS,
    );
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => detailValue(cyclic)).not.toThrow();
  });

  it("lists only the fields without a row, at most a bounded number", () => {
    expect(moreDetails({ id: "1", extra: "x" }, ["id"])).toEqual([{ key: "extra", value: "x" }]);
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`f${i}`, i]));
    expect(moreDetails(many, [])).toHaveLength(DETAIL_MAX_FIELDS);
  });
});

describe("guidance", () => {
  it("advises only where the number's state calls for it", () => {
    expect(guidanceFor(phone({ status: "CONNECTED", is_on_biz_app: false, name_status: "APPROVED" }))).toEqual([]);
    expect(guidanceFor(phone({ is_on_biz_app: true })).map((g) => g.key)).toEqual(["coexistence"]);
    expect(guidanceFor(phone({ status: "PENDING" })).map((g) => g.key)).toEqual(["migration"]);
    const declined = guidanceFor(phone({ name_status: "DECLINED", rejection_reason: "NONE" }));
    expect(declined[0]?.text).toMatch(/^Meta rejected the display name\. Fix/);
    for (const g of [...declined, ...guidanceFor(phone({ is_on_biz_app: true, status: "UNVERIFIED" }))]) {
      expect(g.href).toMatch(/^https:\/\/developers\.facebook\.com\//);
    }
  });
});

describe("asSentence", () => {
  it("adds a full stop only when one is missing", () => {
    expect(asSentence("ChakraHQ had an internal error (502)")).toBe("ChakraHQ had an internal error (502).");
    expect(asSentence("Too many requests.")).toBe("Too many requests.");
    expect(asSentence("Why?")).toBe("Why?");
  });
});

describe("formatDateTime", () => {
  it("writes a moment in UTC, the same for every call, and 'never' for none", () => {
    expect(formatDateTime(new Date("2026-11-21T14:05:59Z"))).toBe("21 Nov 2026, 14:05 UTC");
    expect(formatDateTime(new Date("2026-01-02T23:30:00+02:00"))).toBe("2 Jan 2026, 21:30 UTC");
    expect(formatDateTime(null)).toBe("never");
  });
});
