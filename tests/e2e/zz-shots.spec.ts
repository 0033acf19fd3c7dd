import { test } from "../support/e2e-test";
import { createMember, signIn, testDb } from "../support/e2e";

test.describe.configure({ mode: "serial" });

test("screenshots", async ({ page }) => {
  const owner = await createMember("OWNER");
  await signIn(page, owner.email);
  const client = await testDb().client.findFirst({ where: { name: "Sweep Bakery" } });
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/background");
    await page.screenshot({ path: `/tmp/shots-sweep/background-${width}.png`, fullPage: true });
    await page.goto(`/clients/${client!.id}`);
    await page.screenshot({ path: `/tmp/shots-sweep/client-${width}.png`, fullPage: true });
    await page.goto("/team");
    await page.screenshot({ path: `/tmp/shots-sweep/team-${width}.png`, fullPage: true });
  }
});
