import { expect, test } from "../support/e2e-test";
import { openDashboard, signedInState, testDb } from "../support/e2e";
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

test.describe(() => {
  test.use({ storageState: signedInState("VIEWER") });

  test("a member sees ChakraHQ and the database answering, on the dashboard and the home page @phone", async ({
    page,
  }) => {
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

  test("the first Tab offers to skip the navigation, and Enter lands on the page @phone", async ({ page }) => {
    // A client to link to: on an empty list the page has nothing to Tab to (the dashboard's
    // tests in this file delete every client).
    await testDb().client.upsert({
      where: { clientReferenceId: "tab-stop-co" },
      create: {
        name: "Tab Stop Co",
        contactName: "Tia",
        contactEmail: "tia@tab.example",
        clientReferenceId: "tab-stop-co",
        searchText: "tab stop co",
      },
      update: { archived: false },
    });
    await page.goto("/clients");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Skip to the page" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("main")).toBeFocused();
    await page.keyboard.press("Tab");
    // The next stop is on the page, not in the header's navigation.
    expect(await page.evaluate(() => document.activeElement?.closest("main") !== null)).toBe(true);
  });
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

// ---------------------------------------------------------------- the dashboard: what needs you, the funnel, first run

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test.describe("the dashboard", () => {
  // These tests start from an agency without clients or settings, and leave the default branding behind.
  test.beforeEach(async () => {
    await testDb().client.deleteMany();
    await testDb().agencySettings.deleteMany();
  });
  test.afterAll(async () => {
    await testDb().agencySettings.deleteMany();
  });

  test.describe(() => {
    test.use({ storageState: signedInState("OWNER") });

    test("a new agency sees three first steps, checked off as it does them @phone", async ({ page }) => {
      await openDashboard(page);
      const steps = page.getByRole("region", { name: "Get started" });
      await expect(steps.getByText("0 of 3 done.")).toBeVisible();
      await expect(page.getByRole("region", { name: "Needs you now" }).getByText("Nothing needs you")).toBeVisible();
      await expect(page.getByText("No onboarding links were created in the last 30 days.")).toBeVisible();

      await steps.getByRole("link", { name: "Open Settings" }).click();
      await page.getByLabel("Agency name").fill("Home Test Agency");
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText(/saved/i).first()).toBeVisible();
      await page.goto("/dashboard");
      await expect(steps.getByText("1 of 3 done.")).toBeVisible();
      await expect(steps.getByText("Set your agency's name and brand (done)")).toBeAttached();

      await steps.getByRole("link", { name: "Add a client" }).click();
      const name = `First Client ${Date.now()}`;
      await page.getByLabel("Business name").fill(name);
      await page.getByLabel("Contact name").fill("Ana");
      await page.getByLabel("Contact email").fill("ana@first.example");
      await page.getByRole("button", { name: "Create client" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
      await page.goto("/dashboard");
      await expect(steps.getByText("2 of 3 done.")).toBeVisible();

      // The client is also "never invited": its action leads to the links section, where the link is made.
      const row = page.locator("[data-need=never_invited]").filter({ hasText: name });
      await expect(row).toBeVisible();
      await row.getByRole("link", { name: `Send a link: ${name}` }).click();
      await expect(page).toHaveURL(/\/clients\/[^/]+#links$/);
      await page.getByRole("button", { name: "Create link only" }).click();
      await expect(page.getByText(/onboard\//).first()).toBeVisible();

      await page.goto("/dashboard");
      await expect(page.getByRole("region", { name: "Get started" })).toHaveCount(0);
      await expect(page.locator("[data-need]").filter({ hasText: name })).toHaveCount(0);
      await expect(page.getByRole("region", { name: "Needs you now" }).getByText("Nothing needs you")).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });

    test("Settings previews the logo as clients will see it, and says when its address gives no image", async ({
      page,
    }) => {
      // A 1×1 PNG at one address and nothing at the other (the browser is offline otherwise).
      const png = Buffer.from(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
        "base64",
      );
      await page.route("https://logo.example/**", (route) =>
        route.request().url().endsWith("/ok.png")
          ? route.fulfill({ contentType: "image/png", body: png })
          : route.fulfill({ status: 404, body: "" }),
      );
      await page.goto("/settings");
      const preview = page.locator("img[src^='https://logo.example/']");
      const warning = page.getByText("The logo did not load from this address");
      const field = page.getByLabel("Logo address (optional)");

      await field.fill("https://logo.example/missing.png");
      await expect(preview).toHaveCount(0); // not at every keystroke: once the field is left
      await field.press("Tab");
      await expect(warning).toBeVisible();
      await expect(preview).toHaveCount(0);

      await field.fill("https://logo.example/ok.png");
      await field.press("Tab");
      await expect(preview).toBeVisible();
      await expect(warning).toHaveCount(0);
    });

    test("Settings says which of its forms holds an unsaved change", async ({ page }) => {
      await page.goto("/settings");
      const forms = page.locator("form");
      const branding = forms.filter({ has: page.getByLabel("Agency name") });
      const reminders = forms.filter({ has: page.getByRole("button", { name: "Save reminders" }) });
      const name = page.getByLabel("Agency name");
      await name.fill("Unsaved Test Agency");
      await expect(branding.getByText("Unsaved changes.")).toBeVisible();
      await expect(reminders.getByText("Unsaved changes.")).toHaveCount(0);
      // Another form's Save does not save it, and the page keeps saying so.
      await reminders.getByRole("button", { name: "Save reminders" }).click();
      await expect(reminders.getByText(/^Saved/)).toBeVisible();
      await expect(branding.getByText("Unsaved changes.")).toBeVisible();
      // Typed back to what is saved: nothing is unsaved.
      await name.fill("Your agency");
      await expect(branding.getByText("Unsaved changes.")).toHaveCount(0);
      await name.fill("Unsaved Test Agency");
      await branding.getByRole("button", { name: "Save", exact: true }).click();
      await expect(branding.getByText(/^Saved/)).toBeVisible();
      await expect(branding.getByText("Unsaved changes.")).toHaveCount(0);
      await page.getByRole("checkbox", { name: /not opened their link/ }).click();
      await expect(reminders.getByText("Unsaved changes.")).toBeVisible();
    });
  });

  test.describe(() => {
    test.use({ storageState: signedInState("ADMIN") });

    test("each kind of thing that needs the agency appears when it happens and leaves when it is resolved", async ({
      page,
    }) => {
      const db = testDb();
      const now = Date.now();
      let n = 0;
      const client = (name: string, data: Record<string, unknown> = {}) => {
        const ref = `needs-${now}-${n++}`;
        return db.client.create({
          data: { name, contactName: "Ana", contactEmail: `${ref}@example.com`, clientReferenceId: ref, ...data },
        });
      };
      const link = (clientId: string, data: Record<string, unknown> = {}) =>
        db.onboardingLink.create({
          data: { clientId, tokenHash: `needs-${now}-${n++}`, expiresAt: new Date(now + 7 * DAY), ...data },
        });
      const snapshot = (clientId: string, raw: object, phone: Record<string, unknown>, rejectedReviewCount = 0) =>
        db.pluginConfigSnapshot.create({
          data: {
            clientId,
            pluginId: `plugin-${clientId}`,
            raw,
            wabaCount: 1,
            phoneCount: 1,
            connectedPhoneCount: 0,
            needsAttention: true,
            rejectedReviewCount,
            isLatest: true,
            phoneNumbers: { create: [{ phoneNumberId: `p-${n++}`, displayPhoneNumber: "+1 555 0100", ...phone }] },
          },
          include: { phoneNumbers: true },
        });

      // One client per kind, each with the condition that puts it on the list.
      const down = await client("Number Down Co");
      await link(down.id, { usedAt: new Date(now - DAY) });
      const downSnapshot = await snapshot(down.id, {}, { status: "FLAGGED" });
      const rejected = await client("Rejected Review Co");
      await link(rejected.id, { usedAt: new Date(now - DAY) });
      const rejectedSnapshot = await snapshot(
        rejected.id,
        { whatsappBusinessAccounts: [{ id: "w", name: "Rejected WABA", account_review_status: "REJECTED" }] },
        { status: "CONNECTED" },
        1,
      );
      const declined = await client("Declined Name Co");
      await link(declined.id, { usedAt: new Date(now - DAY) });
      const declinedSnapshot = await snapshot(declined.id, {}, { status: "CONNECTED", nameStatus: "DECLINED" });
      const failed = await client("Failed Signup Co");
      const failedLink = await link(failed.id, {
        events: { create: [{ type: "FAILED", detail: "Meta said no", createdAt: new Date(now - HOUR) }] },
      });
      const stalled = await client("Stalled Link Co");
      const stalledLink = await link(stalled.id, {
        events: { create: [{ type: "OPENED", createdAt: new Date(now - 3 * DAY) }] },
      });
      const expiring = await client("Expiring Link Co");
      const expiringLink = await link(expiring.id, { expiresAt: new Date(now + 20 * HOUR) });
      const expired = await client("Expired Link Co");
      const expiredLink = await link(expired.id, {
        createdAt: new Date(now - 10 * DAY),
        expiresAt: new Date(now - 3 * DAY),
      });
      // Disconnected from this app by the team: no alert, but its stage needs the agency.
      const disconnected = await client("Disconnected Co", { onboardingStatus: "ATTENTION" });
      await link(disconnected.id, { createdAt: new Date(now - 2 * DAY), usedAt: new Date(now - 2 * DAY) });
      await db.auditLog.create({
        data: {
          action: "whatsapp.waba_disconnected",
          actorEmail: "someone@agency.example",
          targetType: "client",
          targetId: disconnected.id,
          clientId: disconnected.id,
          metadata: { wabaId: "1", name: "Disconnected WABA" },
          createdAt: new Date(now - DAY),
        },
      });
      const held = await client("Held Plugin Co", {
        pluginHoldAt: new Date(now - HOUR),
        pluginHoldReference: "held-ref",
      });
      await link(held.id);
      const never = await client("Never Invited Co");
      // ChakraHQ does not know this plugin: a refresh from the client's page finds out.
      const missing = await client("Missing Plugin Co", { pluginId: `e2e-unknown-plugin-${now}` });
      await link(missing.id, { usedAt: new Date(now - DAY) });

      await page.goto(`/clients/${missing.id}`);
      await page.getByRole("button", { name: "Refresh from ChakraHQ" }).click();
      await expect(page.getByText(/WhatsApp plugin not found/).first()).toBeVisible();

      const expected = [
        ["number_down", down.name, "Number down", "Check the number", `/clients/${down.id}#whatsapp`],
        ["plugin_missing", missing.name, "Plugin unknown", "Map the right plugin", `/clients/${missing.id}/edit`],
        ["signup_failed", failed.name, "Signup failed", "Send a new link", `/clients/${failed.id}#links`],
        ["plugin_hold", held.name, "Plugin on hold", "Settle the plugin", `/clients/${held.id}#plugin`],
        ["review_rejected", rejected.name, "Review rejected", "See the account", `/clients/${rejected.id}#whatsapp`],
        ["name_declined", declined.name, "Name declined", "See the number", `/clients/${declined.id}#whatsapp`],
        ["link_expiring", expiring.name, "Link expiring", "Send a new link", `/clients/${expiring.id}#links`],
        ["link_expired", expired.name, "Link expired", "Send a new link", `/clients/${expired.id}#links`],
        [
          "disconnected",
          disconnected.name,
          "Disconnected",
          "Send a reconnect link",
          `/clients/${disconnected.id}#links`,
        ],
        ["link_stalled", stalled.name, "Not finished", "Send a reminder", `/clients/${stalled.id}#links`],
        ["never_invited", never.name, "Not invited", "Send a link", `/clients/${never.id}#links`],
      ] as const;
      await page.goto("/dashboard");
      const needs = page.getByRole("region", { name: "Needs you now" });
      // Most urgent first, each with its client, what happened, since when, and its action.
      await expect(needs.locator("[data-need]")).toHaveCount(expected.length);
      for (const [i, [kind, name, label, action, href]] of expected.entries()) {
        const row = needs.locator("[data-need]").nth(i);
        await expect(row).toHaveAttribute("data-need", kind);
        await expect(row).toContainText(name);
        await expect(row).toContainText(label);
        await expect(row.locator("time")).toHaveText(/^(for|reported|expires in|just now)/);
        await expect(row.getByRole("link", { name: `${action}: ${name}` })).toHaveAttribute("href", href);
      }
      await expect(needs.locator("[data-need=signup_failed]")).toContainText(
        "The WhatsApp signup failed: Meta said no",
      );
      await expect(needs.locator("[data-need=link_expiring] time")).toHaveText(/^expires in (19|20) hours$/);
      await expect(needs.locator("[data-need=link_stalled] time")).toHaveText("for 3 days");
      await expect(needs.locator("[data-need=link_expired] time")).toHaveText("for 3 days");

      // Resolved, each the way the agency would: the row leaves.
      await db.snapshotPhoneNumber.updateMany({
        where: { snapshotId: downSnapshot.id },
        data: { status: "CONNECTED" },
      });
      await db.client.update({ where: { id: missing.id }, data: { pluginMissingAt: null } });
      await db.onboardingLinkEvent.create({ data: { linkId: failedLink.id, type: "STARTED" } });
      await db.client.update({ where: { id: held.id }, data: { pluginHoldAt: null } });
      await db.pluginConfigSnapshot.update({ where: { id: rejectedSnapshot.id }, data: { rejectedReviewCount: 0 } });
      await db.snapshotPhoneNumber.updateMany({
        where: { snapshotId: declinedSnapshot.id },
        data: { nameStatus: "APPROVED" },
      });
      await db.onboardingLink.update({ where: { id: expiringLink.id }, data: { usedAt: new Date() } });
      await db.onboardingLink.update({ where: { id: stalledLink.id }, data: { revokedAt: new Date() } });
      await db.onboardingLink.update({ where: { id: expiredLink.id }, data: { revokedAt: new Date() } });
      await link(never.id);
      await link(disconnected.id); // the reconnect link
      await page.reload();
      await expect(needs.getByText("Nothing needs you")).toBeVisible();
      await expect(needs.locator("[data-need]")).toHaveCount(0);
      // What happened is on the activity list.
      const activity = page.getByRole("region", { name: "Recent activity" });
      await expect(activity.getByText(/Signup failed: Meta said no/)).toBeVisible();
      // This test's own plugin: other files' unknown plugins stay in the activity after their clients go.
      await expect(
        activity.getByText(`Missing Plugin Co: ChakraHQ does not know plugin ${missing.pluginId}`),
      ).toBeVisible();
    });
  });

  test.describe(() => {
    test.use({ storageState: signedInState("VIEWER") });

    test("the funnel of a known set of links, for dates chosen on the page", async ({ page }) => {
      const db = testDb();
      const from = Date.parse("2001-02-01T00:00:00Z");
      const at = (day: number, hours = 0) => new Date(from + day * DAY + hours * HOUR);
      const client = await db.client.create({
        data: {
          name: "Funnel Co",
          contactName: "Ana",
          contactEmail: "f@example.com",
          clientReferenceId: `f-${Date.now()}`,
        },
      });
      let n = 0;
      const link = (createdAt: Date, usedAt: Date | null, types: ("SENT" | "OPENED" | "STARTED" | "CONNECTED")[]) =>
        db.onboardingLink.create({
          data: {
            clientId: client.id,
            tokenHash: `funnel-${Date.now()}-${n++}`,
            createdAt,
            expiresAt: new Date(createdAt.getTime() + 7 * DAY),
            usedAt,
            events: {
              create: types.map((type, i) => ({ type, createdAt: new Date(createdAt.getTime() + i * 60_000) })),
            },
          },
        });
      await link(at(0), null, ["SENT"]);
      await link(at(1), null, ["SENT", "OPENED"]);
      await link(at(2), null, ["SENT", "OPENED", "STARTED"]);
      await link(at(3), at(3, 2), ["SENT", "OPENED", "STARTED", "CONNECTED"]);
      await link(at(10), at(10, 4), ["SENT", "OPENED", "STARTED", "CONNECTED"]);
      await link(at(40), null, ["SENT"]); // after the period

      await openDashboard(page);
      const funnel = page.getByRole("region", { name: "Onboarding funnel" });
      await funnel.getByText("Choose dates").click();
      await funnel.getByLabel("From").fill("2001-02-01");
      await funnel.getByLabel("To").fill("2001-02-28");
      await funnel.getByRole("button", { name: "Show" }).click();
      await expect(page).toHaveURL(/from=2001-02-01&to=2001-02-28/);
      await expect(
        funnel.getByText("Links created from 1 Feb 2001 to 28 Feb 2001, and how far they got."),
      ).toBeVisible();
      const figures = async (step: string) =>
        funnel.locator(`[data-step=${step}]`).locator("[data-figure]").allTextContents();
      expect(await figures("sent")).toEqual(["5"]);
      expect(await figures("opened")).toEqual(["4", "80%", "80%"]);
      expect(await figures("started")).toEqual(["3", "60%", "75%"]);
      expect(await figures("connected")).toEqual(["2", "40%", "67%"]);
      await expect(funnel.locator("[data-figure=median]")).toHaveText("Median time from sent to connected: 3 hours.");
      await expect(funnel.getByText("2 connections in 4 weeks; the most (1) in the 7 days from 1 Feb.")).toBeVisible();
      await funnel.getByText("Show the figures").click();
      const rows = funnel.getByRole("table", { name: "Connections per week" }).getByRole("row");
      await expect(rows).toHaveText(
        ["Week Connections", "1 Feb to 7 Feb 1", "8 Feb to 14 Feb 1", "15 Feb to 21 Feb 0", "22 Feb to 28 Feb 0"].map(
          (t) => new RegExp(t.split(" ").join("\\s*")),
        ),
      );

      // A preset is a link; a range that cannot be shown says why.
      await funnel.getByRole("link", { name: "7 days" }).click();
      await expect(funnel.getByText("Links created in the last 7 days, and how far they got.")).toBeVisible();
      await page.goto("/dashboard?from=2001-03-01&to=2001-02-01");
      await expect(funnel.getByRole("alert")).toHaveText(
        "The start of the period is after its end. Showing the last 30 days.",
      );
    });
  });

  test.describe(() => {
    test.use({ storageState: signedInState("OWNER") });

    test("on a phone the navigation is one row, behind a Menu button @phone", async ({ page }) => {
      await openDashboard(page);
      const header = page.getByRole("banner");
      const box = await header.boundingBox();
      const width = page.viewportSize()!.width;
      if (width < 640) {
        expect(box!.height).toBeLessThan(70);
        await expect(page.getByRole("link", { name: "Clients" })).toBeHidden();
        // Escape closes it, focus back on its button.
        await page.getByText("Menu").click();
        await expect(page.getByRole("link", { name: "Clients" })).toBeVisible();
        await page.keyboard.press("Escape");
        await expect(page.getByRole("link", { name: "Clients" })).toBeHidden();
        await expect(page.locator("summary", { hasText: "Menu" })).toBeFocused();
        await page.getByText("Menu").click();
        await page.getByRole("link", { name: "Clients" }).click();
        await expect(page.getByRole("heading", { level: 1, name: "Clients" })).toBeVisible();
        // The menu closed on the way.
        await expect(page.getByRole("link", { name: "Team" })).toBeHidden();
      } else {
        await expect(page.getByRole("link", { name: "Clients" })).toBeVisible();
        await expect(page.getByText("Menu")).toBeHidden();
      }
    });
  });
});
