import { expect, test } from "../support/e2e-test";
import { createMember, signIn } from "../support/e2e";
import { E2E_FAKE_PORT } from "../support/e2e-ports";

/** ChakraHQ's address as the app under test knows it (tests/support/e2e-stack.ts). */
const CHAKRA_URL = `https://127.0.0.1:${E2E_FAKE_PORT}`;

test("a signed-out visitor sees what the app does, and nothing of its infrastructure @phone", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Partner Onboarding" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "How onboarding works" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "System status" })).toHaveCount(0);
  const html = await page.content();
  expect(html).not.toContain(CHAKRA_URL);
  expect(html).not.toMatch(/SQLite|PostgreSQL/);
  // Nothing sticks out sideways on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a member sees ChakraHQ and the database answering, on the dashboard and the home page @phone", async ({
  page,
}) => {
  await signIn(page, (await createMember("VIEWER")).email);
  for (const path of ["/dashboard", "/"]) {
    await page.goto(path);
    const status = page.getByRole("region", { name: "System status" });
    await expect(status.getByText(`Answering at ${CHAKRA_URL}`)).toBeVisible();
    await expect(status.getByText(/^Database \((SQLite|PostgreSQL)\)$/)).toBeVisible();
    await expect(status.getByText("Connected, migrations applied")).toBeVisible();
  }
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("a load balancer gets the readiness verdict and nothing more", async ({ request }) => {
  const response = await request.get("/api/health/ready");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(await response.json()).toEqual({ status: "ready" });
});

test("an unknown address gets the not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
