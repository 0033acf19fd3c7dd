import type { Page } from "@playwright/test";
import { newLinkToken } from "../../lib/links/token";
import { expect, test } from "../support/e2e-test";
import { createMember, emailsTo, signedInEmail, signedInState, signIn, testDb, uniqueEmail } from "../support/e2e";
import {
  addFault,
  clearFaults,
  connectedPlugin,
  fakeCall,
  fakeConfig,
  fakePlugins,
  fakeRequests,
} from "../support/e2e-fake";

/*
 * What the app says when ChakraHQ's answer is lost or ChakraHQ is down, as the people using it
 * read it: writes whose outcome is unknown (done, not done, could not confirm), a new-plugin
 * request whose outcome is unknown (the hold), and plugin ids in a CSV import.
 */

/** The deployment's CHAKRA_TIMEOUT_MS: the default, 15 s (tests/support/e2e-stack.ts sets none). */
const TIMEOUT_S = 15;
/** A lost answer takes the app's timeout, then a read back (retried on a 5xx: about 4 s). */
const AFTER_TIMEOUT = { timeout: (TIMEOUT_S + 20) * 1000 };
const TOKEN_PATH = "/v1/ext/whatsapp-partner/create-connect-token";

let n = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${n++}`;
/** A phone number no other test (nor the phone-size run) uses. */
const uniquePhone = () => `+1 555 ${String(Date.now()).slice(-7)}${n++ % 10}`;

async function clientFor(name: string, pluginId: string | null) {
  const ref = unique(name.toLowerCase().replace(/\W+/g, "-"));
  return testDb().client.create({
    data: {
      name,
      contactName: "Lee",
      contactEmail: uniqueEmail(ref),
      clientReferenceId: ref,
      searchText: `${name.toLowerCase()} ${ref}`,
      ...(pluginId ? { pluginId, pluginMappedAt: new Date(), pluginVerifiedAt: new Date() } : {}),
    },
  });
}

const history = (page: Page) => page.getByRole("region", { name: "History" });

/** The client's page with a first snapshot from ChakraHQ, as an admin sees it. */
async function openFetched(page: Page, clientId: string) {
  await page.goto(`/clients/${clientId}`);
  await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
  await expect(page.getByText("Fetched from ChakraHQ just now.")).toBeVisible();
}

/** Types a new pass-through address and reviews it; returns the webhook settings region. */
async function reviewPassThrough(page: Page, url: string) {
  const webhooks = page.getByRole("region", { name: "Webhook settings" });
  await webhooks.getByLabel("Pass-through webhook (Meta's format)").fill(url);
  await webhooks.getByRole("button", { name: "Review changes" }).click();
  await expect(webhooks.getByRole("table", { name: "What changes" })).toContainText(url);
  return webhooks;
}

/** Opens the disconnect dialog of the client's one WABA and types its name. */
async function confirmDisconnect(page: Page, wabaName: string) {
  await page.getByRole("button", { name: `Disconnect ${wabaName}`, exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Disconnect this WhatsApp Business Account?" });
  await dialog.getByLabel(/Type .* to confirm/).fill(wabaName);
  return dialog;
}

/** The client's audit entries for writes to ChakraHQ, oldest first. */
const writeEntries = (clientId: string, prefix: string) =>
  testDb().auditLog.findMany({
    where: { clientId, action: { startsWith: prefix } },
    orderBy: { createdAt: "asc" },
    select: { action: true, metadata: true, actorEmail: true },
  });

test.afterEach(async () => {
  await clearFaults();
});

test.describe("writes to ChakraHQ whose answer is lost", () => {
  test.use({ storageState: signedInState("ADMIN") });

  test("a webhook change ChakraHQ applies but answers too late is reported saved (read back), and the history shows the attempt", async ({
    page,
    context,
  }) => {
    test.setTimeout(120_000);
    const pluginId = await connectedPlugin("Late Answer Optics", uniquePhone());
    const client = await clientFor("Late Answer Optics", pluginId);
    const adminEmail = signedInEmail("ADMIN");
    await openFetched(page, client.id);
    const webhooks = await reviewPassThrough(page, "https://hooks.example.com/late");

    // ChakraHQ applies the change but never answers: the app's timeout has to fire.
    await addFault({ route: "updateConfig", kind: "late_answer", times: 1 });
    await webhooks.getByRole("button", { name: "Apply 1 change" }).click();
    // Nothing can be sent twice while it waits.
    await expect(webhooks.getByRole("button", { disabled: false })).toHaveCount(0);

    // While ChakraHQ keeps the app waiting, the attempt is already on the client's history
    // (the app waits its full timeout, 15 s, before it reads back: time enough to open a page).
    await expect
      .poll(async () => (await writeEntries(client.id, "whatsapp.webhooks")).map((e) => e.action))
      .toEqual(["whatsapp.webhooks_update_attempted"]);
    const other = await context.newPage();
    await other.goto(`/clients/${client.id}`);
    await expect(
      history(other).getByText("Webhook settings change sent to ChakraHQ; no outcome was recorded"),
    ).toBeVisible();

    const said = webhooks.getByText(
      `Saved in ChakraHQ; ChakraHQ's answer was lost (ChakraHQ did not answer within ${TIMEOUT_S} s), so the app read it back: it holds the settings you sent, shown in the form as ChakraHQ now holds them.`,
    );
    await expect(said).toBeVisible(AFTER_TIMEOUT);
    await expect(said).toHaveClass(/text-emerald-700/);
    expect((await fakeConfig(pluginId)).passThroughWebhookUrl).toBe("https://hooks.example.com/late");
    await expect(webhooks.getByLabel("Pass-through webhook (Meta's format)")).toHaveValue(
      "https://hooks.example.com/late",
    );

    // The attempt's one entry now carries its outcome, by whom, and how it was learnt.
    const outcome =
      "Webhook settings changed (ChakraHQ's answer was lost: confirmed by reading the configuration back)";
    await expect(history(page).getByText(outcome)).toBeVisible();
    await other.reload();
    await expect(history(other).getByRole("listitem").filter({ hasText: outcome })).toContainText(adminEmail);
    await expect(history(other).getByText(/no outcome was recorded/)).toHaveCount(0);
    expect(await writeEntries(client.id, "whatsapp.webhooks")).toEqual([
      {
        action: "whatsapp.webhooks_updated",
        actorEmail: adminEmail,
        metadata: expect.objectContaining({
          confirmedBy: "re_read",
          lostAnswer: `ChakraHQ did not answer within ${TIMEOUT_S} s`,
        }),
      },
    ]);
  });

  test("a webhook change ChakraHQ refuses with a 5xx is reported not saved, after reading back", async ({ page }) => {
    const pluginId = await connectedPlugin("Refused Change Deli", uniquePhone());
    const client = await clientFor("Refused Change Deli", pluginId);
    await openFetched(page, client.id);
    const webhooks = await reviewPassThrough(page, "https://hooks.example.com/refused");

    // A 5xx may hide an applied change: the app reads back before saying anything.
    await addFault({ route: "updateConfig", kind: "server_error", times: 1 });
    await webhooks.getByRole("button", { name: "Apply 1 change" }).click();
    const said = webhooks.getByText(
      "Not saved: ChakraHQ did not accept the change: Internal server error. Reading back shows ChakraHQ does not hold them (shown in the form as it holds them now). You can apply them again.",
    );
    await expect(said).toBeVisible();
    await expect(said).toHaveClass(/text-red-700/);
    expect((await fakeConfig(pluginId)).passThroughWebhookUrl).toBe("");
    await expect(
      history(page).getByText(
        "Webhook settings not changed: Internal server error (confirmed by reading the configuration back)",
      ),
    ).toBeVisible();
    // What ChakraHQ holds, on the next visit.
    await page.reload();
    await expect(
      page.getByRole("region", { name: "Webhook settings" }).getByLabel("Pass-through webhook (Meta's format)"),
    ).toHaveValue("");
  });

  test("a disconnect ChakraHQ applies while the fetch after it fails is reported done, with a note that the view is stale", async ({
    page,
  }) => {
    const business = "Stale View Bakery";
    const waba = `${business} WhatsApp Business Account`;
    const pluginId = await connectedPlugin(business, uniquePhone());
    const client = await clientFor(business, pluginId);
    await openFetched(page, client.id);

    // Every read of the configuration fails once ChakraHQ has applied a write.
    await addFault({ route: "getConfig", kind: "server_error", afterWrite: true });
    const dialog = await confirmDisconnect(page, waba);
    await dialog.getByRole("button", { name: "Disconnect account" }).click();
    const said = dialog.getByText(
      "Disconnected. ChakraHQ could not be asked again afterwards (Internal server error): this page still shows the account until the next refresh.",
    );
    await expect(said).toBeVisible();
    await expect(said).toHaveClass(/text-emerald-700/);
    // Pressing again would only fail: the button is off.
    await expect(dialog.getByRole("button", { name: "Disconnect account" })).toBeDisabled();

    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(dialog).toHaveCount(0);
    const whatsapp = page.getByRole("region", { name: "WhatsApp" });
    // As the note says, the page still shows the account; the history says it was disconnected.
    await expect(whatsapp.getByRole("heading", { name: waba })).toBeVisible();
    // The outcome stays said on the page once its dialog is closed.
    await expect(whatsapp.getByRole("status").filter({ hasText: "Disconnected." })).toHaveText(
      "Disconnected. ChakraHQ could not be asked again afterwards (Internal server error): this page still shows the account until the next refresh.",
    );
    await expect(
      history(page).getByText(`WhatsApp Business Account ${waba} disconnected`, { exact: true }),
    ).toBeVisible();

    // ChakraHQ did disconnect it (asked once it can be read again), and the next refresh shows it gone.
    await clearFaults();
    expect((await fakeConfig(pluginId)).whatsappBusinessAccounts).toEqual([]);
    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    await expect(page.getByText("Fetched from ChakraHQ just now.")).toBeVisible();
    await expect(whatsapp.getByText("No WhatsApp Business Account is connected to this plugin.")).toBeVisible();
  });

  test("a disconnect whose answer is lost while ChakraHQ cannot be read back is reported 'could not confirm', never 'failed'", async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const business = "Unconfirmed Florist";
    const waba = `${business} WhatsApp Business Account`;
    const pluginId = await connectedPlugin(business, uniquePhone());
    const client = await clientFor(business, pluginId);
    await openFetched(page, client.id);

    // ChakraHQ disconnects the account but never answers, and then cannot be read.
    await addFault({ route: "disconnectWaba", kind: "late_answer", times: 1 });
    await addFault({ route: "getConfig", kind: "server_error", afterWrite: true });
    const dialog = await confirmDisconnect(page, waba);
    await dialog.getByRole("button", { name: "Disconnect account" }).click();
    await expect(dialog.getByRole("button", { name: "Disconnecting…" })).toBeDisabled();
    const said = dialog.getByText(
      `Could not confirm the disconnect: ChakraHQ did not answer within ${TIMEOUT_S} s, and ChakraHQ could not be asked again (Internal server error). The page shows the last data fetched from ChakraHQ: refresh in a minute before trying again.`,
    );
    await expect(said).toBeVisible(AFTER_TIMEOUT);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(
      history(page).getByText(
        `Disconnect of WhatsApp Business Account ${waba} not confirmed: ChakraHQ did not answer within ${TIMEOUT_S} s, and ChakraHQ could not be asked again (Internal server error)`,
      ),
    ).toBeVisible();

    // The refresh it advises shows what ChakraHQ did.
    await clearFaults();
    await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
    await expect(page.getByText("Fetched from ChakraHQ just now.")).toBeVisible();
    await expect(
      page
        .getByRole("region", { name: "WhatsApp" })
        .getByText("No WhatsApp Business Account is connected to this plugin."),
    ).toBeVisible();
  });
});

test.describe("a new-plugin request whose outcome is unknown", () => {
  let since = new Date();
  test.beforeEach(() => {
    since = new Date();
  });
  // These tests mint as the end client from the tests' one address: the hits they add to its
  // per-address limit are taken back, so repeated runs do not use up other tests' allowance.
  test.afterEach(async () => {
    await testDb().rateLimitHit.deleteMany({
      where: { key: { startsWith: "mint:address:" }, createdAt: { gte: since } },
    });
  });

  /** A client without a plugin, a link an admin created for it, and that admin. */
  async function linkedClient(label: string) {
    const admin = await createMember("ADMIN");
    const client = await clientFor(label, null);
    const { token, tokenHash } = newLinkToken();
    await testDb().onboardingLink.create({
      data: { clientId: client.id, tokenHash, expiresAt: new Date(Date.now() + 86_400_000), createdById: admin.id },
    });
    const agency = (await testDb().agencySettings.findUnique({ where: { id: "agency" } }))?.name ?? "Your agency";
    return { admin, client, url: `/onboard/${token}`, agency };
  }

  const pluginsFor = async (reference: string) =>
    (await fakePlugins()).filter((p) => p.clientReferenceId === reference).map((p) => p.id);
  const mintRequestsSince = async (at: number) =>
    (await fakeRequests()).filter((r) => r.path === TOKEN_PATH && r.at >= at).length;

  /** The end client presses "Connect WhatsApp" and is told the agency has to finish the setup. */
  async function pressAndSeeHeld(page: Page, agency: string, timeout: { timeout?: number } = {}) {
    await page.getByRole("button", { name: "Connect WhatsApp" }).click();
    const held = page.getByRole("status").filter({ hasText: "Your account is not ready yet." });
    await expect(held).toBeVisible(timeout);
    await expect(held).toContainText(
      `${agency} has to finish setting up your account before WhatsApp can be connected. They have been told and will let you know when to try again.`,
    );
    await expect(page.getByText("That did not work.")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Connect WhatsApp|Try again/ })).toHaveCount(0);
  }

  /** The admin's view of the hold, in their own browser. */
  async function adminSeesHold(adminPage: Page, client: { id: string; clientReferenceId: string }) {
    await adminPage.goto(`/clients/${client.id}`);
    const plugin = adminPage.getByRole("region", { name: "ChakraHQ plugin" });
    const notice = plugin
      .getByRole("status")
      .filter({ hasText: "Waiting for you: ChakraHQ may have created a plugin" });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(`ended without a clear outcome (ChakraHQ did not answer within ${TIMEOUT_S} s)`);
    await expect(notice).toContainText(
      `In ChakraHQ's dashboard, look for a WhatsApp plugin with the client reference ${client.clientReferenceId}.`,
    );
    await expect(notice.locator("code")).toHaveText(client.clientReferenceId);
    await expect(
      history(adminPage).getByText(
        `The request to ChakraHQ for a new plugin (reference ${client.clientReferenceId}) ended without a clear outcome: ChakraHQ did not answer within ${TIMEOUT_S} s. New plugins are on hold until the plugin ChakraHQ may have created is mapped or the hold is released`,
      ),
    ).toBeVisible();
    return plugin;
  }

  test("the end client is told the agency has to finish; the admin sees the hold with its reference and releases it; the client connects @phone", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const { admin, client, url, agency } = await linkedClient("Held Noodle Bar");

    // ChakraHQ never answers the new-plugin request (and, here, created nothing).
    await addFault({ route: "createConnectToken", kind: "timeout", times: 1 });
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1, name: client.name })).toBeVisible();
    await pressAndSeeHeld(page, agency, AFTER_TIMEOUT);
    expect(await pluginsFor(client.clientReferenceId)).toEqual([]);

    // Pressing again (after a reload) asks ChakraHQ for nothing.
    const before = Date.now();
    await page.reload();
    await pressAndSeeHeld(page, agency);
    expect(await mintRequestsSince(before)).toBe(0);

    // The admin who sent the link is emailed, once.
    const subject = `${client.name} cannot connect WhatsApp until you check ChakraHQ`;
    await expect.poll(async () => (await emailsTo(admin.email)).filter((e) => e.subject === subject).length).toBe(1);
    const notice = (await emailsTo(admin.email)).find((e) => e.subject === subject)!;
    expect(notice.text).toContain(`client reference ${client.clientReferenceId}`);
    expect(notice.text).toContain(`/clients/${client.id}`);

    const adminContext = await browser.newContext();
    try {
      const adminPage = await adminContext.newPage();
      await signIn(adminPage, admin.email);
      const plugin = await adminSeesHold(adminPage, client);
      await expect(plugin.getByRole("link", { name: "Map the plugin" })).toBeVisible();

      // Releasing needs the admin to say they searched ChakraHQ for the reference.
      await plugin.getByRole("button", { name: "Release the hold" }).click();
      const dialog = adminPage.getByRole("dialog", { name: "Release the hold on new plugins?" });
      await expect(dialog).toContainText(client.clientReferenceId);
      const release = dialog.getByRole("button", { name: "Release the hold" });
      await expect(release).toBeDisabled();
      await dialog
        .getByLabel(`I searched ChakraHQ's dashboard for ${client.clientReferenceId} and found no plugin.`)
        .check();
      await release.click();
      await expect(dialog).toHaveCount(0);
      await expect(
        adminPage.getByText(
          /^Hold released: the next connection asks ChakraHQ for a new plugin\. Tell the client to try again/,
        ),
      ).toBeVisible();
      await expect(plugin.getByText("Waiting for you")).toHaveCount(0);
      await expect(plugin.getByText(/^No plugin yet\./)).toBeVisible();
      await expect(
        history(adminPage)
          .getByRole("listitem")
          .filter({
            hasText: `Hold on new plugins released (reference ${client.clientReferenceId}): the next connection asks ChakraHQ for a new plugin`,
          }),
      ).toContainText(admin.email);

      // The end client starts again: one plugin is created, and the signup goes through.
      await page.reload();
      await page.getByRole("button", { name: "Connect WhatsApp" }).click();
      const frame = page.frameLocator('iframe[title="Connect WhatsApp"]');
      await expect(frame.getByText(`Plugin: ${client.name} WhatsApp.`)).toBeVisible();
      const created = await pluginsFor(client.clientReferenceId);
      expect(created).toHaveLength(1);
      expect((await testDb().client.findUniqueOrThrow({ where: { id: client.id } })).pluginId).toBe(created[0]);
      await frame.getByRole("button", { name: "Connect WhatsApp" }).click();
      await frame.getByRole("button", { name: "Finish signup" }).click();
      await expect(page.getByRole("heading", { name: "WhatsApp is connected" })).toBeVisible({ timeout: 30_000 });
    } finally {
      await adminContext.close();
    }
  });

  test("when ChakraHQ did create the plugin, the admin maps the one found by the reference and the client connects with it", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const { admin, client, url, agency } = await linkedClient("Mapped Tea Room");

    // ChakraHQ creates the plugin, but its answer never reaches the app.
    await addFault({ route: "createConnectToken", kind: "late_answer", times: 1 });
    await page.goto(url);
    await pressAndSeeHeld(page, agency, AFTER_TIMEOUT);
    const found = await pluginsFor(client.clientReferenceId);
    expect(found).toHaveLength(1);

    const adminContext = await browser.newContext();
    try {
      const adminPage = await adminContext.newPage();
      await signIn(adminPage, admin.email);
      const plugin = await adminSeesHold(adminPage, client);
      await plugin.getByRole("link", { name: "Map the plugin" }).click();
      await adminPage.getByLabel("ChakraHQ plugin id (optional)").fill(found[0]!);
      await adminPage.getByRole("button", { name: "Save changes" }).click();
      await expect(adminPage.getByText("Changes saved.")).toBeVisible();
      await expect(plugin.getByText("Waiting for you")).toHaveCount(0);
      await expect(plugin.getByText(found[0]!)).toBeVisible();
      await expect(
        history(adminPage).getByText(
          `Plugin ${found[0]} mapped, lifting the hold on new plugins (reference ${client.clientReferenceId})`,
        ),
      ).toBeVisible();
    } finally {
      await adminContext.close();
    }

    // The end client connects with the plugin ChakraHQ had created: no second one.
    await page.reload();
    await page.getByRole("button", { name: "Connect WhatsApp" }).click();
    const frame = page.frameLocator('iframe[title="Connect WhatsApp"]');
    await expect(frame.getByText(`Plugin: ${client.name} WhatsApp.`)).toBeVisible();
    expect(await pluginsFor(client.clientReferenceId)).toEqual(found);
  });
});

test.describe("plugin ids in a CSV import, checked with ChakraHQ", () => {
  test.use({ storageState: signedInState("ADMIN") });

  const HEADER = "name,contactName,contactEmail,clientReferenceId,pluginId,notes";
  const row = (name: string, ref: string, pluginId: string) => `${name},Ana,${ref}@example.com,${ref},${pluginId},`;
  const newFakePlugin = async (name: string) => (await fakeCall<{ id: string }>("/__fake/plugins", { name })).id;

  test("an unknown plugin id stops the import, named as unknown to ChakraHQ; a known one is imported verified", async ({
    page,
  }) => {
    const known = await newFakePlugin("Import Known Co");
    const unknownId = crypto.randomUUID();
    const [knownRef, unknownRef] = [unique("csv-known"), unique("csv-unknown")];
    const csv = [HEADER, row("Known Plugin Co", knownRef, known), row("Unknown Plugin Co", unknownRef, unknownId)].join(
      "\n",
    );
    await page.goto("/clients/import");
    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "clients.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
    await expect(page.getByLabel("…or paste it here")).toHaveValue(csv);
    await page.getByRole("button", { name: "Check the file" }).click();

    await expect(page.getByRole("heading", { name: "Preview: 1 ready, 1 with errors" })).toBeVisible();
    await expect(
      page.getByText("Fix the rows marked below, then check the file again. Nothing was imported."),
    ).toBeVisible();
    const unknownRow = page.getByRole("row").filter({ hasText: unknownRef });
    await expect(unknownRow).toContainText(
      `Plugin id: ChakraHQ does not know the plugin ${unknownId} (WhatsApp plugin not found).`,
    );
    await expect(unknownRow).not.toContainText("Plugin: ChakraHQ knows it.");
    await expect(unknownRow).not.toContainText("not verified");
    const knownRow = page.getByRole("row").filter({ hasText: knownRef });
    await expect(knownRow).toContainText("OK");
    await expect(knownRow).toContainText("Plugin: ChakraHQ knows it.");
    await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
    expect(await testDb().client.count({ where: { clientReferenceId: { in: [knownRef, unknownRef] } } })).toBe(0);

    // Without the unknown row, the known plugin is imported and saved as checked.
    await page.getByLabel("…or paste it here").fill([HEADER, row("Known Plugin Co", knownRef, known)].join("\n"));
    await page.getByRole("button", { name: "Check the file" }).click();
    await expect(page.getByRole("heading", { name: "Preview: 1 ready, 0 with errors" })).toBeVisible();
    await expect(page.getByText("1 client ready to import. ChakraHQ knows the plugin in the file.")).toBeVisible();
    await page.getByRole("button", { name: "Import 1 client" }).click();
    await expect(page.getByText("Imported 1 client.")).toBeVisible();
    const imported = await testDb().client.findUniqueOrThrow({ where: { clientReferenceId: knownRef } });
    expect(imported.pluginId).toBe(known);
    expect(imported.pluginVerifiedAt).not.toBeNull();
    await page.goto(`/clients/${imported.id}`);
    await expect(page.getByRole("region", { name: "ChakraHQ plugin" }).getByText(/^Yes, on /)).toBeVisible();
  });

  test("when ChakraHQ is down, the preview and the imported clients say the plugins are not verified, and why", async ({
    page,
  }) => {
    const known = await newFakePlugin("Import While Down Co");
    const unknownId = crypto.randomUUID();
    const [knownRef, unknownRef] = [unique("csv-down-a"), unique("csv-down-b")];
    const csv = [HEADER, row("Down Known Co", knownRef, known), row("Down Unknown Co", unknownRef, unknownId)].join(
      "\n",
    );
    await page.goto("/clients/import");
    await addFault({ route: "getConfig", kind: "server_error" });
    await page.getByLabel("…or paste it here").fill(csv);
    await page.getByRole("button", { name: "Check the file" }).click();

    await expect(page.getByRole("heading", { name: "Preview: 2 ready, 0 with errors" })).toBeVisible();
    for (const ref of [knownRef, unknownRef]) {
      const line = page.getByRole("row").filter({ hasText: ref });
      await expect(line).toContainText(
        "Plugin not verified: ChakraHQ could not be asked (Internal server error). It is saved marked “not verified”.",
      );
      await expect(line).not.toContainText("ChakraHQ knows it");
      await expect(line).not.toContainText("does not know");
    }
    await expect(
      page.getByText(
        '2 clients ready to import. ChakraHQ could not be asked about the 2 plugins in the file: they are saved marked "not verified" (see the rows below).',
      ),
    ).toBeVisible();

    await page.getByRole("button", { name: "Import 2 clients" }).click();
    await expect(page.getByText("Imported 2 clients.")).toBeVisible();
    const imported = await testDb().client.findMany({
      where: { clientReferenceId: { in: [knownRef, unknownRef] } },
      orderBy: { clientReferenceId: "asc" },
    });
    expect(imported.map((c) => [c.pluginId, c.pluginVerifiedAt])).toEqual([
      [known, null],
      [unknownId, null],
    ]);
    await page.goto(`/clients/${imported[0]!.id}`);
    await expect(
      page
        .getByRole("region", { name: "ChakraHQ plugin" })
        .getByText("Not verified: ChakraHQ could not be asked when it was saved"),
    ).toBeVisible();
  });
});
