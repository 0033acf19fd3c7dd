import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { newLinkToken } from "../../lib/links/token";
import { expect, test } from "../support/e2e-test";
import { signedInState, testDb } from "../support/e2e";
import { connectedPlugin } from "../support/e2e-fake";

/* axe-core on every page, at desktop and phone size: no violation of serious or critical impact. */

async function expectNoSeriousViolations(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${path}`).toEqual([]);
}

async function clientWithLink(name: string, pluginId: string | null) {
  const ref = `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now().toString(36)}`;
  const client = await testDb().client.create({
    data: {
      name,
      contactName: "Lee",
      contactEmail: `${ref}@example.com`,
      clientReferenceId: ref,
      pluginId,
      pluginVerifiedAt: pluginId ? new Date() : null,
      searchText: `${name.toLowerCase()} ${ref}`,
    },
  });
  const { token, tokenHash } = newLinkToken();
  await testDb().onboardingLink.create({
    data: { clientId: client.id, tokenHash, expiresAt: new Date(Date.now() + 7 * 86_400_000) },
  });
  return { client, token };
}

test("the signed-out pages and the end client's page have no serious accessibility violation @phone", async ({
  page,
}) => {
  const { token } = await clientWithLink("Axe Signed Out Bakery", null);
  for (const path of [
    "/",
    "/sign-in",
    "/sign-in/check-email",
    "/sign-in/error?error=Verification",
    `/onboard/${token}`,
    "/onboard/no-such-link",
    "/no-such-page",
  ]) {
    await expectNoSeriousViolations(page, path);
  }
});

test.describe(() => {
  test.use({ storageState: signedInState("OWNER") });

  test("every member page has no serious accessibility violation @phone", async ({ page }) => {
    // Twelve pages, each checked by axe: past the default minute on a loaded machine.
    test.slow();
    const pluginId = await connectedPlugin("Axe Harbor Dental", "+91 98765 40001");
    const { client } = await clientWithLink("Axe Harbor Dental", pluginId);
    // The client's numbers, fetched once, so the client page and the overview show a table.
    await page.goto(`/clients/${client.id}`);
    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    await expect(page.getByText("Fetched from ChakraHQ just now.")).toBeVisible();
    for (const path of [
      "/",
      "/dashboard",
      "/clients",
      "/clients?q=axe",
      `/clients/${client.id}`,
      `/clients/${client.id}/edit`,
      "/clients/new",
      "/clients/import",
      "/overview",
      "/team",
      "/settings",
      "/background",
    ]) {
      await expectNoSeriousViolations(page, path);
    }
  });
});
