import type { ReactNode } from "react";
import { prerender } from "react-dom/static";
import type * as NextServer from "next/server";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeChakra } from "@/fake-chakra/server";
import { FAKE_CHAKRA_TOKEN } from "@/lib/chakra/demo";
import { pageProps } from "../support/render-page";

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
// Outside Next.js there is no request scope for connection() to check: every render here is a request.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => {},
}));

/*
 * The home page and the dashboard as members and visitors get them: anonymous visitors cost
 * nothing upstream and learn nothing about the infrastructure; members see the system status,
 * whose ChakraHQ check is shared and cached.
 */

// The app's ChakraHQ client is built from the settings when first imported: point it at a
// fake of this file's own, in demo mode, before importing anything that reads them.
const fake = await startFakeChakra({ token: FAKE_CHAKRA_TOKEN, seed: false });
vi.stubEnv("CHAKRA_BASE_URL", fake.url);
vi.stubEnv("CHAKRA_API_TOKEN", "");
const { default: HomePage } = await import("@/app/page");
const { default: DashboardPage } = await import("@/app/(dashboard)/dashboard/page");
const { Providers } = await import("@/components/providers");
const { getChakraHealth } = await import("@/lib/data/system");
const { GET: getStatus } = await import("@/app/api/health/status/route");
const { signInAs, signOutOfJar } = await import("../support/request-context");

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});
beforeEach(() => signOutOfJar());

/** The page's HTML once everything it streams has arrived, inside the app's providers as in the root layout. */
async function render(page: () => Promise<ReactNode>): Promise<string> {
  const { prelude } = await prerender(<Providers>{await page()}</Providers>);
  return new Response(prelude).text();
}
const home = () => HomePage();
const dashboard = () => DashboardPage(pageProps());
const healthCalls = () => fake.requests.filter((r) => r.path === "/v1/health").length;

describe("the home page, signed out", () => {
  it("calls ChakraHQ not once and names neither the database kind nor ChakraHQ's address", async () => {
    const pages = await Promise.all(Array.from({ length: 5 }, () => render(home)));
    expect(fake.requests).toEqual([]);
    for (const html of pages) {
      expect(html).toContain("Sign in");
      // Demo mode is still explained, without the address.
      expect(html).toContain("Demo mode: running against a fake ChakraHQ");
      expect(html).not.toContain(fake.url);
      expect(html).not.toContain("127.0.0.1");
      expect(html).not.toMatch(/sqlite|postgres/i);
      expect(html).not.toContain("System status");
    }
  });
});

describe("signed in", () => {
  it("shows the system status on the home page and the dashboard, with one ChakraHQ call for 20 renders", async () => {
    await signInAs("VIEWER");
    // Ten at once (they share one check), then ten in a row (they reuse its result).
    const concurrent = await Promise.all(Array.from({ length: 10 }, (_, i) => render(i % 2 ? home : dashboard)));
    const sequential: string[] = [];
    for (let i = 0; i < 10; i++) sequential.push(await render(i % 2 ? home : dashboard));
    await getChakraHealth({ waitMs: 10_000 }); // the one check has finished (no new one while fresh)
    expect(healthCalls()).toBe(1);

    for (const html of [...concurrent, ...sequential]) expect(html).toContain("System status");
    for (const html of sequential) {
      expect(html).toContain(`Answering at ${fake.url}`);
      expect(html).toMatch(/Database \((SQLite|PostgreSQL)\)/);
      expect(html).toContain("Connected, migrations applied");
    }
  });
});

describe("GET /api/health/status", () => {
  it("gives members the status the page polls while ChakraHQ's check runs, and visitors nothing", async () => {
    expect((await getStatus()).status).toBe(401);
    await getChakraHealth({ waitMs: 10_000 }); // known (from the renders above, or now)
    await signInAs("VIEWER");
    const response = await getStatus();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({
      chakraBaseUrl: fake.url,
      chakra: { state: "ok" },
      database: { ready: true, reasons: [] },
    });
    expect(text).not.toContain(FAKE_CHAKRA_TOKEN);
    expect(healthCalls()).toBe(1);
  });
});
