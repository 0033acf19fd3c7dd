import { expect, test } from "../support/e2e-test";
import { E2E_FAKE_URL } from "../support/e2e";

test("the home page explains demo mode and shows the fake and the database answering @phone", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Partner Onboarding" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Demo mode: running against a fake ChakraHQ" })).toBeVisible();
  await expect(page.getByText(`Answering at ${E2E_FAKE_URL}`)).toBeVisible();
  await expect(page.getByText("Connected, migrations applied")).toBeVisible();
  // Nothing sticks out sideways on a phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("an unknown address gets the not-found page", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
});
