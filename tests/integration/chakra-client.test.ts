import { createServer, type Socket } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createChakraClient } from "@/lib/chakra/client";
import { ChakraError } from "@/lib/chakra/errors";
import { EMPTY_DEMO_PLUGIN_ID, EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import { readExample } from "../support/examples";
import { startTestChakra, TEST_TOKEN } from "../support/fake-chakra";

let t: Awaited<ReturnType<typeof startTestChakra>>;
const requestsTo = (fragment: string) => t.fake.requests.filter((r) => r.path.includes(fragment));

async function failure(promise: Promise<unknown>): Promise<ChakraError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChakraError);
  return error as ChakraError;
}

beforeAll(async () => {
  t = await startTestChakra();
});
afterAll(() => t.fake.close());
beforeEach(() => {
  t.fake.store.reset();
  t.fake.clearFaults();
  t.fake.requests.length = 0;
});

describe("calls that succeed", () => {
  it("health", async () => {
    await expect(t.chakra.health()).resolves.toBeUndefined();
  });

  it("fetches the plugin configuration exactly as documented", async () => {
    const config = await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
    const documented = (readExample("fetch-plugin-config.response.json") as { _data: unknown })._data;
    expect(config).toEqual(documented);
  });

  it("mints a connect token for an existing plugin", async () => {
    const before = Date.now();
    const { connectToken, claims } = await t.chakra.createConnectToken({ pluginId: EXAMPLE_PLUGIN_ID });
    expect(connectToken.split(".")).toHaveLength(3);
    expect(claims.pluginId).toBe(EXAMPLE_PLUGIN_ID);
    expect(claims.clientReferenceId).toBe("john-wayne");
    expect(claims.expiresAt.getTime() - claims.issuedAt.getTime()).toBeGreaterThan(3598_000);
    expect(claims.issuedAt.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it("mints a connect token with the new-plugin shape, which creates the plugin", async () => {
    const { claims } = await t.chakra.createConnectToken({
      newPluginName: "Acme Bakery WhatsApp",
      clientReferenceId: "acme-bakery",
      clientName: "Acme Bakery",
      clientEmail: "owner@acme.test",
    });
    expect(claims.clientReferenceId).toBe("acme-bakery");
    const plugin = t.fake.store.state.plugins[claims.pluginId];
    expect(plugin).toMatchObject({
      name: "Acme Bakery WhatsApp",
      clientName: "Acme Bakery",
      clientEmail: "owner@acme.test",
    });
    const config = await t.chakra.getPluginConfig(claims.pluginId);
    expect(config.whatsappBusinessAccounts).toEqual([]);
  });

  it("updates the webhook settings, and the next fetch shows them", async () => {
    const settings = {
      passThroughWebhookUrl: "https://hooks.example.com/meta",
      enableMessageEchoesForPassThroughWebhook: false,
      enableSendMessageTemplateEventForPassThroughWebhook: true,
      enableChakraWebhook: true,
      chakraWebhookUrl: "https://hooks.example.com/chakra",
      whichChakraWebhookEventsToSend: ["message", "status"],
    };
    await t.chakra.updatePluginConfig(EMPTY_DEMO_PLUGIN_ID, settings);
    expect(await t.chakra.getPluginConfig(EMPTY_DEMO_PLUGIN_ID)).toMatchObject(settings);
  });

  it("disconnects a WABA, and the next fetch no longer lists it or its numbers", async () => {
    await t.chakra.disconnectWaba(EXAMPLE_PLUGIN_ID, "973055385119463");
    const config = await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
    expect(config.whatsappBusinessAccounts).toEqual([]);
    expect(config.whatsappPhoneNumbers).toEqual([]);
  });
});

describe("errors", () => {
  it("401: a wrong token, in ChakraHQ's words and without the token", async () => {
    const other = await startTestChakra({}, { token: "wrong-token-also-secret" });
    try {
      const error = await failure(other.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID));
      expect(error).toMatchObject({ kind: "http", status: 401, message: "Invalid access token" });
      const everything = `${error.message} ${error.stack} ${JSON.stringify(error)} ${String(error.cause)}`;
      expect(everything).not.toContain("wrong-token-also-secret");
      expect(everything).not.toContain(TEST_TOKEN);
    } finally {
      await other.fake.close();
    }
  });

  it("400: a bad body, with _errors[0] as the message", async () => {
    const error = await failure(t.chakra.createConnectToken({ pluginId: "" }));
    expect(error.status).toBe(400);
    expect(error.message).toMatch(/Send either pluginId/);
  });

  it("404: an unknown plugin is recognised as not found", async () => {
    const error = await failure(t.chakra.getPluginConfig("00000000-0000-4000-8000-000000000000"));
    expect(error).toMatchObject({ status: 404, message: "WhatsApp plugin not found", isPluginNotFound: true });
    const mint = await failure(t.chakra.createConnectToken({ pluginId: "00000000-0000-4000-8000-000000000000" }));
    expect(mint.isPluginNotFound).toBe(true);
  });

  it("recognises 'plugin not found' by its text whatever the status", async () => {
    const other = await startTestChakra({ notFoundStatus: 400 });
    try {
      const error = await failure(other.chakra.getPluginConfig("00000000-0000-4000-8000-000000000000"));
      expect(error).toMatchObject({ status: 400, isPluginNotFound: true });
    } finally {
      await other.fake.close();
    }
  });

  it.each([
    [402, "Template Message sending is disabled. You need to upgrade to a paid plan."],
    [403, "This API key's role cannot do that"],
  ])("%i: the status and _errors[0] reach the caller", async (status, message) => {
    t.fake.addFault({ route: "getConfig", kind: "error", status, message });
    const error = await failure(t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID));
    expect(error).toMatchObject({ kind: "http", status, message });
    expect(requestsTo("/config")).toHaveLength(1);
  });

  it.each([
    [401, "ChakraHQ rejected the API token (check CHAKRA_API_TOKEN)"],
    [502, "ChakraHQ had an internal error (502)"],
  ])("%i without _errors (an HTML page): a plain message for the status", async (status, message) => {
    t.fake.addFault({ route: "createConnectToken", kind: "error", status });
    const error = await failure(t.chakra.createConnectToken({ pluginId: EXAMPLE_PLUGIN_ID }));
    expect(error).toMatchObject({ kind: "http", status, message, chakraMessage: null });
  });

  it("malformed JSON on a 200 is an invalid response", async () => {
    t.fake.addFault({ route: "getConfig", kind: "malformed" });
    const error = await failure(t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID));
    expect(error).toMatchObject({ kind: "invalid_response", status: 200 });
    expect(error.message).toMatch(/not JSON/);
  });

  it("times out a call that never gets an answer", async () => {
    const slow = await startTestChakra({}, { timeoutMs: 300 });
    slow.fake.addFault({ route: "getConfig", kind: "timeout" });
    try {
      const error = await failure(slow.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID));
      expect(error).toMatchObject({ kind: "timeout", status: null });
      expect(error.message).toMatch(/did not answer/);
    } finally {
      await slow.fake.close();
    }
  });

  it("cannot reach a closed port: a network error", async () => {
    const gone = await startTestChakra();
    await gone.fake.close();
    const error = await failure(gone.chakra.health());
    expect(error.kind).toBe("network");
  });
});

describe("retries", () => {
  it("retries a 429 on a GET, then succeeds", async () => {
    t.fake.addFault({ route: "getConfig", kind: "rate_limit", times: 1 });
    const config = await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
    expect(config.whatsappPhoneNumbers).toHaveLength(1);
    expect(requestsTo("/config").map((r) => r.status)).toEqual([429, 200]);
  });

  it("waits as long as Retry-After says", async () => {
    t.fake.addFault({ route: "getConfig", kind: "rate_limit", times: 1, retryAfterSeconds: 1 });
    await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
    const [first, second] = requestsTo("/config");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it("does not wait for a Retry-After beyond the limit: the 429 goes to the caller", async () => {
    t.fake.addFault({ route: "getConfig", kind: "rate_limit", times: 1, retryAfterSeconds: 3600 });
    const error = await failure(t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID));
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 3600 });
    expect(requestsTo("/config")).toHaveLength(1);
  });

  it("retries 5xx on a GET up to the limit, then reports the error", async () => {
    t.fake.addFault({ route: "getConfig", kind: "server_error" });
    const error = await failure(t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID));
    expect(error.status).toBe(500);
    expect(requestsTo("/config")).toHaveLength(3); // first try + maxRetries (2)
  });

  it.each([
    ["createConnectToken", () => t.chakra.createConnectToken({ pluginId: EXAMPLE_PLUGIN_ID }), "create-connect-token"],
    ["disconnectWaba", () => t.chakra.disconnectWaba(EXAMPLE_PLUGIN_ID, "973055385119463"), "disconnect-waba"],
  ] as const)("never retries a failed POST (%s)", async (route, call, fragment) => {
    t.fake.addFault({ route, kind: "server_error", times: 1 });
    const error = await failure(call());
    expect(error.status).toBe(500);
    expect(requestsTo(fragment)).toHaveLength(1);
    // Not even a 429: the caller decides whether to try again.
    t.fake.requests.length = 0;
    t.fake.addFault({ route, kind: "rate_limit", times: 1, retryAfterSeconds: 0 });
    expect((await failure(call())).status).toBe(429);
    expect(requestsTo(fragment)).toHaveLength(1);
  });

  it("tries an idempotent call once more, at once, when the server closed its kept-alive connection as it was reused", async () => {
    // Each connection: its first request answered and kept open, its next one cut without an
    // answer, as a server (or its load balancer) closing an idle connection does just as the
    // client sends on it. The app's HTTP client reuses open connections (undici).
    const body = JSON.stringify(readExample("fetch-plugin-config.response.json"));
    const sockets: Socket[] = [];
    const requests: string[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.on("data", (chunk) => {
        requests.push(chunk.toString("latin1").split(" ", 1)[0]!);
        if (socket.bytesWritten > 0) return void socket.destroy();
        socket.write(
          `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
            `Connection: keep-alive\r\nKeep-Alive: timeout=60\r\n\r\n${body}`,
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const chakra = createChakraClient({
      baseUrl: `http://127.0.0.1:${port}`,
      token: TEST_TOKEN,
      timeoutMs: 2000,
      maxRetries: 2,
      retryBaseDelayMs: 10,
      paths: { updateConfig: "/u/{pluginId}", disconnectWaba: "/d/{pluginId}", health: "/h" },
      disconnectWabaField: "wabaId",
    });
    try {
      await chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
      // Until the client has put the connection back in its pool, it opens another one.
      await new Promise((resolve) => setTimeout(resolve, 100));
      // Sent on the kept connection, cut: read again on a new one.
      const config = await chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
      expect(config.whatsappPhoneNumbers).toHaveLength(1);
      expect(requests).toEqual(["GET", "GET", "GET"]);
      expect(sockets).toHaveLength(2);
      // A write is never sent twice: the same cut goes to the caller as "could not be reached".
      await new Promise((resolve) => setTimeout(resolve, 100));
      const error = await failure(chakra.disconnectWaba(EXAMPLE_PLUGIN_ID, "973055385119463"));
      expect(error.kind).toBe("network");
      expect(requests).toEqual(["GET", "GET", "GET", "POST"]);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("survives added latency", async () => {
    t.fake.addFault({ route: "health", kind: "latency", latencyMs: 200, times: 1 });
    await expect(t.chakra.health()).resolves.toBeUndefined();
  });
});
