import { expect, test } from "../support/e2e-test";
import { createMember, signIn, testDb } from "../support/e2e";
import { addFault, clearFaults, connectedPlugin, fakeCall, fakeConfig } from "../support/e2e-fake";

/*
 * The owners' Background work page: the schedule, "Run a sweep now" and the last sweep's
 * result; a change the sweep finds shows as an alert on the client's page, and is emailed.
 */

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await testDb().refreshJob.deleteMany();
  await testDb().client.deleteMany();
});

test("an owner runs a sweep; a disconnected account becomes an alert on the client's page", async ({ page }) => {
  const owner = await createMember("OWNER");
  const pluginId = await connectedPlugin("Sweep Bakery", "+44 7700 900555");
  const ref = `sweep-${Date.now()}`;
  const client = await testDb().client.create({
    data: {
      name: "Sweep Bakery",
      contactName: "Ana",
      contactEmail: `${ref}@example.com`,
      clientReferenceId: ref,
      pluginId,
    },
  });
  await signIn(page, owner.email);

  await page.goto("/background");
  await expect(page.getByRole("heading", { level: 1, name: "Background work" })).toBeVisible();
  await expect(page.getByText("The scheduled sweep is off. You can still run one now.")).toBeVisible();
  await expect(page.getByText("No sweep has run yet.")).toBeVisible();
  await expect(page.getByText(/Nothing is running/)).toBeVisible();

  // The first sweep (the baseline), its fetch held by the fake: the page follows it, unreloaded.
  await addFault({ route: "getConfig", kind: "hold", times: 1 });
  try {
    await page.getByRole("button", { name: "Run a sweep now" }).click();
    await expect(page.getByText("Sweep started: 1 client to check.")).toBeVisible();
    const last = page.getByRole("region", { name: "Health sweep" });
    await expect(last.getByText("Running now.")).toBeVisible();
    await expect(last.getByText("0 of 1")).toBeVisible();
    // Its figures are the running sweep's so far, not a finished one's.
    await expect(last.getByRole("heading", { name: "This sweep, so far" })).toBeVisible();
    await expect(last.getByText("Changes found so far")).toBeVisible();
    await expect(page.getByRole("button", { name: "A sweep is running" })).toBeDisabled();
    // Released once the worker's read has reached the fake (the page says "running" from the
    // moment the sweep is queued, which can be before): a release before it would free nothing.
    await expect
      .poll(async () => (await fakeCall<{ released: number }>("/__fake/release")).released)
      .toBeGreaterThan(0);
    await expect(last.getByText(/^Finished /)).toBeVisible();
    await expect(last.getByRole("heading", { name: "Last sweep" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Run a sweep now" })).toBeEnabled();
    await expect(page.getByText(/Nothing is running/)).toBeVisible();
  } finally {
    await clearFaults();
  }
  const last = page.getByRole("region", { name: "Health sweep" });

  // The client disconnects its account in ChakraHQ; the next sweep finds it.
  const wabaId = (await fakeConfig(pluginId)).whatsappBusinessAccounts[0]!.id;
  await fakeCall(`/v1/ext/plugin/whatsapp/${pluginId}/disconnect-waba`, { wabaId });
  await page.getByRole("button", { name: "Run a sweep now" }).click();
  await expect
    .poll(
      async () =>
        (await testDb().refreshJob.findFirst({ where: { kind: "SWEEP", status: "DONE", alerts: { gt: 0 } } }))?.alerts,
    )
    .toBe(2);
  await page.reload();
  await expect(last.getByText("Changes found", { exact: true })).toBeVisible();

  // Plain words on the client's page and its history.
  await page.goto(`/clients/${client.id}`);
  await expect(page.getByText("2 things need your attention")).toBeVisible();
  await expect(page.getByText("Sweep Bakery WhatsApp Business Account is no longer connected.").first()).toBeVisible();
  await expect(
    page.getByRole("region", { name: "History" }).getByText(/^Alert: \+44 7700 900555 is no longer on the plugin/),
  ).toBeVisible();
});

test("a finished “Refresh all” stays listed, with who started it and how many failed", async ({ page }) => {
  const owner = await createMember("OWNER");
  const ref = `refresh-listed-${Date.now()}`;
  // A plugin ChakraHQ does not know: its fetch fails, the others' succeed.
  await testDb().client.create({
    data: {
      name: "Ghost Plugin Shop",
      contactName: "Gil",
      contactEmail: `${ref}@example.com`,
      clientReferenceId: ref,
      pluginId: `e2e-unknown-plugin-${ref}`,
    },
  });
  const clients = await testDb().client.count({ where: { pluginId: { not: null }, archived: false } });
  await signIn(page, owner.email);
  await page.goto("/background");
  const runs = page.getByRole("region", { name: "Recent “Refresh all” runs" });
  await expect(runs.getByText(/^None yet\./)).toBeVisible();

  await page.goto("/overview");
  await page.getByRole("button", { name: "Refresh all from ChakraHQ" }).click();
  await expect(page.getByText(/^Last refresh finished/)).toBeVisible({ timeout: 30_000 });
  await page.goto("/background");
  const run = runs.getByRole("listitem");
  await expect(run).toHaveCount(1);
  await expect(run).toContainText(`Started by ${owner.email}`);
  await expect(run).toContainText(`${clients - 1} of ${clients} clients fetched, 1 failed.`);
  await expect(page.getByRole("region", { name: "Failed lately" }).getByText("Ghost Plugin Shop")).toBeVisible();
});

test("the owner sets the interval; an admin is not shown the page", async ({ page }) => {
  const owner = await createMember("OWNER");
  await signIn(page, owner.email);
  await page.getByRole("link", { name: "Background work" }).first().click();
  await page.getByLabel("Check every client's WhatsApp").selectOption({ label: "Every hour" });
  await page.getByRole("button", { name: "Save interval" }).click();
  await expect(page.getByText("Saved. The next sweep follows the new interval.")).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Next sweep: /)).toBeVisible();
  await expect(page.getByLabel("Check every client's WhatsApp")).toHaveValue("60");
  // Back off, so the rest of the suite runs without a schedule.
  await page.getByLabel("Check every client's WhatsApp").selectOption({ label: "Off" });
  await page.getByRole("button", { name: "Save interval" }).click();
  await expect(page.getByText("Saved: the sweep is off.")).toBeVisible();

  const admin = await createMember("ADMIN");
  await page.context().clearCookies();
  await signIn(page, admin.email);
  await expect(page.getByRole("link", { name: "Background work" })).toHaveCount(0);
  await page.goto("/background");
  await expect(page.getByRole("heading", { name: "Background work" })).toHaveCount(0);
});

test("a member chooses their alert emails on the Team page", async ({ page }) => {
  const admin = await createMember("ADMIN");
  await signIn(page, admin.email);
  await page.goto("/team");
  // "Your emails": the alerts and the weekly digest, saved with one button.
  const emails = page.getByRole("region", { name: "Your emails" });
  await expect(emails.getByRole("button")).toHaveText(["Save my emails"]);
  await expect(emails.getByLabel("All clients")).toBeChecked();
  await expect(emails.getByLabel("Weekly digest")).toBeChecked();
  await emails.getByLabel("Only clients I sent links to").check();
  await emails.getByLabel("Weekly digest").uncheck();
  await emails.getByRole("button", { name: "Save my emails" }).click();
  await expect(emails.getByText("Saved: alerts about the clients you sent links to, no weekly digest.")).toBeVisible();
  await page.reload();
  await expect(emails.getByLabel("Only clients I sent links to")).toBeChecked();
  await expect(emails.getByLabel("Weekly digest")).not.toBeChecked();
});
