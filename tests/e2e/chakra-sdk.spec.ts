import type { Page } from "@playwright/test";
import { expect, test } from "../support/e2e-test";
import { E2E_FAKE_URL, FAKE_CHAKRA_TOKEN } from "../support/e2e";

/* The fake ChakraHQ's browser SDK, on a bare test page, with a freshly minted connect token. */

const auth = { Authorization: `Bearer ${FAKE_CHAKRA_TOKEN}` };

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${E2E_FAKE_URL}${path}`, { ...init, headers: { ...auth, ...init.headers } });
  const body = (await response.json()) as { _data: T; _errors?: string[] };
  if (!response.ok) throw new Error(body._errors?.[0] ?? `HTTP ${response.status}`);
  return body._data;
}

async function newPluginAndToken() {
  const plugin = await api<{ id: string }>("/__fake/plugins", {
    method: "POST",
    body: JSON.stringify({ name: "E2E plugin" }),
  });
  const { connectToken } = await api<{ connectToken: string }>("/v1/ext/whatsapp-partner/create-connect-token", {
    method: "POST",
    body: JSON.stringify({ pluginId: plugin.id }),
  });
  return { pluginId: plugin.id, connectToken };
}

type Recorded = { kind: string; name?: string; data?: unknown; message?: string };

/** A page that loads the SDK and records every callback in window.events. */
async function openSdkPage(page: Page, connectToken: string) {
  await page.setContent(`<!doctype html><html><body><main><h1>SDK test page</h1><div id="connect"></div></main>
    <script src="${E2E_FAKE_URL}/sdk.js"></script></body></html>`);
  await page.evaluate((token) => {
    const w = window as unknown as { events: Recorded[]; ChakraWhatsappConnect: { init(o: object): unknown } };
    w.events = [];
    w.ChakraWhatsappConnect.init({
      connectToken: token,
      container: "#connect",
      onReady: () => w.events.push({ kind: "ready" }),
      onMessage: (name: string, data: unknown) => w.events.push({ kind: "message", name, data }),
      onSuccess: (data: unknown) => w.events.push({ kind: "success", data }),
      onError: (error: Error) => w.events.push({ kind: "error", message: error.message }),
    });
  }, connectToken);
  return {
    frame: page.frameLocator('iframe[title="Connect WhatsApp"]'),
    events: () => page.evaluate(() => (window as unknown as { events: Recorded[] }).events),
  };
}

test("the SDK draws the Connect WhatsApp iframe and reports a completed signup", async ({ page }) => {
  const { pluginId, connectToken } = await newPluginAndToken();
  const sdk = await openSdkPage(page, connectToken);

  await expect(sdk.frame.getByRole("button", { name: "Connect WhatsApp" })).toBeVisible();
  await expect.poll(sdk.events).toContainEqual({ kind: "ready" });

  await sdk.frame.getByRole("button", { name: "Connect WhatsApp" }).click();
  await sdk.frame.getByLabel("Business name").selectOption("Blue Harbor Dental");
  await sdk.frame.getByLabel("Phone number").selectOption("+44 7700 900123");
  await sdk.frame.getByRole("button", { name: "Finish signup" }).click();

  await expect(sdk.frame.getByRole("status")).toHaveText(/WhatsApp connected/);
  await expect
    .poll(sdk.events)
    .toContainEqual(
      expect.objectContaining({ kind: "success", data: expect.objectContaining({ status: "connected", pluginId }) }),
    );
  const events = await sdk.events();
  expect(events.map((e) => e.name ?? e.kind)).toEqual(["ready", "started", "connected", "success"]);

  // The number shows up in the plugin's configuration a moment later, as on the real service.
  await expect
    .poll(
      async () =>
        (
          await api<{ whatsappPhoneNumbers: { display_phone_number: string }[] }>(
            `/v1/ext/plugin/whatsapp/${pluginId}/config`,
          )
        ).whatsappPhoneNumbers,
    )
    .toEqual([
      expect.objectContaining({ display_phone_number: "+44 7700 900123", verified_name: "Blue Harbor Dental" }),
    ]);
});

test("cancel and a simulated Meta error come back through the callbacks", async ({ page }) => {
  const { connectToken } = await newPluginAndToken();
  const sdk = await openSdkPage(page, connectToken);
  await sdk.frame.getByRole("button", { name: "Connect WhatsApp" }).click();
  await sdk.frame.getByRole("button", { name: "Cancel" }).click();
  await expect.poll(sdk.events).toContainEqual({ kind: "message", name: "cancelled", data: { status: "cancelled" } });

  await sdk.frame.getByRole("button", { name: "Connect WhatsApp" }).click();
  await sdk.frame.getByRole("button", { name: "Simulate a Meta error" }).click();
  await expect
    .poll(sdk.events)
    .toContainEqual({ kind: "error", message: "Meta could not complete the signup (simulated error)." });
});

test("an expired, forged or malformed token fails through onError", async ({ page }) => {
  const { pluginId, connectToken } = await newPluginAndToken();
  const expired = await api<{ connectToken: string }>("/__fake/tokens", {
    method: "POST",
    body: JSON.stringify({ pluginId, ttlSeconds: -60 }),
  });
  const [header, payload] = connectToken.split(".");
  const forged = `${header}.${payload}.${"A".repeat(43)}`;

  for (const [token, message] of [
    [expired.connectToken, "This connect token has expired. Please start again."],
    [forged, "This connect token is not valid."],
    ["not-a-jwt", "This connect token is not valid."],
  ] as const) {
    const sdk = await openSdkPage(page, token);
    await expect(sdk.frame.getByRole("alert")).toHaveText(message);
    await expect.poll(sdk.events).toEqual([{ kind: "error", message }]);
  }

  const missing = await openSdkPage(page, "");
  await expect
    .poll(missing.events)
    .toEqual([{ kind: "error", message: "ChakraWhatsappConnect: connectToken is required" }]);
});
