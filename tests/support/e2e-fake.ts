import { expect, type Page } from "@playwright/test";
import type { Fault, RequestRecord } from "../../fake-chakra/server";
import { E2E_FAKE_URL, FAKE_CHAKRA_TOKEN } from "./e2e";
import { fakeChanges } from "./fake-changes";

/*
 * The browser tests' handle on the fake ChakraHQ the app talks to (fake-chakra/server.ts):
 * its API as the app calls it, and its `/__fake/*` controls (faults, plugins, requests).
 */

/**
 * Changes to a plugin after its signup, as Meta or ChakraHQ can make them (a number leaving
 * CONNECTED, a quality drop, a rejected review, a number gone, …; see fake-chakra/changes.ts):
 * `await fakeChange.numberStatus(pluginId, phoneNumberId)`, `await fakeChange.restore(pluginId)`.
 * Each throws if the fake refuses the change.
 */
export const fakeChange = fakeChanges({ url: E2E_FAKE_URL, token: FAKE_CHAKRA_TOKEN });

/** One call to the fake over its plain-http side, with the bearer token; returns `_data`. */
export async function fakeCall<T>(path: string, body?: unknown, method = "POST"): Promise<T> {
  const response = await fetch(`${E2E_FAKE_URL}${path}`, {
    method,
    headers: { Authorization: `Bearer ${FAKE_CHAKRA_TOKEN}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return ((await response.json()) as { _data: T })._data;
}

/** Adds a fault (see Fault in fake-chakra/server.ts); every test that adds one clears them after. */
export async function addFault(fault: Fault): Promise<void> {
  await fakeCall("/__fake/faults", fault);
}

export async function clearFaults(): Promise<void> {
  await fakeCall("/__fake/faults", undefined, "DELETE");
}

/** The fake's plugins, with the client reference each was created for. */
export function fakePlugins() {
  return fakeCall<{ id: string; name: string; clientReferenceId: string | null }[]>(
    "/__fake/plugins",
    undefined,
    "GET",
  );
}

/** The requests the fake answered (a request it never answered is not listed). */
export function fakeRequests() {
  return fakeCall<RequestRecord[]>("/__fake/requests", undefined, "GET");
}

/** A plugin's configuration, as ChakraHQ holds it now. */
export function fakeConfig(pluginId: string) {
  return fakeCall<Record<string, unknown> & { whatsappBusinessAccounts: { id: string; name: string }[] }>(
    `/v1/ext/plugin/whatsapp/${pluginId}/config`,
    undefined,
    "GET",
  );
}

/** A new plugin in the fake with one WABA ("<business> WhatsApp Business Account") and one connected number. */
export async function connectedPlugin(business: string, phone: string): Promise<string> {
  const plugin = await fakeCall<{ id: string }>("/__fake/plugins", { name: business });
  const { connectToken } = await fakeCall<{ connectToken: string }>("/__fake/tokens", { pluginId: plugin.id });
  await fakeCall("/connect/complete", { token: connectToken, businessName: business, phoneNumber: phone });
  // The fake shows a new number after a delay, as ChakraHQ does.
  await expect.poll(async () => ((await fakeConfig(plugin.id)).whatsappPhoneNumbers as unknown[]).length).toBe(1);
  return plugin.id;
}

/**
 * The end client's signup through the fake ChakraHQ's SDK: presses the page's button (its
 * label in the page's language), then, in the fake's own window (English), picks a business
 * and a number and finishes.
 */
export async function signUpThroughFakeSdk(
  page: Page,
  { button = "Connect WhatsApp", business = "Acme Bakery", phone = "+44 7700 900123" } = {},
) {
  await page.getByRole("button", { name: button }).click();
  const frame = page.frameLocator('iframe[title="Connect WhatsApp"]');
  await frame.getByRole("button", { name: "Connect WhatsApp" }).click();
  await frame.getByLabel("Business name").selectOption(business);
  await frame.getByLabel("Phone number").selectOption(phone);
  await frame.getByRole("button", { name: "Finish signup" }).click();
}
