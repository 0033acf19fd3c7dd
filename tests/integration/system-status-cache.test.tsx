import { prerender } from "react-dom/static";
import type * as NextServer from "next/server";
import { afterAll, describe, expect, it, vi } from "vitest";
import { startFakeChakra } from "@/fake-chakra/server";
import { FAKE_CHAKRA_TOKEN } from "@/lib/chakra/demo";

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
// Outside Next.js there is no request scope for connection() to check: every render here is a request.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => {},
}));

/*
 * ChakraHQ's health check never holds a page: a slow ChakraHQ shows "Checking…", and every
 * caller shares one check. No assertion here depends on how long anything takes: the fake
 * holds the health call until the test releases it, and the shared check runs on a test clock.
 */

// The app's ChakraHQ client is built from the settings when first imported: point it at a fake of this file's own.
const fake = await startFakeChakra({ token: FAKE_CHAKRA_TOKEN, seed: false });
vi.stubEnv("CHAKRA_BASE_URL", fake.url);
vi.stubEnv("CHAKRA_API_TOKEN", "");
const { default: HomePage } = await import("@/app/page");
const { Providers } = await import("@/components/providers");
const { createSharedCheck, getChakraHealth } = await import("@/lib/data/system");
const { signInAs } = await import("../support/request-context");

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});

const healthCalls = () => fake.requests.filter((r) => r.path === "/v1/health").length;

describe("with ChakraHQ's health endpoint hanging", () => {
  it("the status is pending at once, the page says Checking…, and the one call's answer is used later", async () => {
    fake.addFault({ route: "health", kind: "hold" });
    // Were it waiting for ChakraHQ, this would never return (the fake holds the call until released).
    expect(await getChakraHealth()).toEqual({ state: "pending" });

    await signInAs("VIEWER");
    const { prelude } = await prerender(<Providers>{await HomePage()}</Providers>);
    const html = await new Response(prelude).text();
    expect(html).toContain("System status");
    expect(html).toContain("Checking…");
    expect(html).not.toContain("Answering at");

    fake.clearFaults();
    fake.release();
    expect(await getChakraHealth({ waitMs: 10_000 })).toEqual({ state: "ok" });
    // The function and the page shared the held call; nothing asked twice.
    expect(healthCalls()).toBe(1);
    expect(await getChakraHealth()).toEqual({ state: "ok" });
    expect(healthCalls()).toBe(1);
  });
});

/** A check the test finishes by hand, counting its runs. */
function manualCheck() {
  const runs: ((value: string) => void)[] = [];
  return {
    check: () => new Promise<string>((resolve) => runs.push(resolve)),
    runs,
  };
}

describe("the shared check", () => {
  it("runs once for concurrent callers, and reuses the result for a minute", async () => {
    let now = 0;
    const { check, runs } = manualCheck();
    const shared = createSharedCheck({ check, freshMs: 60_000, waitMs: 60_000, now: () => now });
    const callers = Promise.all(Array.from({ length: 5 }, () => shared.get()));
    await vi.waitUntil(() => runs.length > 0);
    runs[0]!("first");
    expect(await callers).toEqual(Array(5).fill({ state: "done", value: "first" }));
    now += 59_999;
    expect(await shared.get()).toEqual({ state: "done", value: "first" });
    expect(runs).toHaveLength(1);
  });

  it("returns a stale result at once while one re-check runs, then the new one", async () => {
    let now = 0;
    const { check, runs } = manualCheck();
    const shared = createSharedCheck({ check, freshMs: 60_000, waitMs: 60_000, now: () => now });
    const first = shared.get();
    await vi.waitUntil(() => runs.length > 0);
    runs[0]!("first");
    await first;

    now += 60_000;
    // The re-check is not finished: these would wait forever if they waited for it.
    for (let i = 0; i < 3; i++) expect(await shared.get()).toEqual({ state: "done", value: "first" });
    await vi.waitUntil(() => runs.length > 1);
    expect(runs).toHaveLength(2);
    runs[1]!("second");
    await shared.settled();
    expect(await shared.get()).toEqual({ state: "done", value: "second" });
    expect(runs).toHaveLength(2);
  });

  it("with no result yet, answers pending after its short wait, and the result when it comes", async () => {
    const { check, runs } = manualCheck();
    const shared = createSharedCheck({ check, freshMs: 60_000, waitMs: 1 });
    expect(await shared.get()).toEqual({ state: "pending" });
    expect(await shared.get()).toEqual({ state: "pending" });
    expect(runs).toHaveLength(1);
    runs[0]!("late");
    await shared.settled();
    expect(await shared.get()).toEqual({ state: "done", value: "late" });
  });

  it("a check that throws is not kept: the next caller starts a new one", async () => {
    let calls = 0;
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const shared = createSharedCheck({
      check: async () => {
        calls++;
        if (calls === 1) throw new Error("boom");
        return "fine";
      },
      freshMs: 60_000,
      waitMs: 60_000,
    });
    await expect(shared.get()).rejects.toThrow("boom");
    expect(await shared.get()).toEqual({ state: "done", value: "fine" });
    expect(calls).toBe(2);
    expect(errors).toHaveBeenCalledOnce();
    errors.mockRestore();
  });
});
