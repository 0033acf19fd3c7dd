import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// The app's ChakraHQ client reads its settings on first use: point it at a fake of this file's
// own, with a short timeout (the fake's faults decide when it fires) and no retries of reads.
const fake = await vi.hoisted(async () => {
  const { startFakeChakra } = await import("../../fake-chakra/server");
  const { FAKE_CHAKRA_TOKEN } = await import("../../lib/chakra/demo");
  const started = await startFakeChakra({ token: FAKE_CHAKRA_TOKEN, numbersDelayMs: 0 });
  process.env.CHAKRA_BASE_URL = started.url;
  process.env.CHAKRA_TIMEOUT_MS = "1000";
  process.env.CHAKRA_MAX_RETRIES = "0";
  return started;
});
vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import { disconnectWabaAction, webhookSettingsAction, type WriteState } from "@/lib/actions/whatsapp";
import { chakra, type ChakraClient } from "@/lib/chakra";
import { describeHistory } from "@/lib/clients/history";
import { db } from "@/lib/db";
import { latestConfigForClient } from "@/lib/data/snapshots";
import { disconnectWaba, refreshClientConfig } from "@/lib/data/whatsapp";
import { createTestClient } from "../support/factories";
import { signInAs } from "../support/request-context";

/*
 * Writes to ChakraHQ whose answer is slow, lost or an error: the admin is told what ChakraHQ
 * really did (done, not done, or could not confirm), and the audit log records each attempt
 * before the call and its outcome after. Through the server actions, as an admin.
 */

const WABA = { id: "973055385119463", name: "Sandbox WhatsApp Business Account" };
const SETTINGS = {
  passThroughWebhookUrl: "https://hooks.example.com/meta",
  enableMessageEchoesForPassThroughWebhook: false,
  enableSendMessageTemplateEventForPassThroughWebhook: true,
  enableChakraWebhook: true,
  chakraWebhookUrl: "https://hooks.example.com/chakra",
  whichChakraWebhookEventsToSend: ["message", "status"],
};

let clientId = "";

afterAll(() => fake.close());
beforeEach(async () => {
  fake.store.reset();
  fake.clearFaults();
  fake.requests.length = 0;
  await db.pluginConfigSnapshot.deleteMany();
  await db.auditLog.deleteMany();
  await db.client.deleteMany();
  clientId = (await createTestClient("writes", { name: "Acme Bakery", pluginId: EXAMPLE_PLUGIN_ID })).id;
  // The tests read what the writes add to the client's timeline: its creation is left out.
  await db.auditLog.deleteMany({ where: { clientId, action: { in: ["client.created", "client.plugin_mapped"] } } });
  expect((await refreshClientConfig(clientId)).ok).toBe(true); // the last good snapshot
  await signInAs("ADMIN");
});

function applyWebhooks(): Promise<WriteState> {
  const form = new FormData();
  form.set("clientId", clientId);
  form.set("step", "apply");
  form.set("passThroughWebhookUrl", SETTINGS.passThroughWebhookUrl);
  form.set("enableSendMessageTemplateEventForPassThroughWebhook", "on");
  form.set("enableChakraWebhook", "on");
  form.set("chakraWebhookUrl", SETTINGS.chakraWebhookUrl);
  for (const event of SETTINGS.whichChakraWebhookEventsToSend) form.append("whichChakraWebhookEventsToSend", event);
  return webhookSettingsAction(null, form);
}

function disconnect(): Promise<WriteState> {
  const form = new FormData();
  form.set("clientId", clientId);
  form.set("wabaId", WABA.id);
  form.set("confirmName", WABA.name);
  return disconnectWabaAction(null, form) as Promise<WriteState>;
}

const plugin = () => fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!;
const entries = () =>
  db.auditLog
    .findMany({ where: { clientId }, orderBy: { createdAt: "asc" } })
    .then((rows) =>
      rows.map((r) => ({ action: r.action, metadata: r.metadata, said: describeHistory(r.action, r.metadata) })),
    );
const snapshots = () => db.pluginConfigSnapshot.count({ where: { clientId } });
/** The write calls the fake answered: a write is never retried. */
const answeredWrites = (route: string) => fake.requests.filter((r) => r.method === "POST" && r.path.endsWith(route));

describe("updating the webhook settings", () => {
  it("reports a slow update that ChakraHQ applied as saved, read back, with the attempt's outcome audited", async () => {
    fake.addFault({ route: "updateConfig", kind: "late_answer" });
    const result = await applyWebhooks();
    expect(result).toEqual({
      ok: true,
      outcome: "done",
      message:
        "Saved in ChakraHQ; ChakraHQ's answer was lost (ChakraHQ did not answer within 1 s), so the app read it back: it holds the settings you sent, shown in the form as ChakraHQ now holds them.",
      current: SETTINGS, // what the form then shows
    });
    expect(plugin().settings).toEqual(SETTINGS);
    expect((await latestConfigForClient(clientId))?.config).toMatchObject(SETTINGS);
    expect(await entries()).toEqual([
      {
        action: "whatsapp.webhooks_updated",
        metadata: {
          settings: SETTINGS,
          confirmedBy: "re_read",
          lostAnswer: "ChakraHQ did not answer within 1 s",
        },
        said: "Webhook settings changed (ChakraHQ's answer was lost: confirmed by reading the configuration back)",
      },
    ]);
  });

  it("reports a 5xx that applied nothing as not saved, and audits it", async () => {
    fake.addFault({ route: "updateConfig", kind: "server_error" });
    const result = await applyWebhooks();
    expect(result).toEqual({
      ok: false,
      code: "FAILED",
      outcome: "not_done",
      message:
        "Not saved: ChakraHQ did not accept the change: Internal server error. Reading back shows ChakraHQ does not hold them (shown in the form as it holds them now). You can apply them again.",
      current: plugin().settings,
    });
    expect(plugin().settings.passThroughWebhookUrl).toBe("http://localhost:3099/log");
    expect(answeredWrites("/update-config")).toHaveLength(1);
    expect(await snapshots()).toBe(2); // what ChakraHQ holds now is shown
    expect(await entries()).toEqual([
      {
        action: "whatsapp.webhooks_update_failed",
        metadata: { settings: SETTINGS, confirmedBy: "re_read", reason: "Internal server error", status: 500 },
        said: "Webhook settings not changed: Internal server error (confirmed by reading the configuration back)",
      },
    ]);
  });

  it("reports an update applied while the fetch after it fails as saved, with a note that the view is stale", async () => {
    fake.addFault({ route: "getConfig", kind: "server_error", afterWrite: true });
    const before = await latestConfigForClient(clientId);
    const result = await applyWebhooks();
    expect(result).toEqual({
      ok: true,
      outcome: "done",
      message:
        "Saved in ChakraHQ; ChakraHQ could not be asked again afterwards (Internal server error): the settings shown in the form may be out of date until the next refresh.",
    });
    expect(plugin().settings).toEqual(SETTINGS);
    expect(await latestConfigForClient(clientId)).toEqual(before);
    expect(await entries()).toEqual([
      {
        action: "whatsapp.webhooks_updated",
        metadata: { settings: SETTINGS, confirmedBy: "answer" },
        said: "Webhook settings changed",
      },
    ]);
  });

  it("says it could not confirm when the answer is lost and the re-read fails too, keeping the last good snapshot", async () => {
    fake.addFault({ route: "updateConfig", kind: "late_answer" });
    fake.addFault({ route: "getConfig", kind: "server_error", afterWrite: true });
    const before = await latestConfigForClient(clientId);
    const result = await applyWebhooks();
    expect(result).toEqual({
      ok: false,
      code: "FAILED",
      outcome: "unconfirmed",
      message:
        "Could not confirm the change: ChakraHQ did not answer within 1 s, and ChakraHQ could not be asked again (Internal server error). The page shows the last data fetched from ChakraHQ: refresh in a minute before trying again.",
    });
    expect(await latestConfigForClient(clientId)).toEqual(before);
    expect(await entries()).toEqual([
      {
        action: "whatsapp.webhooks_update_unconfirmed",
        metadata: {
          settings: SETTINGS,
          lostAnswer: "ChakraHQ did not answer within 1 s",
          reReadError: "Internal server error",
        },
        said: "Webhook settings change not confirmed: ChakraHQ did not answer within 1 s, and ChakraHQ could not be asked again (Internal server error)",
      },
    ]);
  });

  it("says it could not confirm a timed-out update ChakraHQ does not show yet, and shows what ChakraHQ holds now", async () => {
    fake.addFault({ route: "updateConfig", kind: "timeout" });
    plugin().settings.chakraWebhookUrl = "https://changed-meanwhile.example.com/hook";
    const result = await applyWebhooks();
    expect(result).toEqual({
      ok: false,
      code: "FAILED",
      outcome: "unconfirmed",
      message:
        "Could not confirm the change: ChakraHQ did not answer within 1 s. ChakraHQ does not hold the settings you sent yet (shown in the form as it holds them now), but may still apply them: refresh in a minute before trying again.",
      current: { ...plugin().settings, chakraWebhookUrl: "https://changed-meanwhile.example.com/hook" },
    });
    expect((await latestConfigForClient(clientId))?.config.chakraWebhookUrl).toBe(
      "https://changed-meanwhile.example.com/hook",
    );
    expect((await entries()).map((e) => e.said)).toEqual([
      "Webhook settings change not confirmed: ChakraHQ did not answer within 1 s, and reading back did not show it yet",
    ]);
  });

  it("treats a gateway's 504 as a lost answer, not as ChakraHQ's refusal", async () => {
    fake.addFault({ route: "updateConfig", kind: "error", status: 504 });
    const result = await applyWebhooks();
    expect(result).toMatchObject({ ok: false, outcome: "unconfirmed" });
    expect(result.message).toBe(
      "Could not confirm the change: ChakraHQ had an internal error (504). ChakraHQ does not hold the settings you sent yet (shown in the form as it holds them now), but may still apply them: refresh in a minute before trying again.",
    );
  });
});

describe("disconnecting a WhatsApp Business Account", () => {
  it("reports a slow disconnect that ChakraHQ applied as done, with the attempt's outcome audited", async () => {
    fake.addFault({ route: "disconnectWaba", kind: "late_answer" });
    const result = await disconnect();
    expect(result).toEqual({
      ok: true,
      outcome: "done",
      message:
        "Disconnected. ChakraHQ's answer was lost (ChakraHQ did not answer within 1 s), so the app read it back: it no longer lists the account. ChakraHQ's current configuration is shown.",
    });
    expect((await latestConfigForClient(clientId))?.config.whatsappBusinessAccounts).toEqual([]);
    expect((await entries()).filter((e) => e.action.includes("waba"))).toEqual([
      {
        action: "whatsapp.waba_disconnected",
        metadata: {
          ...{ wabaId: WABA.id, name: WABA.name },
          confirmedBy: "re_read",
          lostAnswer: "ChakraHQ did not answer within 1 s",
        },
        said: `WhatsApp Business Account ${WABA.name} disconnected (ChakraHQ's answer was lost: confirmed by reading the configuration back)`,
      },
    ]);
  });

  it("reports a disconnect applied while the fetch after it fails as done, not as an error", async () => {
    fake.addFault({ route: "getConfig", kind: "server_error", afterWrite: true });
    const result = await disconnect();
    expect(result).toEqual({
      ok: true,
      outcome: "done",
      message:
        "Disconnected. ChakraHQ could not be asked again afterwards (Internal server error): this page still shows the account until the next refresh.",
    });
    expect(plugin().wabas).toEqual([]);
    expect((await entries()).map((e) => e.action)).toEqual(["whatsapp.waba_disconnected"]);
  });

  it("reports a 5xx that disconnected nothing as not done, and audits it", async () => {
    fake.addFault({ route: "disconnectWaba", kind: "server_error" });
    const result = await disconnect();
    expect(result).toEqual({
      ok: false,
      code: "FAILED",
      outcome: "not_done",
      message:
        "Not disconnected: Internal server error. Reading back shows ChakraHQ still lists the account. You can try again.",
    });
    expect(plugin().wabas.map((w) => w.id)).toEqual([WABA.id]);
    expect(answeredWrites("/disconnect-waba")).toHaveLength(1);
    expect(await entries()).toEqual([
      {
        action: "whatsapp.waba_disconnect_failed",
        metadata: {
          wabaId: WABA.id,
          name: WABA.name,
          confirmedBy: "re_read",
          reason: "Internal server error",
          status: 500,
        },
        said: `WhatsApp Business Account ${WABA.name} not disconnected: Internal server error (confirmed by reading the configuration back)`,
      },
    ]);
  });

  it("says it could not confirm when the answer is lost and the re-read fails too, keeping the last good snapshot", async () => {
    fake.addFault({ route: "disconnectWaba", kind: "late_answer" });
    fake.addFault({ route: "getConfig", kind: "server_error", afterWrite: true });
    const before = await latestConfigForClient(clientId);
    const result = await disconnect();
    expect(result).toMatchObject({ ok: false, outcome: "unconfirmed" });
    expect(result.message).toBe(
      "Could not confirm the disconnect: ChakraHQ did not answer within 1 s, and ChakraHQ could not be asked again (Internal server error). The page shows the last data fetched from ChakraHQ: refresh in a minute before trying again.",
    );
    expect(await latestConfigForClient(clientId)).toEqual(before);
    expect((await entries()).map((e) => e.action)).toEqual(["whatsapp.waba_disconnect_unconfirmed"]);
  });

  it("records the attempt before ChakraHQ acts on the call", async () => {
    fake.addFault({ route: "disconnectWaba", kind: "hold" });
    const pending = disconnect();
    // While ChakraHQ holds the call, nothing is disconnected yet, and the attempt is already on record.
    await vi.waitFor(async () =>
      expect(await entries()).toEqual([
        {
          action: "whatsapp.waba_disconnect_attempted",
          metadata: { wabaId: WABA.id, name: WABA.name },
          said: `Disconnect of WhatsApp Business Account ${WABA.name} sent to ChakraHQ; no outcome was recorded`,
        },
      ]),
    );
    expect(plugin().wabas).toHaveLength(1);
    await vi.waitFor(() => expect(fake.release()).toBe(1));
    expect(await pending).toMatchObject({ ok: true, outcome: "done" });
    expect((await entries()).map((e) => e.action).filter((a) => !a.startsWith("alert."))).toEqual([
      "whatsapp.waba_disconnected",
      "whatsapp.number_status_changed", // the fetch after it: the number left with the account
    ]);
  });

  it("keeps the attempt on record when the process dies right after the call", async () => {
    const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, orderBy: { createdAt: "desc" } });
    // The call goes through; then the process "dies" before anything else runs.
    const dying: ChakraClient = {
      ...chakra,
      disconnectWaba: async (pluginId, wabaId) => {
        await chakra.disconnectWaba(pluginId, wabaId);
        throw new Error("the process died here");
      },
    };
    await expect(
      disconnectWaba({ actor: admin, clientId, wabaId: WABA.id, confirmName: WABA.name }, dying),
    ).rejects.toThrow("the process died here");
    expect(plugin().wabas).toEqual([]);
    expect(await entries()).toEqual([
      {
        action: "whatsapp.waba_disconnect_attempted",
        metadata: { wabaId: WABA.id, name: WABA.name },
        said: `Disconnect of WhatsApp Business Account ${WABA.name} sent to ChakraHQ; no outcome was recorded`,
      },
    ]);
  });
});
