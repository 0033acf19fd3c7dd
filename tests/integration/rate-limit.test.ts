import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The onboarding actions mint through the app's own ChakraHQ client, which takes its address
// from the environment once: point it at a fake of this file's own before anything reads it.
const fake = await vi.hoisted(async () => (await import("../support/app-fake")).startAppFake({ CHAKRA_API_TOKEN: "" }));

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());

import { markLinkOpened, startOnboarding } from "@/lib/actions/onboarding";
import { db } from "@/lib/db";
import { consumeRateLimit } from "@/lib/data/rate-limit";
import { refusalMessage } from "@/lib/onboarding/messages";
import { MINT_LIMITS } from "@/lib/onboarding/rules";
import { createTestClient, createTestLink } from "../support/factories";
import { setRequestHeaders } from "../support/request-context";
import { translator } from "@/lib/i18n/catalogs";

const english = translator("en", "refusal");

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});
beforeEach(() => setRequestHeaders({}));

/** A client mapped to a plugin at the fake, with an active onboarding link; returns the link's token. */
async function newLink(): Promise<{ token: string; linkId: string }> {
  const admin = await db.user.upsert({
    where: { email: "limits-admin@test.example" },
    create: { email: "limits-admin@test.example", role: "ADMIN" },
    update: { removedAt: null },
  });
  const client = await createTestClient("limits", { pluginId: fake.createPlugin().id });
  const { token, linkId } = await createTestLink(client.id, { actor: admin });
  return { token, linkId };
}

/** Connect tokens the fake has handed out so far. */
const mintedAtFake = () =>
  fake.requests.filter((r) => r.path === "/v1/ext/whatsapp-partner/create-connect-token" && r.status === 200).length;

describe("consumeRateLimit", () => {
  it("allows the limit, then refuses with a wait, per key", async () => {
    const key = `test:${Date.now()}`;
    const options = { limit: 3, windowMs: 60_000 };
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await consumeRateLimit({ key, ...options }));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results[3]!.retryAfterSeconds).toBeGreaterThan(50);
    expect((await consumeRateLimit({ key: `${key}:other`, ...options })).allowed).toBe(true);
  });

  it("forgets attempts older than the window", async () => {
    // Its own clock: a real wait would count a slow machine's pause as time in the window.
    const key = `test:window:${Date.now()}`;
    const start = Date.now();
    expect((await consumeRateLimit({ key, limit: 1, windowMs: 100, now: start })).allowed).toBe(true);
    expect((await consumeRateLimit({ key, limit: 1, windowMs: 100, now: start + 99 })).allowed).toBe(false);
    expect((await consumeRateLimit({ key, limit: 1, windowMs: 100, now: start + 101 })).allowed).toBe(true);
  });

  it("holds under concurrency: 40 attempts at once with a limit of 10 let exactly 10 through", async () => {
    const key = `test:concurrent:${Date.now()}`;
    const results = await Promise.all(
      Array.from({ length: 40 }, () => consumeRateLimit({ key, limit: 10, windowMs: 60_000 })),
    );
    expect(results.filter((r) => r.allowed)).toHaveLength(10);
    const refused = results.filter((r) => !r.allowed);
    expect(refused).toHaveLength(30);
    for (const r of refused) expect(r.retryAfterSeconds).toBeGreaterThan(50);
    expect(await db.rateLimitHit.count({ where: { key } })).toBe(10);
  });
});

describe("the end client's actions", () => {
  it("mint at most 10 connect tokens per link, however many requests arrive at once", async () => {
    const { token, linkId } = await newLink();
    setRequestHeaders({ "x-forwarded-for": "198.51.100.20" });
    const before = mintedAtFake();
    const results = await Promise.all(Array.from({ length: 40 }, () => startOnboarding(token)));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    for (const r of results.filter((r) => !r.ok)) {
      expect(r).toMatchObject({ code: "rate_limited", retryAfterMinutes: expect.any(Number) });
      if (!r.ok) expect(refusalMessage(r, "Acme Agency", english)).toMatch(/^Too many attempts/);
    }
    expect(mintedAtFake() - before).toBe(10);
    expect(await db.onboardingLinkEvent.count({ where: { linkId, type: "STARTED" } })).toBe(10);
  });

  it("record one opening for 20 page loads at once", async () => {
    const { token, linkId } = await newLink();
    const results = await Promise.all(Array.from({ length: 20 }, () => markLinkOpened(token)));
    expect(await db.onboardingLinkEvent.count({ where: { linkId, type: "OPENED" } })).toBe(1);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ code: "rate_limited" });
  });

  it("count a forged X-Forwarded-For for nothing: rotating it does not lift the per-address limit", async () => {
    // The address's limit and 10 more, spread over links (each within its own limit) from one
    // socket address, each with a different forged address in front of it.
    const { perLink, perAddress } = MINT_LIMITS;
    const attempts = perAddress + 10;
    const links = await Promise.all(Array.from({ length: Math.ceil(attempts / perLink) }, () => newLink()));
    const before = mintedAtFake();
    const results = [];
    for (let i = 0; i < attempts; i++) {
      setRequestHeaders({ "x-forwarded-for": `10.${i}.0.1, 192.0.2.${i}, 198.51.100.30` });
      results.push(await startOnboarding(links[i % links.length]!.token));
    }
    expect(results.map((r) => r.ok)).toEqual([
      ...Array<boolean>(perAddress).fill(true),
      ...Array<boolean>(10).fill(false),
    ]);
    expect(results[attempts - 1]).toMatchObject({ ok: false, code: "rate_limited" });
    const last = results[attempts - 1]!;
    if (!last.ok) expect(refusalMessage(last, "Acme Agency", english)).toMatch(/^Too many attempts/);
    expect(mintedAtFake() - before).toBe(perAddress);
  });

  it("count IPv6 clients by their /64: rotating through it does not lift the per-address limit", async () => {
    const { perLink, perAddress } = MINT_LIMITS;
    const links = await Promise.all(Array.from({ length: Math.ceil((perAddress + 2) / perLink) }, () => newLink()));
    const results = [];
    for (let i = 0; i < perAddress + 2; i++) {
      setRequestHeaders({ "x-forwarded-for": `2001:db8:5:6:${(i + 1).toString(16)}::1` });
      results.push((await startOnboarding(links[i % links.length]!.token)).ok);
    }
    expect(results).toEqual([...Array<boolean>(perAddress).fill(true), false, false]);
  });
});
