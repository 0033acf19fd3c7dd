import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { KEEP_ALIVE_MS } from "@/fake-chakra/server";
import { startFakeChakraForApp } from "@/fake-chakra/start";
import { EMPTY_DEMO_PLUGIN_ID } from "@/fake-chakra/state";
import { parseEnv } from "@/lib/env";
import { startTestChakra, TEST_TOKEN } from "../support/fake-chakra";

const open: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

async function setup(...args: Parameters<typeof startTestChakra>) {
  const t = await startTestChakra(...args);
  open.push(t.fake);
  return t;
}

function complete(url: string, body: Record<string, unknown>) {
  return fetch(`${url}/connect/complete`, { method: "POST", body: JSON.stringify(body) }).then(async (r) => ({
    status: r.status,
    body: (await r.json()) as { _data?: Record<string, string>; _errors?: string[] },
  }));
}

describe("the embedded signup", () => {
  it("attaches a WABA at once and its number a moment later", async () => {
    const { fake, chakra } = await setup({ numbersDelayMs: 300 });
    const { connectToken } = await chakra.createConnectToken({ pluginId: EMPTY_DEMO_PLUGIN_ID });
    const result = await complete(fake.url, {
      token: connectToken,
      businessName: "Acme Bakery",
      phoneNumber: "+1 555-010-4477",
    });
    expect(result.status).toBe(200);
    expect(result.body._data).toMatchObject({ status: "connected", pluginId: EMPTY_DEMO_PLUGIN_ID });

    const soon = await chakra.getPluginConfig(EMPTY_DEMO_PLUGIN_ID);
    expect(soon.whatsappBusinessAccounts).toHaveLength(1);
    expect(soon.whatsappBusinessAccounts[0]!.name).toBe("Acme Bakery WhatsApp Business Account");
    expect(soon.whatsappPhoneNumbers).toEqual([]);

    await new Promise((r) => setTimeout(r, 350));
    const later = await chakra.getPluginConfig(EMPTY_DEMO_PLUGIN_ID);
    expect(later.whatsappPhoneNumbers).toHaveLength(1);
    expect(later.whatsappPhoneNumbers[0]).toMatchObject({
      id: result.body._data!.phoneNumberId,
      display_phone_number: "+1 555-010-4477",
      verified_name: "Acme Bakery",
      status: "CONNECTED",
    });
  });

  it("refuses an expired, a forged and a malformed token", async () => {
    const { fake } = await setup();
    const expired = fake.mintToken(EMPTY_DEMO_PLUGIN_ID, null, -10);
    // The signature's first character: all six of its bits count (the last one's lowest two do
    // not, so changing that one left the signature valid about one run in four).
    const [header, payload, signature] = fake.mintToken(EMPTY_DEMO_PLUGIN_ID).split(".");
    const forged = `${header}.${payload}.${signature![0] === "A" ? "Q" : "A"}${signature!.slice(1)}`;
    const body = { businessName: "Acme", phoneNumber: "+1 555-010-4477" };
    expect((await complete(fake.url, { ...body, token: expired })).body._errors?.[0]).toMatch(/expired/);
    expect((await complete(fake.url, { ...body, token: forged })).body._errors?.[0]).toMatch(/not valid/);
    expect((await complete(fake.url, { ...body, token: "abc" })).body._errors?.[0]).toMatch(/not valid/);
    expect(fake.store.state.plugins[EMPTY_DEMO_PLUGIN_ID]!.wabas).toEqual([]);
  });

  it("shows the error on the iframe page for a bad token", async () => {
    const { fake } = await setup();
    const html = await fetch(`${fake.url}/connect?token=${fake.mintToken(EMPTY_DEMO_PLUGIN_ID, null, -1)}`).then((r) =>
      r.text(),
    );
    expect(html).toContain('role="alert"');
    expect(html).toContain("This connect token has expired");
  });

  it("can make tokens single-use", async () => {
    const { fake } = await setup({ singleUseTokens: true });
    const token = fake.mintToken(EMPTY_DEMO_PLUGIN_ID);
    const body = { token, businessName: "Acme", phoneNumber: "+1 555-010-4477" };
    expect((await complete(fake.url, body)).status).toBe(200);
    expect((await complete(fake.url, body)).body._errors?.[0]).toMatch(/already used/);
  });

  it("escapes a plugin name on the iframe page", async () => {
    const { fake } = await setup();
    const plugin = fake.createPlugin({ name: '<img src=x onerror="alert(1)">' });
    const html = await fetch(`${fake.url}/connect?token=${fake.mintToken(plugin.id)}`).then((r) => r.text());
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x");
  });
});

describe("configurable guesses", () => {
  it("serves the update and disconnect calls on the configured paths and field", async () => {
    const paths = {
      updateConfig: "/v2/plugins/{pluginId}/settings",
      disconnectWaba: "/v2/plugins/{pluginId}/wabas/remove",
      health: "/v2/ping",
    };
    const { fake, chakra } = await setup(
      { paths, disconnectWabaField: "whatsappBusinessAccountId" },
      { paths, disconnectWabaField: "whatsappBusinessAccountId" },
    );
    await chakra.health();
    await chakra.disconnectWaba("d83e1d23-50b8-4d87-8f92-842a0ac516f6", "973055385119463");
    expect(fake.requests.map((r) => `${r.path} ${r.status}`)).toEqual([
      "/v2/ping 200",
      "/v2/plugins/d83e1d23-50b8-4d87-8f92-842a0ac516f6/wabas/remove 200",
    ]);
  });

  it("requires all six webhook settings unless partial updates are switched on", async () => {
    const strict = await setup();
    await expect(
      strict.chakra.updatePluginConfig(EMPTY_DEMO_PLUGIN_ID, { enableChakraWebhook: true } as never),
    ).rejects.toThrow(/passThroughWebhookUrl is required/);
    const lenient = await setup({ partialUpdates: true });
    await lenient.chakra.updatePluginConfig(EMPTY_DEMO_PLUGIN_ID, { enableChakraWebhook: true } as never);
    expect((await lenient.chakra.getPluginConfig(EMPTY_DEMO_PLUGIN_ID)).enableChakraWebhook).toBe(true);
  });
});

describe("connections", () => {
  it("closes each connection after its answer, unless told to keep them open as an HTTPS API does", async () => {
    const { fake } = await setup();
    const closing = await fetch(`${fake.url}/v1/health`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    await closing.text();
    expect(closing.headers.get("connection")).toBe("close");

    const { fake: kept } = await setup({ keepAlive: true });
    const open = await fetch(`${kept.url}/v1/health`, { headers: { Authorization: `Bearer ${TEST_TOKEN}` } });
    await open.text();
    expect(open.status).toBe(200);
    expect(open.headers.get("connection")).toBe("keep-alive");
    expect(open.headers.get("keep-alive")).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
  });
});

describe("state", () => {
  it("survives a restart when kept in a file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fake-chakra-"));
    try {
      const stateFile = path.join(dir, "state.json");
      const first = await startTestChakra({ stateFile });
      const { claims } = await first.chakra.createConnectToken({
        newPluginName: "Kept",
        clientReferenceId: "kept",
        clientName: "Kept Ltd",
      });
      await first.fake.close();
      const second = await setup({ stateFile });
      expect(second.fake.store.state.plugins[claims.pluginId]?.name).toBe("Kept");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does not start in production, nor when the real API is configured", async () => {
    const production = parseEnv({
      NODE_ENV: "production",
      AUTH_SECRET: "x".repeat(40),
      SMTP_URL: "smtp://mail.example.com",
      CHAKRA_API_TOKEN: "chakra-token-0123456789abcdef",
      APP_URL: "https://partner.example",
    });
    await expect(startFakeChakraForApp(production)).rejects.toThrow(/does not run in production/);
    await expect(
      startFakeChakraForApp(parseEnv({ CHAKRA_API_TOKEN: "chakra-token-0123456789abcdef" })),
    ).rejects.toThrow(/real ChakraHQ/);
  });
});
