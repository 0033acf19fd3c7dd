import { readFileSync } from "node:fs";
import { expect, test } from "../support/e2e-test";
import { openDashboard, signedInState, testDb } from "../support/e2e";

const UNKNOWN_PLUGIN = "00000000-0000-4000-8000-000000000000";
const DEMO_PLUGIN = "3f0c9a52-7b1e-4c2a-9d4e-5b8a1c2d3e4f"; // the fake's plugin with nothing connected

test.describe.configure({ mode: "serial" });
test.use({ storageState: signedInState("ADMIN") });

test.beforeAll(async () => {
  await testDb().client.deleteMany();
});

test("an admin creates a client, maps an existing plugin, finds it and exports it", async ({ page }) => {
  await openDashboard(page);

  await page.getByRole("link", { name: "Clients" }).click();
  await expect(page.getByRole("heading", { name: "No clients yet" })).toBeVisible();
  await page.getByRole("link", { name: "Add your first client" }).click();

  const name = `Zoë's "Bakery" <b>🚀</b>`;
  await page.getByLabel("Business name").fill(name);
  await expect(page.getByLabel("Reference")).toHaveValue("zoe-s-bakery-b-b");
  await page.getByLabel("Contact name").fill("Zoë Lima");
  await page.getByLabel("Contact email").fill("zoe@bakery.example");
  await page.getByRole("button", { name: "Create client" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("Client created.")).toBeVisible();
  await expect(page.getByText("Not invited")).toBeVisible();
  await expect(page.getByText(/No plugin yet/)).toBeVisible();

  // A plugin ChakraHQ does not know: refused, nothing typed is lost.
  await page.getByRole("link", { name: "Edit" }).click();
  await page.getByLabel("ChakraHQ plugin id (optional)").fill(UNKNOWN_PLUGIN);
  await page.getByLabel("Notes (optional)").fill("Prefers calls after 2pm");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("ChakraHQ does not know this plugin: WhatsApp plugin not found").first()).toBeVisible();
  await expect(page.getByLabel("Notes (optional)")).toHaveValue("Prefers calls after 2pm");
  // Focus on the field refused, not lost to the page: the keyboard carries on from there.
  await expect(page.getByLabel("ChakraHQ plugin id (optional)")).toBeFocused();
  expect(
    (await testDb().client.findFirstOrThrow({ where: { contactEmail: "zoe@bakery.example" } })).pluginId,
  ).toBeNull();

  // A plugin it knows: saved, verified, in the history.
  await page.getByLabel("ChakraHQ plugin id (optional)").fill(DEMO_PLUGIN);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  await expect(page.getByText(DEMO_PLUGIN).first()).toBeVisible();
  await expect(page.getByText(/^Yes, on /)).toBeVisible();
  await expect(page.getByRole("region", { name: "History" }).getByText(`Plugin ${DEMO_PLUGIN} mapped`)).toBeVisible();
  // Said once: the address forgets it, so a later refresh of the page (an action's) does not repeat it.
  await expect(page).not.toHaveURL(/saved=/);
  await page.reload();
  await expect(page.getByText(DEMO_PLUGIN).first()).toBeVisible();
  await expect(page.getByText("Changes saved.")).toHaveCount(0);

  // Search, with the view in the address.
  await page.goto("/clients");
  await page.getByRole("searchbox", { name: "Search clients" }).fill("bakery");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/\/clients\?q=bakery/);
  await expect(page.getByRole("link", { name })).toBeVisible();
  await page.getByRole("searchbox", { name: "Search clients" }).fill("no such client anywhere");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No client matches.")).toBeVisible();
  // Nothing to export.
  await expect(page.getByRole("link", { name: "Export this view as CSV" })).toHaveCount(0);

  // Export the "not invited" view.
  await page.goto("/clients?status=NOT_INVITED");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export this view as CSV" }).click();
  const csv = readFileSync((await (await download).path())!, "utf8");
  expect(csv).toContain('"Zoë\'s ""Bakery"" <b>🚀</b>"');
  expect(csv).toContain(DEMO_PLUGIN);
  expect(csv).toContain("NOT_INVITED");
});

test("a CSV import shows the bad row first and imports everything once it is fixed", async ({ page }) => {
  await page.goto("/clients/import");

  const header = "name,contactName,contactEmail,clientReferenceId,pluginId,notes";
  const unknownPlugin = "00000000-0000-4000-8000-0000000000ee"; // a plugin the fake ChakraHQ does not know
  const bad = [
    header,
    "North Cafe,Nia,nia@north.example,north-cafe,,",
    `South Deli,Sam,not-an-email,south-deli,${unknownPlugin},`,
  ].join("\n");
  await page.getByLabel("…or paste it here").fill(bad);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Preview: 1 ready, 1 with errors" })).toBeVisible();
  const badRow = page.getByRole("row").filter({ hasText: "South Deli" });
  await expect(badRow).toContainText("Contact email: Enter a valid email address");
  await expect(badRow).toContainText(`Plugin id: ChakraHQ does not know the plugin ${unknownPlugin}`);
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  expect(await testDb().client.count({ where: { clientReferenceId: { in: ["north-cafe", "south-deli"] } } })).toBe(0);

  await page
    .getByLabel("…or paste it here")
    .fill(bad.replace("not-an-email", "sam@south.example").replace(unknownPlugin, ""));
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Preview: 2 ready, 0 with errors" })).toBeVisible();
  await page.getByRole("button", { name: "Import 2 clients" }).click();
  await expect(page.getByText("Imported 2 clients.")).toBeVisible();
  // Done with: no form to check the same text again.
  await expect(page.getByLabel("…or paste it here")).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Email each of them a link" })).toHaveAttribute(
    "href",
    "/clients?status=NOT_INVITED",
  );

  // Another file, from the start: the form is empty again, and says which file it read.
  await page.getByRole("button", { name: "Import another file" }).click();
  await expect(page.getByText("Imported 2 clients.")).toHaveCount(0);
  await expect(page.getByLabel("…or paste it here")).toHaveValue("");
  await page.getByLabel("CSV file").setInputFiles({
    name: "more-clients.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(`${header}\nWest Wines,Wes,wes@west.example,west-wines,,`),
  });
  await expect(page.getByLabel("…or paste it here")).toHaveValue(/West Wines/);
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "Preview: 1 ready, 0 with errors" })).toBeVisible();
  // The file field is emptied by the check; the page still says where the text came from.
  await expect(page.getByText("Read from more-clients.csv: its text is in the box below.")).toBeVisible();
  await page.goto("/clients");
  await expect(page.getByRole("link", { name: "North Cafe" })).toBeVisible();
  await expect(page.getByRole("link", { name: "South Deli" })).toBeVisible();

  // Each client never sent a link gets one by email, after a confirmation.
  const waiting = await testDb().client.count({
    where: {
      archived: false,
      onboardingStatus: "NOT_INVITED",
      onboardingLinks: { none: {} },
      // A plugin with an account: the admin chooses that client's link.
      NOT: { snapshots: { some: { isLatest: true, wabaCount: { gt: 0 } } } },
    },
  });
  await page.goto("/clients?status=NOT_INVITED");
  await page.getByRole("button", { name: `Email a link to each (${waiting})` }).click();
  const dialog = page.getByRole("dialog", { name: /^Email an onboarding link to \d+ clients?\?$/ });
  await dialog.getByLabel("The links work for").selectOption({ label: "14 days" });
  await dialog.getByRole("button", { name: "Email the links" }).click();
  await expect(
    page.getByText(/^Links emailed to \d+ clients?: each delivery shows in the client's links\./),
  ).toBeVisible();
  for (const reference of ["north-cafe", "south-deli"]) {
    const link = await testDb().onboardingLink.findFirstOrThrow({
      where: { client: { clientReferenceId: reference } },
      include: { events: true },
    });
    expect(link.events.map((e) => e.type)).toContain("SENT");
    expect(link.expiresAt.getTime() - Date.now()).toBeGreaterThan(13 * 86_400_000);
  }
});

test("a CSV import says why an empty file or an image cannot be checked", async ({ page }) => {
  await page.goto("/clients/import");
  const file = page.getByLabel("CSV file");
  await file.setInputFiles({ name: "empty.csv", mimeType: "text/csv", buffer: Buffer.alloc(0) });
  await expect(page.getByText("empty.csv is empty: choose the CSV file with your clients.")).toBeVisible();
  const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
  await file.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
  await page.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByText("The file cannot be imported as it is: see below. Nothing was imported.")).toBeVisible();
  await expect(page.getByText(/^This is not a CSV file: it holds binary data/)).toBeVisible();
  await expect(page.getByText(/has no "name" column/)).toHaveCount(0);
});

test.describe(() => {
  test.use({ storageState: signedInState("VIEWER") });

  test("a viewer sees clients but no edit controls @phone", async ({ page }) => {
    await testDb().client.upsert({
      where: { clientReferenceId: "north-cafe" },
      create: {
        name: "North Cafe",
        contactName: "Nia",
        contactEmail: "nia@north.example",
        clientReferenceId: "north-cafe",
        searchText: "north cafe",
      },
      update: {},
    });
    await page.goto("/clients");
    await expect(page.getByRole("link", { name: "North Cafe" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New client" })).toHaveCount(0);
    await page.getByRole("link", { name: "North Cafe" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "North Cafe" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Edit" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Archive" })).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const refused = await page.goto("/clients/new");
    expect(refused?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    // Inside the signed-in frame: its navigation, and one main landmark, not two.
    await expect(page.getByRole("main")).toHaveCount(1);
    const missing = await page.goto("/clients/no-such-client");
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByRole("main")).toHaveCount(1);
    await expect(page.getByRole("link", { name: "Go to the clients" })).toBeVisible();
  });
});

test("the stage counts follow the search, on the clients list and the overview", async ({ page }) => {
  const clients = [
    { name: "Harbour Tiles", reference: "harbour-tiles", status: "NOT_INVITED" },
    { name: "Harbour Nets", reference: "harbour-nets", status: "INVITED" },
    { name: "Meadow Honey", reference: "meadow-honey", status: "CONNECTED" },
  ] as const;
  for (const c of clients) {
    await testDb().client.create({
      data: {
        name: c.name,
        contactName: "Sam",
        contactEmail: `${c.reference}@example.com`,
        clientReferenceId: c.reference,
        onboardingStatus: c.status,
        searchText: `${c.name} sam ${c.reference}@example.com ${c.reference}`.toLowerCase(),
      },
    });
  }

  const pill = (label: string) =>
    page.getByRole("navigation", { name: "Filter by status" }).getByRole("link", { name: new RegExp(`^${label}`) });
  await page.goto("/clients");
  await expect(pill("Connected")).toHaveText(/Connected\s*1$/);
  await page.getByRole("searchbox", { name: "Search clients" }).fill("harbour");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("2 clients match.")).toBeVisible();
  await expect(pill("Not invited")).toHaveText(/Not invited\s*1$/);
  await expect(pill("Invited")).toHaveText(/Invited\s*1$/);
  await expect(pill("Connected")).toHaveText(/Connected\s*0$/);
  // A stage chosen keeps the search, and the counts stay the search's.
  await pill("Invited").click();
  await expect(page).toHaveURL(/q=harbour/);
  await expect(page.getByRole("link", { name: "Harbour Nets" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Harbour Tiles" })).toHaveCount(0);
  await expect(pill("Not invited")).toHaveText(/Not invited\s*1$/);

  const stages = page.getByRole("region", { name: "Clients by stage" });
  await page.goto("/overview");
  await expect(stages.getByRole("link", { name: /Connected/ })).toHaveText(/1$/);
  await page.getByRole("searchbox", { name: "Search numbers" }).fill("harbour");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(stages.getByText("Clients matching “harbour”.")).toBeVisible();
  await expect(stages.getByRole("link", { name: /Connected/ })).toHaveText(/0$/);
  await expect(stages.getByRole("link", { name: /Not invited/ })).toHaveText(/1$/);
  await stages.getByRole("link", { name: /Not invited/ }).click();
  await expect(page).toHaveURL(/\/clients\?q=harbour&status=NOT_INVITED/);
  await expect(page.getByRole("link", { name: "Harbour Tiles" })).toBeVisible();
});
