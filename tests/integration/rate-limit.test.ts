import { describe, expect, it } from "vitest";
import { consumeRateLimit } from "@/lib/data/rate-limit";

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
    const key = `test:window:${Date.now()}`;
    expect((await consumeRateLimit({ key, limit: 1, windowMs: 100 })).allowed).toBe(true);
    expect((await consumeRateLimit({ key, limit: 1, windowMs: 100 })).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 150));
    expect((await consumeRateLimit({ key, limit: 1, windowMs: 100 })).allowed).toBe(true);
  });
});
