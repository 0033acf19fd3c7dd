import { businessAppDemoNumber } from "../../fake-chakra/state";
import { newLinkToken } from "../../lib/links/token";
import { expect, test } from "../support/e2e-test";
import { signedInState, testDb, waitForEmail } from "../support/e2e";
import { addFault, clearFaults, connectedPlugin, fakeCall as fake, fakeChange, fakeConfig } from "../support/e2e-fake";

/* The WhatsApp dashboard against the fake ChakraHQ: refresh, webhook settings, disconnect, overview. */

async function clientFor(pluginId: string, name: string) {
  const ref = `${name.toLowerCase().replace(/\W+/g, "-")}-${Date.now().toString(36)}`;
  return testDb().client.create({
    data: {
      name,
      contactName: "Lee",
      contactEmail: `${ref}@example.com`,
      clientReferenceId: ref,
      pluginId,
      pluginVerifiedAt: new Date(),
      searchText: `${name.toLowerCase()} ${ref}`,
    },
  });
}

test.afterEach(async () => {
  await fake("/__fake/faults", undefined, "DELETE");
});

test.describe(() => {
  test.use({ storageState: signedInState("ADMIN") });

  test("refresh shows ChakraHQ's numbers, and keeps them with an error banner when ChakraHQ fails", async ({
    page,
  }) => {
    const client = await clientFor(
      await connectedPlugin("Blue Harbor Dental", "+91 98765 43210"),
      "Blue Harbor Dental",
    );
    await page.goto(`/clients/${client.id}`);
    await expect(page.getByText("Nothing fetched from ChakraHQ yet.")).toBeVisible();

    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    await expect(page.getByText("Fetched from ChakraHQ just now.")).toBeVisible();
    const whatsapp = page.getByRole("region", { name: "WhatsApp" });
    await expect(whatsapp.getByText("+91 98765 43210")).toBeVisible();
    await expect(whatsapp.getByText("can send and receive")).toBeVisible();
    await expect(whatsapp.getByRole("heading", { name: "Blue Harbor Dental WhatsApp Business Account" })).toBeVisible();

    await fake("/__fake/faults", { route: "getConfig", kind: "rate_limit", retryAfterSeconds: 90 });
    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    await expect(
      page.getByRole("alert").filter({ hasText: "rate-limiting requests; try again in 90 s" }),
    ).toBeVisible();
    await expect(page.getByRole("alert").filter({ hasText: "Showing the last good data." })).toBeVisible();
    await expect(whatsapp.getByText("+91 98765 43210")).toBeVisible();
  });
});

test.describe(() => {
  test.use({ storageState: signedInState("ADMIN") });

  test("a number's details, Meta's meanings and linked guidance show on the client page @phone", async ({ page }) => {
    // A number on the WhatsApp Business app too, whose display name Meta rejected, with a field
    // the app has no row for; in its own plugin (this test also runs at phone size).
    const plugin = await fake<{ id: string }>("/__fake/plugins", {
      name: "Lotus Tea House",
      wabas: [
        { id: `9${Date.now()}`, name: "Lotus Tea House", timezone_id: "71", business_verification_status: "verified" },
      ],
      numbers: [businessAppDemoNumber({ id: `8${Date.now()}`, display_phone_number: "+91 98200 12345" })],
    });
    const client = await clientFor(plugin.id, "Lotus Tea House");
    await page.goto(`/clients/${client.id}`);
    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    await expect(page.getByText("Fetched from ChakraHQ just now.")).toBeVisible();

    const whatsapp = page.getByRole("region", { name: "WhatsApp" });
    const account = whatsapp.getByRole("region", { name: "Business account Lotus Tea House" });
    await expect(account.getByText("Asia/Kolkata")).toBeVisible();
    const number = whatsapp.getByRole("listitem", { name: "Number +91 98200 12345" });
    await expect(number.getByText("Meta rejected the display name", { exact: true })).toBeVisible();
    await expect(
      number.getByText("Reason given: The display name does not match the business name on its website."),
    ).toBeVisible();
    await expect(number.getByText("the number was confirmed with the code Meta sent")).toBeVisible();
    await expect(number.getByText("250 customers per 24 hours outside a customer service window")).toBeVisible();
    await expect(number.getByText(/whole business portfolio/)).toBeVisible();
    await expect(number.getByText("Yes: coexistence with the app")).toBeVisible();
    await expect(whatsapp.getByRole("status").filter({ hasText: "Meta rejected the display name" })).toBeVisible();

    // Guidance, each linked to Meta's page in a new tab.
    await expect(number.getByText(/open it regularly/)).toBeVisible();
    const names = number.getByRole("link", { name: /Meta: display names/ });
    await expect(names).toHaveAttribute(
      "href",
      "https://developers.facebook.com/documentation/business-messaging/whatsapp/display-names/",
    );
    await expect(names).toHaveAttribute("target", "_blank");
    await expect(names).toHaveAttribute("rel", "noreferrer");
    await expect(number.getByRole("link", { name: /Meta: WhatsApp Business app numbers/ })).toBeVisible();
    // Connected and verified: no advice about moving the number.
    await expect(number.getByText(/two-step verification/)).toHaveCount(0);

    // Fields the app has no row for, behind "More details".
    await expect(number.getByText("last_onboarded_time")).toBeHidden();
    await number.getByText(/More details from ChakraHQ \(1 field\)/).click();
    await expect(number.getByText("last_onboarded_time")).toBeVisible();
    await expect(number.getByText("2026-05-04T09:12:00+0000")).toBeVisible();
  });
});

test.describe(() => {
  test.use({ storageState: signedInState("ADMIN") });

  test("webhook settings: an invalid address is refused, a valid change is reviewed, applied and read back", async ({
    page,
  }) => {
    const pluginId = await connectedPlugin("North Cafe", "+1 555-010-4477");
    const client = await clientFor(pluginId, "North Cafe");
    await page.goto(`/clients/${client.id}`);
    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    const webhooks = page.getByRole("region", { name: "Webhook settings" });
    await expect(webhooks).toBeVisible();

    await webhooks.getByLabel("Pass-through webhook (Meta's format)").fill("http://hooks.example.com/meta");
    await webhooks.getByRole("button", { name: "Review changes" }).click();
    await expect(webhooks.getByText("Use an https:// address.")).toBeVisible();
    await expect(webhooks.getByLabel("Pass-through webhook (Meta's format)")).toHaveValue(
      "http://hooks.example.com/meta",
    );
    // In production ChakraHQ must not be pointed at the cloud's metadata service or the network inside.
    await webhooks.getByLabel("Pass-through webhook (Meta's format)").fill("https://169.254.169.254/latest/meta-data");
    await webhooks.getByRole("button", { name: "Review changes" }).click();
    await expect(webhooks.getByText(/Use a public address/)).toBeVisible();

    await webhooks.getByLabel("Pass-through webhook (Meta's format)").fill("https://hooks.example.com/meta");
    await webhooks.getByLabel("ChakraHQ-format webhook on").check();
    await webhooks.getByLabel("ChakraHQ-format webhook address").fill("https://hooks.example.com/chakra");
    await webhooks.getByLabel("message", { exact: true }).check();
    await webhooks.getByLabel("status", { exact: true }).check();
    await webhooks.getByRole("button", { name: "Review changes" }).click();
    const changes = webhooks.getByRole("table", { name: "What changes" });
    await expect(changes).toContainText("https://hooks.example.com/meta");
    await expect(changes).toContainText("message, status");
    await expect(webhooks.getByText("Review the changes, then apply them.")).toBeVisible();
    // A field changed after the review: the review (its table, its words, Apply) is gone until the next one.
    await webhooks.getByLabel("status", { exact: true }).uncheck();
    await expect(changes).toHaveCount(0);
    await expect(webhooks.getByText("Review the changes, then apply them.")).toHaveCount(0);
    await expect(webhooks.getByRole("button", { name: /^Apply/ })).toHaveCount(0);
    await webhooks.getByLabel("status", { exact: true }).check();
    await webhooks.getByRole("button", { name: "Review changes" }).click();
    await expect(changes).toContainText("message, status");
    expect(
      (await fake<{ passThroughWebhookUrl: string }>(`/v1/ext/plugin/whatsapp/${pluginId}/config`, undefined, "GET"))
        .passThroughWebhookUrl,
    ).toBe("");

    await webhooks.getByRole("button", { name: /^Apply 4 changes$/ }).click();
    await expect(webhooks.getByText("Saved in ChakraHQ; shown in the form as ChakraHQ now holds them.")).toBeVisible();
    const held = await fake<Record<string, unknown>>(`/v1/ext/plugin/whatsapp/${pluginId}/config`, undefined, "GET");
    expect(held).toMatchObject({
      passThroughWebhookUrl: "https://hooks.example.com/meta",
      enableChakraWebhook: true,
      chakraWebhookUrl: "https://hooks.example.com/chakra",
      whichChakraWebhookEventsToSend: ["message", "status"],
    });
    await page.reload();
    await expect(
      page.getByRole("region", { name: "Webhook settings" }).getByLabel("Pass-through webhook (Meta's format)"),
    ).toHaveValue("https://hooks.example.com/meta");
  });
});

test.describe(() => {
  test.use({ storageState: signedInState("ADMIN") });

  test("disconnecting a WABA needs its name typed, then the client's page and stage follow", async ({ page }) => {
    const client = await clientFor(await connectedPlugin("Acme Bakery", "+44 7700 900123"), "Acme Bakery");
    // The end client's link, through which the account was connected.
    const { token, tokenHash } = newLinkToken();
    await testDb().onboardingLink.create({
      data: { clientId: client.id, tokenHash, expiresAt: new Date(Date.now() + 86_400_000), usedAt: new Date() },
    });
    await page.goto(`/clients/${client.id}`);
    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    await expect(page.getByText("Fetched from ChakraHQ just now.")).toBeVisible();
    await page.goto(`/onboard/${token}`);
    await expect(page.getByRole("heading", { name: "WhatsApp is connected" })).toBeVisible();
    await expect(page.getByText("ready to send and receive messages")).toBeVisible();
    await page.goto(`/clients/${client.id}`);

    await page.getByRole("button", { name: "Disconnect Acme Bakery WhatsApp Business Account", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "Disconnect this WhatsApp Business Account?" });
    const confirm = dialog.getByRole("button", { name: "Disconnect account" });
    // Two accounts may share a name: the dialog says which one by its id too.
    await expect(dialog).toContainText(/Acme Bakery WhatsApp Business Account \(WABA \d+\)/);
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel(/Type .* to confirm/).fill("Acme Bakery");
    await expect(confirm).toBeDisabled();
    // Cancelled with Esc: opened again, the confirmation is typed afresh.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await page.getByRole("button", { name: "Disconnect Acme Bakery WhatsApp Business Account", exact: true }).click();
    await expect(dialog.getByLabel(/Type .* to confirm/)).toHaveValue("");
    await dialog.getByLabel(/Type .* to confirm/).fill("Acme Bakery WhatsApp Business Account");
    await confirm.click();
    // The account is gone from ChakraHQ's answer, and with it its dialog.
    await expect(page.getByText("No WhatsApp Business Account is connected to this plugin.")).toBeVisible();
    await expect(dialog).toHaveCount(0);
    // Said where the account was, and focused: the dialog that would have said it went with it.
    const said = page
      .getByRole("region", { name: "WhatsApp" })
      .getByRole("status")
      .filter({ hasText: "Disconnected." });
    await expect(said).toHaveText("Disconnected. ChakraHQ's current configuration is shown.");
    await expect(page.locator(":focus")).toContainText("Disconnected. ChakraHQ's current configuration is shown.");
    await expect(
      page
        .getByRole("region", { name: "History" })
        .getByText("WhatsApp Business Account Acme Bakery WhatsApp Business Account disconnected"),
    ).toBeVisible();
    // Asked for by the admin: no alert telling the agency to check with the client.
    await expect(page.getByText(/needs? your attention/)).toHaveCount(0);
    // A connection that went away needs the agency, and the end client's link says so.
    expect((await testDb().client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("ATTENTION");
    await page.goto(`/onboard/${token}`);
    await expect(page.getByRole("heading", { name: "This WhatsApp connection was removed" })).toBeVisible();
    await expect(page.getByText("WhatsApp is connected")).toHaveCount(0);
    await page.getByRole("button", { name: "Ask for a new link" }).click();
    await expect(page.getByText(/has been told and will send you a new link\./)).toBeVisible();
  });
});

test("after a disconnect, a reconnect link brings the client back on the same plugin @phone", async ({ browser }) => {
  const pluginId = await connectedPlugin("Harbor Books", "+1 555-010-4477");
  const client = await clientFor(pluginId, "Harbor Books");
  const adminContext = await browser.newContext({ storageState: signedInState("ADMIN") });
  const admin = await adminContext.newPage();
  await admin.goto(`/clients/${client.id}`);
  await admin.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
  await expect(admin.getByText("Fetched from ChakraHQ just now.")).toBeVisible();

  // A connected client: the admin must say what a new link is for.
  const links = admin.getByRole("region", { name: "Onboarding links" });
  const choice = links.getByRole("group", { name: "What should the client do?" });
  for (const purpose of ["Connect WhatsApp", "Reconnect", "Change number"])
    await expect(choice.getByRole("radio", { name: new RegExp(`^${purpose}`) })).not.toBeChecked();
  await links.getByRole("button", { name: "Create link only" }).click();
  await expect(choice.getByText("Choose what this link asks the client to do.")).toBeVisible();
  expect(await testDb().onboardingLink.count({ where: { clientId: client.id } })).toBe(0);

  // ChakraHQ loses the account: the next link is suggested as a reconnect.
  const wabaId = (
    await fake<{ whatsappBusinessAccounts: { id: string }[] }>(
      `/v1/ext/plugin/whatsapp/${pluginId}/config`,
      undefined,
      "GET",
    )
  ).whatsappBusinessAccounts[0]!.id;
  await fake(`/v1/ext/plugin/whatsapp/${pluginId}/disconnect-waba`, { wabaId });
  await admin.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
  await expect(admin.getByText("No WhatsApp Business Account is connected to this plugin.")).toBeVisible();
  await expect(choice.getByRole("radio", { name: /^Reconnect/ })).toBeChecked();
  await links.getByRole("button", { name: "Create and email link" }).click();
  await expect(
    links.getByText(
      `Link created; the email to ${client.contactEmail} is queued (its delivery shows in the link's history).`,
    ),
  ).toBeVisible();
  await expect(links.getByText("Reconnect link", { exact: true })).toBeVisible();
  await expect(
    admin.getByRole("region", { name: "History" }).getByText("Reconnect link created (works 7 days)"),
  ).toBeVisible();

  const email = await waitForEmail(client.contactEmail);
  expect(email.subject).toBe("Reconnect WhatsApp for Harbor Books with Your agency");
  const url = email.text.match(/https?:\/\/\S+\/onboard\/[A-Za-z0-9_-]+/)?.[0] ?? "";

  // The end client is asked to reconnect, and does, on the same plugin.
  const clientContext = await browser.newContext();
  const page = await clientContext.newPage();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "Reconnect WhatsApp" })).toBeVisible();
  await expect(page.getByText("is no longer connected")).toBeVisible();
  await page.getByRole("button", { name: "Reconnect WhatsApp" }).click();
  const frame = page.frameLocator('iframe[title="Connect WhatsApp"]');
  await frame.getByRole("button", { name: "Connect WhatsApp" }).click();
  await frame.getByLabel("Business name").selectOption("Acme Bakery");
  await frame.getByLabel("Phone number").selectOption("+91 98765 43210");
  await frame.getByRole("button", { name: "Finish signup" }).click();
  await expect(page.getByRole("heading", { name: "WhatsApp is connected" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("+91 98765 43210")).toBeVisible();

  const after = await testDb().client.findUniqueOrThrow({ where: { id: client.id } });
  expect(after.pluginId).toBe(pluginId);
  expect(after.onboardingStatus).toBe("CONNECTED");
  await admin.reload();
  await expect(
    admin.getByRole("region", { name: "History" }).getByText("Reconnected WhatsApp through the reconnect link"),
  ).toBeVisible();
  await adminContext.close();
  await clientContext.close();
});

test.describe(() => {
  test.use({ storageState: signedInState("ADMIN") });

  test("the overview lists every number, filters them, and refreshes all clients @phone", async ({ page }) => {
    // A number of its own: this test also runs at phone size, against the same database.
    const number = `+33 6 ${String(Date.now())
      .slice(-8)
      .replace(/(\d{2})(?=\d)/g, "$1 ")}`;
    const pluginId = await connectedPlugin("Overview Optics", number);
    const client = await clientFor(pluginId, `Overview Optics ${Date.now().toString(36)}`);
    // A rating to act on: in its column on a wide screen, under the status on a phone.
    const numberId = ((await fakeConfig(pluginId)).whatsappPhoneNumbers as { id: string }[])[0]!.id;
    await fakeChange.qualityRating(pluginId, numberId, "RED");
    // The page's progress polls are held until the run has finished: a run can end before the
    // first poll answers, and the page must still show its results.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/overview/refresh", async (route) => {
      await held;
      await route.continue();
    });
    await page.goto("/overview");
    const runsBefore = await testDb().refreshJob.count();
    await page.getByRole("button", { name: "Refresh all from ChakraHQ" }).click();
    await expect
      .poll(
        async () => {
          const runs = await testDb().refreshJob.findMany({ orderBy: { startedAt: "desc" }, take: 1 });
          return (await testDb().refreshJob.count()) > runsBefore ? runs[0]?.status : "not started";
        },
        { timeout: 30_000 },
      )
      .toBe("DONE");
    release();
    const row = page.getByRole("row").filter({ hasText: number });
    await expect(row).toBeVisible();
    await expect(page.getByText(/Last refresh finished: \d+ of \d+ clients fetched/)).toBeVisible();
    await expect(row).toContainText(client.name);
    await expect(row).toContainText("CONNECTED");
    // "low quality: act now" in the column; on a phone, "RED quality: act now" under the status.
    await expect(row.getByText(/quality: act now$/).filter({ visible: true })).toHaveCount(1);

    await page.getByRole("link", { name: "Not connected" }).click();
    await expect(page).toHaveURL(/filter=not_connected/);
    await expect(page.getByRole("row").filter({ hasText: number })).toHaveCount(0);
    await page.getByRole("link", { name: "All", exact: true }).click();
    await expect(page).not.toHaveURL(/filter=/);
    await page.getByRole("searchbox", { name: "Search numbers" }).fill(client.name.toLowerCase());
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.getByRole("row").filter({ hasText: number })).toBeVisible();
  });
});

test.describe(() => {
  test.use({ storageState: signedInState("ADMIN") });

  test("what ChakraHQ reports changing after signup shows at the next refresh", async ({ page }) => {
    const pluginId = await connectedPlugin("Northwind Traders", "+1 555-010-4477");
    const config = await fakeConfig(pluginId);
    const wabaId = config.whatsappBusinessAccounts[0]!.id;
    const numberId = (config.whatsappPhoneNumbers as { id: string }[])[0]!.id;
    const client = await clientFor(pluginId, "Northwind Traders");
    await page.goto(`/clients/${client.id}`);
    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    const whatsapp = page.getByRole("region", { name: "WhatsApp" });
    await expect(whatsapp.getByText("can send and receive")).toBeVisible();

    // Meta disconnects the number, its quality turns red, the account's review is rejected.
    await fakeChange.numberStatus(pluginId, numberId, "DISCONNECTED");
    await fakeChange.qualityRating(pluginId, numberId, "RED");
    await fakeChange.accountReview(pluginId, wabaId, "REJECTED");
    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    await expect(
      whatsapp.getByText("+1 555-010-4477 is not connected: DISCONNECTED (cannot send or receive)."),
    ).toBeVisible();
    await expect(whatsapp.getByText("+1 555-010-4477 has a red quality rating: Meta may limit it.")).toBeVisible();
    await expect(
      whatsapp.getByText("Northwind Traders WhatsApp Business Account: Meta rejected the account review."),
    ).toBeVisible();

    // Restored, the next refresh shows it connected again.
    await fakeChange.restore(pluginId);
    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    await expect(whatsapp.getByText("can send and receive")).toBeVisible();
    await expect(whatsapp.getByText(/is not connected/)).toHaveCount(0);
  });

  test("refresh all says when it waits out ChakraHQ's rate limit, then shows the finished run", async ({ page }) => {
    await clientFor(
      await connectedPlugin("Patient Pharmacy", "+34 600 111 222"),
      `Patient Pharmacy ${Date.now().toString(36)}`,
    );
    await page.goto("/overview");
    await addFault({ route: "getConfig", kind: "rate_limit", retryAfterSeconds: 4, times: 1 });
    try {
      await page.getByRole("button", { name: "Refresh all from ChakraHQ" }).click();
      await expect(page.getByText(/ChakraHQ asked to slow down: waiting until/)).toBeVisible({ timeout: 15_000 });
      await expect(page.getByText(/Last refresh finished: \d+ of \d+ clients fetched/)).toBeVisible({
        timeout: 30_000,
      });
    } finally {
      await clearFaults();
    }
  });
});
