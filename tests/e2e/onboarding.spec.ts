import type { Request } from "@playwright/test";
import { expect, test } from "../support/e2e-test";
import { hashToken } from "../../lib/links/token";
import {
  createMember,
  E2E_FAKE_URL,
  FAKE_CHAKRA_TOKEN,
  signIn,
  testDb,
  uniqueEmail,
  waitForEmail,
} from "../support/e2e";
import { signUpThroughFakeSdk } from "../support/e2e-fake";

/* The end client's journey: an admin sends a link by email, the client connects through the fake SDK. */

async function newClient(label: string) {
  const ref = `${label}-${Date.now().toString(36)}`;
  return testDb().client.create({
    data: {
      name: `${label} Ltd`,
      contactName: "Casey",
      contactEmail: uniqueEmail(label),
      clientReferenceId: ref,
      searchText: ref,
    },
  });
}

/** A link made directly in the database, for tests that start on the client's side. */
async function linkFor(clientId: string, { expiresInMs = 86_400_000, revoked = false } = {}) {
  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  const link = await testDb().onboardingLink.create({
    data: {
      clientId,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + expiresInMs),
      revokedAt: revoked ? new Date() : null,
    },
  });
  return { token, link, url: `/onboard/${token}` };
}

/** A plugin of the fake's that belongs to some other client. */
async function otherPlugin(): Promise<string> {
  const response = await fetch(`${E2E_FAKE_URL}/__fake/plugins`, {
    method: "POST",
    headers: { Authorization: `Bearer ${FAKE_CHAKRA_TOKEN}` },
    body: JSON.stringify({ name: "Other Co" }),
  });
  return ((await response.json()) as { _data: { id: string } })._data.id;
}

/** Changes what the fake ChakraHQ's SDK reports (fake-chakra/server.ts, FakeSdkBehaviour); DELETE: its default. */
async function fakeSdk(method: "POST" | "DELETE", behaviour?: Record<string, unknown>) {
  const response = await fetch(`${E2E_FAKE_URL}/__fake/sdk`, {
    method,
    headers: { Authorization: `Bearer ${FAKE_CHAKRA_TOKEN}` },
    body: behaviour ? JSON.stringify(behaviour) : undefined,
  });
  expect(response.status).toBe(200);
}

const linkIn = (text: string) => text.match(/https?:\/\/\S+\/onboard\/[A-Za-z0-9_-]+/)?.[0] ?? "";

test("the whole journey: link by email, signup through the SDK, the admin sees the number @phone", async ({
  browser,
}) => {
  const admin = await createMember("ADMIN");
  const client = await newClient("journey");

  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email);
  await adminPage.goto(`/clients/${client.id}`);
  await adminPage.getByRole("button", { name: "Create and email link" }).click();
  await expect(
    adminPage.getByText(
      `Link created; the email to ${client.contactEmail} is queued (its delivery shows in the link's history).`,
    ),
  ).toBeVisible();
  await expect(adminPage.getByText("Invited", { exact: true })).toBeVisible();

  const email = await waitForEmail(client.contactEmail);
  expect(email.subject).toBe(`Connect ${client.name} to WhatsApp with Your agency`);
  expect(email.text).toContain("about five minutes");
  expect(email.text).toContain("phone number for WhatsApp that can receive a code");
  expect(email.html).toContain("Start connecting WhatsApp");
  const url = linkIn(email.text);
  expect(url).not.toBe("");

  // The end client, in a browser of their own.
  const clientContext = await browser.newContext();
  const page = await clientContext.newPage();
  await page.goto(url);
  await expect(page.getByRole("heading", { level: 1, name: client.name })).toBeVisible();
  await expect(page.getByText("Log in with Facebook")).toBeVisible();
  await signUpThroughFakeSdk(page);
  await expect(page.getByRole("heading", { name: "WhatsApp is connected" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("+44 7700 900123")).toBeVisible();
  // Each status in the client's own words, never a bare code.
  await expect(page.getByText("ready to send and receive messages")).toBeVisible();

  // Reopening the link later: the status page, not a second signup.
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "WhatsApp is connected" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Connect WhatsApp" })).toHaveCount(0);

  // The admin: the number, the funnel, and an email saying so.
  await adminPage.reload();
  const whatsapp = adminPage.getByRole("region", { name: "WhatsApp" });
  await expect(whatsapp.getByRole("heading", { name: "Acme Bakery WhatsApp Business Account" })).toBeVisible();
  await expect(whatsapp.getByText("+44 7700 900123")).toBeVisible();
  const progress = adminPage.getByRole("list", { name: "Progress" }).first();
  for (const step of ["Sent", "Opened", "Started", "Connected"])
    await expect(progress.getByText(`✓ ${step}`)).toBeVisible();
  // The plugin ChakraHQ created for the signup, mapped when the client pressed Connect.
  await expect(adminPage.getByRole("region", { name: "ChakraHQ plugin" })).toContainText(
    "when the client started connecting (ChakraHQ created it for their signup)",
  );
  await expect(
    adminPage
      .getByRole("region", { name: "History" })
      .getByText(/^ChakraHQ created plugin \S+ when the client started connecting$/),
  ).toBeVisible();
  const notice = await waitForEmail(admin.email, 2); // 1: the sign-in link
  expect(notice.subject).toBe(`${client.name} connected WhatsApp`);
  expect(notice.text).toContain("+44 7700 900123");
  expect((await testDb().client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("CONNECTED");
  await adminContext.close();
  await clientContext.close();
});

test("expired, revoked and unknown links get a clear page that names no client", async ({ page }) => {
  const client = await newClient("gone");
  const admin = await createMember("ADMIN");
  const expired = await linkFor(client.id, { expiresInMs: -1000 });
  await testDb().onboardingLink.update({ where: { id: expired.link.id }, data: { createdById: admin.id } });
  await page.goto(expired.url);
  await expect(page.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  await expect(page.getByText(client.name)).toHaveCount(0);
  await page.getByRole("button", { name: "Ask for a new link" }).click();
  await expect(page.getByText("Your agency has been told and will send you a new link.")).toBeVisible();
  expect((await waitForEmail(admin.email)).subject).toBe(`${client.name} asks for a new onboarding link`);

  const revoked = await linkFor(client.id, { revoked: true });
  await page.goto(revoked.url);
  await expect(page.getByRole("heading", { name: "This link is no longer active" })).toBeVisible();

  for (const bogus of ["/onboard/not-a-token", `/onboard/${"A".repeat(43)}`]) {
    await page.goto(bogus);
    await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Ask for a new link" })).toHaveCount(0);
  }
});

test("after Send again only the live address is shown; the replaced one offers to ask for a new link @phone", async ({
  page,
  browser,
}) => {
  const admin = await createMember("ADMIN");
  const client = await newClient("resend");
  await signIn(page, admin.email);
  await page.goto(`/clients/${client.id}`);
  await page.getByRole("button", { name: "Create link only" }).click();
  const shown = page.getByText("The address, shown only now");
  await expect(shown).toHaveCount(1);
  const first = linkIn((await page.locator("code").filter({ hasText: "/onboard/" }).textContent()) ?? "");
  expect(first).not.toBe("");

  // The field says what it is; empty, it sends to the contact. A copied link is emailed a first time.
  await expect(page.getByLabel("Email it to")).toHaveAttribute("placeholder", client.contactEmail);
  await page.getByRole("button", { name: "Email it" }).click();
  await expect(
    page.getByText(`New address queued for ${client.contactEmail}. The previous address no longer works.`),
  ).toBeVisible();
  // Only the new address is on screen: the one shown at creation is dead.
  await expect(shown).toHaveCount(1);
  const addresses = page.locator("code").filter({ hasText: "/onboard/" });
  await expect(addresses).toHaveCount(1);
  const second = linkIn((await addresses.textContent()) ?? "");
  expect(second).not.toBe(first);
  expect(linkIn((await waitForEmail(client.contactEmail)).text)).toBe(second);

  // The end client opens the first address: replaced, named so, and a new link can be asked for.
  const clientPage = await (await browser.newContext()).newPage();
  await clientPage.goto(first);
  await expect(clientPage.getByRole("heading", { name: "This link was replaced by a newer one" })).toBeVisible();
  await expect(clientPage.getByText(client.name)).toHaveCount(0);
  await expect(clientPage.getByRole("button", { name: "Connect WhatsApp" })).toHaveCount(0);
  await clientPage.getByRole("button", { name: "Ask for a new link" }).click();
  await expect(clientPage.getByText("Your agency has been told and will send you a new link.")).toBeVisible();
  const request = await waitForEmail(admin.email, 2); // #1: the sign-in link
  expect(request.subject).toBe(`${client.name} asks for a new onboarding link`);
  expect(request.text).toContain("since replaced by a newer address");
  // The live address still works.
  await clientPage.goto(second);
  await expect(clientPage.getByRole("heading", { level: 1, name: client.name })).toBeVisible();
});

test("cancel and a Meta error in the SDK give a next step, and are recorded", async ({ page }) => {
  const client = await newClient("cancel");
  const { url, link } = await linkFor(client.id);
  await page.goto(url);
  // By keyboard.
  await page.getByRole("button", { name: "Connect WhatsApp" }).focus();
  await page.keyboard.press("Enter");
  const frame = page.frameLocator('iframe[title="Connect WhatsApp"]');
  await frame.getByRole("button", { name: "Connect WhatsApp" }).click();
  await frame.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("The signup was closed before it finished.")).toBeVisible();
  // The signup's frame gone, the focus is back on the button.
  await expect(page.getByRole("button", { name: "Try again" })).toBeFocused();

  await page.getByRole("button", { name: "Try again" }).click();
  await frame.getByRole("button", { name: "Connect WhatsApp" }).click();
  await frame.getByRole("button", { name: "Simulate a Meta error" }).click();
  const failed = page.getByRole("alert").filter({ hasText: "That did not work." });
  // The page's own sentence, then the signup's words on their own line, named as theirs.
  await expect(failed.getByText("The signup did not complete.", { exact: true })).toBeVisible();
  await expect(
    failed.getByText("Message from the signup: Meta could not complete the signup (simulated error).", { exact: true }),
  ).toBeVisible();
  // Meta's words keep their own direction inside a right-to-left page.
  await expect(page.locator("bdi", { hasText: "Meta could not complete" })).toHaveAttribute("dir", "auto");
  await expect(page.getByRole("button", { name: "Try again" })).toBeVisible();

  await expect
    .poll(async () =>
      (
        await testDb().onboardingLinkEvent.findMany({
          // The SDK's raw events are recorded too (shown to admins); the funnel is the rest.
          where: { linkId: link.id, type: { not: "SDK_EVENT" } },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        })
      ).map((e) => e.type),
    )
    .toEqual(["OPENED", "STARTED", "CANCELLED", "STARTED", "FAILED"]);
  expect(await testDb().onboardingLinkEvent.count({ where: { linkId: link.id, type: "SDK_EVENT" } })).toBeGreaterThan(
    0,
  );
  expect(
    (await testDb().onboardingLinkEvent.findFirstOrThrow({ where: { linkId: link.id, type: "FAILED" } })).detail,
  ).toBe("Meta could not complete the signup (simulated error).");
  expect((await testDb().client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("ATTENTION");

  // A retry that succeeds clears it.
  await page.getByRole("button", { name: "Try again" }).click();
  await frame.getByRole("button", { name: "Connect WhatsApp" }).click();
  await frame.getByRole("button", { name: "Finish signup" }).click();
  await expect(page.getByRole("heading", { name: "WhatsApp is connected" })).toBeVisible({ timeout: 30_000 });
});

test("the signup's code is loaded on the press: a failed load says so, mints nothing, and the retry works", async ({
  page,
}) => {
  const client = await newClient("lazy");
  const { url, link } = await linkFor(client.id);
  await page.goto(url);
  await expect(page.getByRole("button", { name: "Connect WhatsApp" })).toBeEnabled();
  await page.waitForLoadState("networkidle");
  // Every script the page asks for from now on fails: the code behind the button is one.
  const blocked: string[] = [];
  await page.route("**/_next/static/chunks/**", (route) => {
    blocked.push(route.request().url());
    return route.abort("internetdisconnected");
  });
  await page.getByRole("button", { name: "Connect WhatsApp" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "That did not work." });
  await expect(alert).toContainText("The WhatsApp signup could not be loaded.");
  expect(blocked.length).toBeGreaterThan(0);
  // Nothing was minted: no signup attempt, no "started" event.
  expect(await testDb().signupAttempt.count({ where: { linkId: link.id } })).toBe(0);
  expect(await testDb().onboardingLinkEvent.count({ where: { linkId: link.id, type: "STARTED" } })).toBe(0);

  // The connection is back: the same button, from the keyboard, loads the code and opens the signup.
  await page.unroute("**/_next/static/chunks/**");
  const retry = page.getByRole("button", { name: "Try again" });
  await retry.focus();
  await page.keyboard.press("Enter");
  await expect(
    page.frameLocator('iframe[title="Connect WhatsApp"]').getByRole("button", { name: "Connect WhatsApp" }),
  ).toBeVisible();
  expect(await testDb().onboardingLinkEvent.count({ where: { linkId: link.id, type: "STARTED" } })).toBe(1);
});

test("minting is rate-limited per link", async ({ page }) => {
  const client = await newClient("limit");
  const { url, link } = await linkFor(client.id);
  await testDb().rateLimitHit.createMany({ data: Array.from({ length: 10 }, () => ({ key: `mint:link:${link.id}` })) });
  await page.goto(url);
  await page.getByRole("button", { name: "Connect WhatsApp" }).click();
  await expect(page.getByText(/Too many attempts\. Please wait \d+ minutes and try again\./)).toBeVisible();
  expect(await testDb().onboardingLinkEvent.count({ where: { linkId: link.id, type: "STARTED" } })).toBe(0);
});

test("a tampered mint request cannot get a token for another client's plugin", async ({ page }) => {
  const other = await testDb().client.create({
    data: {
      name: "Other Co",
      contactName: "O",
      contactEmail: "o@other.example",
      clientReferenceId: `other-${Date.now()}`,
      pluginId: await otherPlugin(),
    },
  });
  const client = await newClient("tamper");
  const { url } = await linkFor(client.id);
  const since = Date.now();
  // The page's own mint request, replayed with the other client's plugin and reference added.
  // Every action the page sent after the press is replayed so: the mint is among them, and under
  // load another of the page's actions (a check, an event report) can come first. (The browser
  // does not keep an action's streamed answer, so the mint cannot be told from its answer.)
  const actions: Request[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) actions.push(r);
  });
  await page.goto(url);
  await expect(page.getByRole("button", { name: "Connect WhatsApp" })).toBeEnabled();
  await page.waitForLoadState("networkidle");
  const sentBefore = actions.length;
  await page.getByRole("button", { name: "Connect WhatsApp" }).click();
  await expect(
    page.frameLocator('iframe[title="Connect WhatsApp"]').getByRole("button", { name: "Connect WhatsApp" }),
  ).toBeVisible();
  const sent = actions.slice(sentBefore);
  if (sent.length === 0) throw new Error("The page made no mint request");
  const tokens: string[] = [];
  for (const request of sent) {
    const original = JSON.parse(request.postData()!) as unknown[];
    const tampered = JSON.stringify([
      ...original,
      { pluginId: other.pluginId, clientReferenceId: other.clientReferenceId },
    ]);
    const response = await page.request.post(url, {
      headers: {
        "next-action": request.headers()["next-action"]!,
        "content-type": "text/plain;charset=UTF-8",
        accept: "text/x-component",
      },
      data: tampered,
    });
    tokens.push(...((await response.text()).match(/eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g) ?? []));
  }
  expect(tokens.length).toBeGreaterThan(0);
  for (const token of tokens) {
    const payload = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()) as {
      data: { pluginId: string };
    };
    const own = await testDb().client.findUniqueOrThrow({ where: { id: client.id } });
    expect(payload.data.pluginId).toBe(own.pluginId);
    expect(payload.data.pluginId).not.toBe(other.pluginId);
  }
  // And the fake ChakraHQ was never asked for the other plugin.
  const requests = (await (
    await fetch(`${E2E_FAKE_URL}/__fake/requests`, { headers: { Authorization: `Bearer ${FAKE_CHAKRA_TOKEN}` } })
  ).json()) as {
    _data: { path: string; at: number }[];
  };
  expect(requests._data.filter((r) => r.at >= since).some((r) => r.path.includes(other.pluginId!))).toBe(false);
});

test("the SDK never sends a success event the app recognises, and the end client still sees connected", async ({
  page,
}) => {
  test.setTimeout(120_000);
  // The stand-in's SDK: success as WA_EMBEDDED_SIGNUP_FINISH with {state: "COMPLETED"}, and no onSuccess.
  await fakeSdk("POST", {
    successEvent: "WA_EMBEDDED_SIGNUP_FINISH",
    successData: { state: "COMPLETED" },
    callOnSuccess: false,
  });
  try {
    const admin = await createMember("ADMIN");
    const client = await newClient("unknown-event");
    const { url, link } = await linkFor(client.id);
    await testDb().onboardingLink.update({ where: { id: link.id }, data: { createdById: admin.id } });

    await page.goto(url);
    await page.getByRole("button", { name: "Connect WhatsApp" }).click();
    // While Meta's steps are open: what to do there, and that the page watches by itself.
    await expect(page.getByRole("status")).toHaveText(
      "Finish Meta's steps to connect. This page updates by itself once your number is connected.",
    );
    const frame = page.frameLocator('iframe[title="Connect WhatsApp"]');
    await frame.getByRole("button", { name: "Connect WhatsApp" }).click();
    await frame.getByLabel("Business name").selectOption("Acme Bakery");
    await frame.getByLabel("Phone number").selectOption("+44 7700 900123");
    await frame.getByRole("button", { name: "Finish signup" }).click();
    await expect(frame.getByRole("status")).toHaveText(/WhatsApp connected/);

    // Nothing the page recognises arrived: the server finds the new account in ChakraHQ by itself.
    await expect(page.getByRole("heading", { name: "WhatsApp is connected" })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText("+44 7700 900123")).toBeVisible();

    // What the SDK said is kept raw for the agency, and the admin heard about the connection once.
    await expect
      .poll(async () =>
        (
          await testDb().onboardingLinkEvent.findMany({
            where: { linkId: link.id, type: "SDK_EVENT" },
            orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          })
        ).map((e) => e.detail),
      )
      .toEqual(['started {"status":"started"}', 'WA_EMBEDDED_SIGNUP_FINISH {"state":"COMPLETED"}']);
    expect(await testDb().onboardingLinkEvent.count({ where: { linkId: link.id, type: "CONNECTED" } })).toBe(1);
    expect((await waitForEmail(admin.email)).subject).toBe(`${client.name} connected WhatsApp`);
    expect((await testDb().client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("CONNECTED");
  } finally {
    await fakeSdk("DELETE");
  }
});
