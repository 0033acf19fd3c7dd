import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { endBackgroundRuns } from "../support/background-runs";
import { createTestClient } from "../support/factories";
import { pageProps, renderPage } from "../support/render-page";
import { signInAs, signOutOfJar } from "../support/request-context";

/*
 * Every server action and every dashboard page, found on disk, is called signed out and as
 * a viewer. A new action or page without the guard fails here. Exceptions are listed.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");

afterAll(endBackgroundRuns);
/** Actions anyone may call. */
const PUBLIC_ACTIONS = new Set([
  "auth.requestSignInLink",
  // The end client's page: each takes only the link's token (tests/e2e/onboarding.spec.ts).
  "onboarding.markLinkOpened",
  "onboarding.startOnboarding",
  "onboarding.reportOnboarding",
  "onboarding.confirmOnboarding",
  "onboarding.requestNewLink",
  // Polled while a signup is open, and the SDK's raw events (tests/integration/signup-detection.test.ts).
  "onboarding.checkOnboarding",
  "onboarding.reportSdkEvent",
  // "I need help" on the end client's page (tests/integration/nudges.test.ts, tests/e2e/help.spec.ts).
  "onboarding.requestHelp",
]);
/** Actions that change nothing a viewer may not change. */
const VIEWER_ACTIONS = new Set([
  "auth.signOutAction",
  // A member's own emails (alerts, the weekly digest): theirs to choose, whatever their role.
  "preferences.updateEmailPreferencesAction",
]);
/** Route handlers open by nature. */
const PUBLIC_ROUTES = new Set([
  "app/api/auth/[...nextauth]/route.ts",
  // For load balancers: the verdict only, details for members (tests/integration/readiness.test.ts).
  "app/api/health/ready/route.ts",
]);

type Action = (previous: null, formData: FormData) => Promise<{ ok: boolean; code?: string }>;

const actionFiles = readdirSync(path.join(ROOT, "lib/actions")).filter(
  (f) => f.endsWith(".ts") && f !== "safe-action.ts",
);
const actions: { name: string; run: Action }[] = [];
for (const file of actionFiles) {
  const source = readFileSync(path.join(ROOT, "lib/actions", file), "utf8");
  if (!source.startsWith('"use server";')) throw new Error(`lib/actions/${file} must start with "use server"`);
  const exported = (await import(`../../lib/actions/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exported)) {
    if (typeof value === "function")
      actions.push({ name: `${file.replace(/\.ts$/, "")}.${name}`, run: value as Action });
  }
}

function filesUnder(dir: string, name: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === name)
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

const dashboardPages = filesUnder("app/(dashboard)", "page.tsx");
const routes = filesUnder("app", "route.ts");

beforeEach(() => signOutOfJar());

describe("server actions", () => {
  it("are all found", () => {
    expect(actions.map((a) => a.name)).toEqual(
      expect.arrayContaining(["team.inviteMemberAction", "auth.requestSignInLink"]),
    );
    for (const name of [...PUBLIC_ACTIONS, ...VIEWER_ACTIONS]) expect(actions.map((a) => a.name)).toContain(name);
  });

  const guarded = actions.filter((a) => !PUBLIC_ACTIONS.has(a.name));

  it.each(guarded)("$name refuses a signed-out call", async ({ run }) => {
    expect(await run(null, new FormData())).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
  });

  it.each(guarded.filter((a) => !VIEWER_ACTIONS.has(a.name)))("$name refuses a viewer", async ({ run }) => {
    await signInAs("VIEWER");
    const form = new FormData();
    form.set("email", "someone@example.com");
    form.set("role", "OWNER");
    expect(await run(null, form)).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it.each(guarded)("$name lets an owner through to validation", async ({ name, run }) => {
    await signInAs("OWNER");
    const result = await run(null, new FormData()).catch((error: unknown) => ({ thrown: String(error) }));
    // Sign-out ends in a redirect; the rest get past the guard (most then reject the empty form).
    if (name === "auth.signOutAction")
      return expect(result).toMatchObject({ thrown: expect.stringContaining("NEXT_REDIRECT") });
    expect(result).not.toHaveProperty("thrown");
    expect(["UNAUTHENTICATED", "FORBIDDEN"]).not.toContain((result as { code?: string }).code);
  });
});

describe("dashboard pages", () => {
  it("are all found", () => {
    expect(dashboardPages).toEqual(
      expect.arrayContaining(["app/(dashboard)/team/page.tsx", "app/(dashboard)/dashboard/page.tsx"]),
    );
  });

  it.each(dashboardPages)("%s sends a signed-out visitor to the sign-in page", async (file) => {
    const page = (await import(`../../${file}`)) as { default: (props: unknown) => Promise<unknown> };
    const props = { params: Promise.resolve({}), searchParams: Promise.resolve({}) };
    const error = await page.default(props).then(
      () => null,
      (e: unknown) => e as { digest?: string },
    );
    expect(error?.digest).toMatch(/^NEXT_REDIRECT;replace;\/sign-in;/);
  });
});

describe("what a viewer is offered", () => {
  it("no refresh from ChakraHQ on a client's page; admins have it", async () => {
    const client = await createTestClient("guards", {
      name: "Guarded Co",
      pluginId: "7d1c3f0e-2b4a-4c5d-8e9f-0a1b2c3d4e5f",
    });
    const page = (await import("../../app/(dashboard)/clients/[id]/page")).default;
    await signInAs("VIEWER");
    expect(renderPage(await page(pageProps({ id: client.id })))).not.toContain("Refresh from ChakraHQ");
    await signInAs("ADMIN");
    expect(renderPage(await page(pageProps({ id: client.id })))).toContain("Refresh from ChakraHQ");
  });
});

describe("route handlers", () => {
  it("are public only when listed", () => {
    for (const file of PUBLIC_ROUTES) expect(routes).toContain(file);
  });

  it.each(routes.filter((r) => !PUBLIC_ROUTES.has(r)))("%s refuses a signed-out request", async (file) => {
    const exported = (await import(`../../${file}`)) as Record<string, (request: Request) => Promise<Response>>;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof exported[m] === "function")) {
      const response = await exported[method]!(new Request("http://localhost:3000/", { method }));
      expect([401, 403, 307]).toContain(response.status);
    }
  });
});
