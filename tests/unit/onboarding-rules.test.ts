import { describe, expect, it } from "vitest";
import type { PluginConfig } from "@/lib/chakra/schemas";
import { refusalMessage, type LinkRefusalCode } from "@/lib/onboarding/messages";
import {
  baselineOf,
  linkState,
  purposesFor,
  signupFound,
  stageAfterLinkEvent,
  stageAfterSnapshot,
  stageMoveOf,
  suggestedPurpose,
  summarizeConfig,
} from "@/lib/onboarding/rules";
import { translator } from "@/lib/i18n/catalogs";
import { LinkEventType, OnboardingStatus } from "@/lib/generated/prisma/sqlite/enums";

const english = translator("en", "refusal");

/* The onboarding link's rules, pure: one place answers each question, and these pin the answers. */

const NOW = new Date("2026-11-21T12:00:00Z");
const LATER = new Date("2026-11-28T12:00:00Z");
const EARLIER = new Date("2026-11-20T12:00:00Z");

function config(numbers: { id: string; status?: string; name_status?: string }[], wabaIds = ["w1"]): PluginConfig {
  return {
    whatsappBusinessAccounts: wabaIds.map((id) => ({ id })),
    whatsappPhoneNumbers: numbers.map((n) => ({ ...n, status: n.status ?? "CONNECTED" })),
  } as unknown as PluginConfig;
}

describe("a link's state", () => {
  const link = { usedAt: null, revokedAt: null, expiresAt: LATER };
  it("is active until it expires, then expired", () => {
    expect(linkState(link, NOW)).toBe("active");
    expect(linkState({ ...link, expiresAt: EARLIER }, NOW)).toBe("expired");
    expect(linkState({ ...link, expiresAt: NOW }, NOW)).toBe("expired");
  });
  it("a connection wins over everything, then a revoke or an archived client", () => {
    expect(linkState({ usedAt: EARLIER, revokedAt: EARLIER, expiresAt: EARLIER }, NOW)).toBe("connected");
    expect(linkState({ ...link, revokedAt: EARLIER, expiresAt: EARLIER }, NOW)).toBe("revoked");
    expect(linkState({ ...link, clientArchived: true }, NOW)).toBe("revoked");
  });
});

describe("a client's stage after a link event", () => {
  it("moves forward only", () => {
    expect(stageAfterLinkEvent("NOT_INVITED", "SENT")).toBe("INVITED");
    expect(stageAfterLinkEvent("INVITED", "OPENED")).toBe("OPENED");
    expect(stageAfterLinkEvent("OPENED", "SENT")).toBeNull();
    expect(stageAfterLinkEvent("OPENED", "OPENED")).toBeNull();
    expect(stageAfterLinkEvent("OPENED", "FAILED")).toBe("ATTENTION");
    expect(stageAfterLinkEvent("INVITED", "CREATED")).toBeNull();
  });
  it("a new attempt after a failure clears 'attention'; a connection always counts; nothing else undoes it", () => {
    expect(stageAfterLinkEvent("ATTENTION", "STARTED")).toBe("OPENED");
    expect(stageAfterLinkEvent("ATTENTION", "CONNECTED")).toBe("CONNECTED");
    expect(stageAfterLinkEvent("CONNECTED", "FAILED")).toBeNull();
    expect(stageAfterLinkEvent("CONNECTED", "OPENED")).toBeNull();
    expect(stageAfterLinkEvent("CONNECTED", "CONNECTED")).toBeNull();
  });
  it("as a write's condition (stageMoveOf), says the same for every stage and event", () => {
    for (const event of Object.values(LinkEventType)) {
      const move = stageMoveOf(event);
      for (const stage of Object.values(OnboardingStatus)) {
        const next = stageAfterLinkEvent(stage, event);
        expect(move?.from.includes(stage) ? move.to : null).toBe(next);
      }
    }
    expect(stageMoveOf("STARTED")).toEqual({ from: ["NOT_INVITED", "INVITED", "ATTENTION"], to: "OPENED" });
    expect(stageMoveOf("CREATED")).toBeNull();
  });
});

describe("a client's stage after a snapshot", () => {
  const had = { hadAccount: true, hadNumbers: true };
  it("follows ChakraHQ: connected numbers, trouble, or a removed connection", () => {
    expect(stageAfterSnapshot("INVITED", summarizeConfig(config([{ id: "p1" }])), had)).toBe("CONNECTED");
    expect(stageAfterSnapshot("CONNECTED", summarizeConfig(config([{ id: "p1", status: "FLAGGED" }])), had)).toBe(
      "ATTENTION",
    );
    expect(stageAfterSnapshot("CONNECTED", summarizeConfig(config([], [])), had)).toBe("ATTENTION");
    // A display name Meta declined: what the client's page lists as needing attention.
    for (const name_status of ["DECLINED", "rejected"])
      expect(stageAfterSnapshot("CONNECTED", summarizeConfig(config([{ id: "p1", name_status }])), had)).toBe(
        "ATTENTION",
      );
  });
  it("a plugin whose numbers have not arrived yet keeps the links' stage", () => {
    const fresh = { hadAccount: false, hadNumbers: false };
    expect(stageAfterSnapshot("OPENED", summarizeConfig(config([])), fresh)).toBe("OPENED");
  });
});

describe("a signup's result", () => {
  it("is a WABA or a number the plugin did not hold", () => {
    const before = baselineOf(config([{ id: "p1" }]));
    expect(signupFound(before, config([{ id: "p1" }]))).toBe(false);
    expect(signupFound(before, config([{ id: "p1" }, { id: "p2", status: "PENDING" }]))).toBe(true);
    expect(signupFound(before, config([{ id: "p1" }], ["w1", "w2"]))).toBe(true);
  });
  it("or a number that connects again (a reconnect keeps its id); a number leaving counts for nothing", () => {
    const before = baselineOf(config([{ id: "p1", status: "DISCONNECTED" }, { id: "p2" }]));
    expect(signupFound(before, config([{ id: "p1", status: "DISCONNECTED" }, { id: "p2" }]))).toBe(false);
    expect(signupFound(before, config([{ id: "p1", status: "DISCONNECTED" }]))).toBe(false);
    expect(signupFound(before, config([{ id: "p1" }, { id: "p2" }]))).toBe(true);
  });
  it("on a new plugin, anything at all", () => {
    const empty = { wabaIds: [], numberIds: [], connectedIds: [] };
    expect(signupFound(empty, config([], []))).toBe(false);
    expect(signupFound(empty, config([], ["w1"]))).toBe(true);
  });
});

describe("what a new link asks", () => {
  it("a client without a plugin can only be asked to connect", () => {
    expect(purposesFor({ pluginId: null })).toEqual(["CONNECT"]);
    expect(purposesFor({ pluginId: "plg" })).toEqual(["CONNECT", "RECONNECT", "CHANGE_NUMBER"]);
    expect(suggestedPurpose({ pluginId: null, latest: null })).toBe("CONNECT");
  });
  it("suggests a reconnect after a removed connection, and makes the admin choose for a connected client", () => {
    expect(suggestedPurpose({ pluginId: "plg", latest: { wabaCount: 0, removed: true } })).toBe("RECONNECT");
    expect(suggestedPurpose({ pluginId: "plg", latest: { wabaCount: 1, removed: false } })).toBeNull();
    expect(suggestedPurpose({ pluginId: "plg", latest: { wabaCount: 0, removed: false } })).toBe("CONNECT");
    expect(suggestedPurpose({ pluginId: "plg", latest: null })).toBe("CONNECT");
  });
});

describe("the words for the public actions' codes", () => {
  const codes: LinkRefusalCode[] = [
    "unknown",
    "expired",
    "revoked",
    "connected",
    "rate_limited",
    "invalid",
    "held",
    "busy",
    "unavailable",
    "not_connected_yet",
    "not_needed",
    "already_requested",
  ];
  it("every code has its own sentence, naming the agency where it is theirs to act", () => {
    const sentences = codes.map((code) => refusalMessage({ ok: false, code }, "Acme Agency", english));
    expect(new Set(sentences).size).toBe(codes.length);
    for (const sentence of sentences) expect(sentence).toMatch(/^[A-Z].*\.$/);
    expect(refusalMessage({ ok: false, code: "held" }, "Acme Agency", english)).toContain("Acme Agency");
  });
  it("says how long to wait", () => {
    expect(refusalMessage({ ok: false, code: "rate_limited", retryAfterMinutes: 1 }, "A", english)).toContain(
      "wait 1 minute ",
    );
    expect(refusalMessage({ ok: false, code: "rate_limited", retryAfterMinutes: 12 }, "A", english)).toContain(
      "wait 12 minutes",
    );
  });
});
