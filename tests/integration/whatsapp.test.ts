import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import type { Fault } from "@/fake-chakra/server";
import { db } from "@/lib/db";
import { setClientArchived } from "@/lib/data/clients/records";
import { latestConfigForClient, storeSnapshot } from "@/lib/data/snapshots";
import {
  countNumbersByStatus,
  disconnectWaba,
  listPhoneNumbers,
  overviewNumbers,
  refreshClientConfig,
  updateWebhookSettings,
} from "@/lib/data/whatsapp";
import { createTestClient, createTestLink } from "../support/factories";
import { startTestChakra } from "../support/fake-chakra";

let t: Awaited<ReturnType<typeof startTestChakra>>;
let actor: { id: string; email: string };

/** A client mapped to `pluginId`, named `name` ("Client wa-…" by default). */
async function clientWithPlugin(pluginId: string, name?: string) {
  const client = await createTestClient("wa", { pluginId, ...(name ? { name } : {}) });
  // The tests read what refreshes and writes add to the audit log: the creation is left out.
  await db.auditLog.deleteMany({ where: { clientId: client.id } });
  return client;
}

beforeAll(async () => {
  // Long enough for a first call on a busy machine (300 ms was missed there, the test's first
  // refresh failing as "did not answer"); the one timeout case waits it out twice.
  t = await startTestChakra({}, { timeoutMs: 2_000, maxRetries: 1 });
});
afterAll(async () => {
  await t.fake.close();
  // Later files map the same example plugin: leave no client holding it.
  await db.client.deleteMany();
});
beforeEach(async () => {
  t.fake.store.reset();
  t.fake.clearFaults();
  t.fake.requests.length = 0;
  await db.pluginConfigSnapshot.deleteMany();
  await db.auditLog.deleteMany();
  await db.refreshJob.deleteMany();
  await db.client.deleteMany();
  const user = await db.user.upsert({
    where: { email: "wa-admin@test.example" },
    create: { email: "wa-admin@test.example", role: "ADMIN" },
    update: {},
  });
  actor = { id: user.id, email: user.email };
});

describe("refreshing a client's configuration", () => {
  it("stores the snapshot as the latest, with the filtered fields", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    const result = await refreshClientConfig(client.id, t.chakra);
    expect(result.ok).toBe(true);
    const snapshots = await db.pluginConfigSnapshot.findMany({
      where: { clientId: client.id },
      include: { phoneNumbers: true },
    });
    expect(snapshots).toHaveLength(1);
    expect(snapshots[0]).toMatchObject({
      isLatest: true,
      wabaCount: 1,
      phoneCount: 1,
      connectedPhoneCount: 1,
      needsAttention: false,
    });
    expect(snapshots[0]!.phoneNumbers[0]).toMatchObject({
      displayPhoneNumber: "+1 555-191-4348",
      status: "CONNECTED",
      isOnBizApp: false,
    });
    await refreshClientConfig(client.id, t.chakra);
    expect(await db.pluginConfigSnapshot.count({ where: { clientId: client.id, isLatest: true } })).toBe(1);
    expect(await db.pluginConfigSnapshot.count({ where: { clientId: client.id } })).toBe(2);
  });

  const faults: [string, Fault, RegExp][] = [
    [
      "429",
      { route: "getConfig", kind: "rate_limit", retryAfterSeconds: 120 },
      /rate-limiting requests; try again in 120 s/,
    ],
    ["500", { route: "getConfig", kind: "server_error" }, /Internal server error/],
    ["a timeout", { route: "getConfig", kind: "timeout" }, /did not answer within/],
    ["malformed JSON", { route: "getConfig", kind: "malformed" }, /not JSON/],
    ["plugin not found", { route: "getConfig", kind: "not_found" }, /WhatsApp plugin not found/],
  ];

  it.each(faults)("keeps the last good snapshot on %s, and says why", async (_label, fault, message) => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    await refreshClientConfig(client.id, t.chakra);
    const before = await latestConfigForClient(client.id);
    t.fake.addFault(fault);
    const result = await refreshClientConfig(client.id, t.chakra);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(message);
    expect(await latestConfigForClient(client.id)).toEqual(before);
    expect(await db.pluginConfigSnapshot.count({ where: { clientId: client.id } })).toBe(1);
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("CONNECTED");
  });

  it("keeps one latest snapshot, and its numbers listed once, when refreshes of a client overlap", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    const config = await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
    // A first snapshot, then later ones: on PostgreSQL each transaction read no latest (or the
    // same one) and added its own, so two or more were "latest" and the overview listed twice.
    for (const round of [0, 1]) {
      await Promise.all(
        Array.from({ length: 4 }, () => storeSnapshot({ clientId: client.id, pluginId: EXAMPLE_PLUGIN_ID, config })),
      );
      expect(
        await db.pluginConfigSnapshot.count({ where: { clientId: client.id, isLatest: true } }),
        `round ${round}`,
      ).toBe(1);
      expect(await db.snapshotPhoneNumber.count({ where: { listed: true } }), `round ${round}`).toBe(1);
    }
    expect(await db.pluginConfigSnapshot.count({ where: { clientId: client.id } })).toBe(8);
  });

  it("keeps an edit made while ChakraHQ answered: the client's search text and stage follow both", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID, "Before Bakery");
    const result = await refreshClientConfig(client.id, t.chakra, {
      read: async (pluginId) => {
        // An admin renames the client while the fetch waits (the row the refresh read is stale).
        await db.client.update({
          where: { id: client.id },
          data: { name: "After Bakery", searchText: "after bakery" },
        });
        return t.chakra.getPluginConfig(pluginId);
      },
    });
    expect(result.ok).toBe(true);
    const row = await db.client.findUniqueOrThrow({ where: { id: client.id } });
    expect(row.name).toBe("After Bakery");
    expect(row.searchText).toContain("after bakery");
    expect(row.searchText).not.toContain("before");
    expect(row.onboardingStatus).toBe("CONNECTED");
  });

  it("records a number leaving CONNECTED and a quality drop on the client's timeline", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    const number = t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!.numbers[0]!.number;
    number.quality_rating = "GREEN";
    await refreshClientConfig(client.id, t.chakra);
    number.status = "FLAGGED";
    number.quality_rating = "RED";
    await refreshClientConfig(client.id, t.chakra);
    const entries = await db.auditLog.findMany({ where: { clientId: client.id }, orderBy: { action: "asc" } });
    const changes = entries.filter((e) => !e.action.startsWith("alert."));
    expect(changes.map((e) => [e.action, e.metadata])).toEqual([
      ["whatsapp.number_status_changed", { number: "+1 555-191-4348", from: "CONNECTED", to: "FLAGGED" }],
      ["whatsapp.quality_dropped", { number: "+1 555-191-4348", from: "GREEN", to: "RED" }],
    ]);
    // Each is an alert too (health-sweep.test.ts has the rest of their story).
    const alerts = entries.filter((e) => e.action === "alert.opened").map((e) => (e.metadata as { key: string }).key);
    expect(alerts.sort()).toEqual([`number-status:${number.id}`, `quality:${number.id}`]);
    expect(await db.client.findUniqueOrThrow({ where: { id: client.id } })).toMatchObject({
      onboardingStatus: "ATTENTION",
    });
  });
});

describe("changing the plugin", () => {
  const settings = {
    passThroughWebhookUrl: "https://hooks.example.com/meta",
    enableMessageEchoesForPassThroughWebhook: false,
    enableSendMessageTemplateEventForPassThroughWebhook: true,
    enableChakraWebhook: true,
    chakraWebhookUrl: "https://hooks.example.com/chakra",
    whichChakraWebhookEventsToSend: ["message"],
  };

  it("updates the webhook settings, re-fetches what ChakraHQ holds, and audits", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    const result = await updateWebhookSettings({ actor, clientId: client.id, settings }, t.chakra);
    expect(result).toMatchObject({ outcome: "done", confirmedBy: "answer", refresh: { ok: true, config: settings } });
    expect((await latestConfigForClient(client.id))?.config).toMatchObject(settings);
    const entries = await db.auditLog.findMany({ where: { clientId: client.id } });
    expect(entries.map((e) => [e.action, e.actorEmail, e.metadata])).toEqual([
      ["whatsapp.webhooks_updated", actor.email, { settings, confirmedBy: "answer" }],
    ]);
  });

  it("reports a refused update and changes nothing", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    await refreshClientConfig(client.id, t.chakra);
    t.fake.addFault({
      route: "updateConfig",
      kind: "error",
      status: 403,
      message: "This API key's role cannot change plugins",
    });
    const result = await updateWebhookSettings({ actor, clientId: client.id, settings }, t.chakra);
    expect(result).toEqual({
      outcome: "not_done",
      confirmedBy: "answer",
      status: 403,
      reason: "This API key's role cannot change plugins",
    });
    expect((await latestConfigForClient(client.id))?.config.passThroughWebhookUrl).toBe("http://localhost:3099/log");
    // ChakraHQ's refusal is its answer: nothing is re-read, and the attempt is on record with it.
    expect(t.fake.requests.filter((r) => r.path.endsWith("/config"))).toHaveLength(1);
    const entries = await db.auditLog.findMany({ where: { clientId: client.id } });
    expect(entries.map((e) => [e.action, e.metadata])).toEqual([
      [
        "whatsapp.webhooks_update_failed",
        { settings, confirmedBy: "answer", reason: "This API key's role cannot change plugins", status: 403 },
      ],
    ]);
  });

  it("disconnects a WABA only when its name is typed, and the client's stage follows", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    await refreshClientConfig(client.id, t.chakra);
    const wabaId = "973055385119463";
    const wrong = await disconnectWaba({ actor, clientId: client.id, wabaId, confirmName: "Sandbox" }, t.chakra);
    expect(wrong).toEqual({
      outcome: "invalid",
      message: 'Type the account\'s name exactly, "Sandbox WhatsApp Business Account", to confirm.',
    });
    expect(t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!.wabas).toHaveLength(1);
    expect(await db.auditLog.count()).toBe(0); // nothing was sent to ChakraHQ

    const done = await disconnectWaba(
      { actor, clientId: client.id, wabaId, confirmName: " Sandbox WhatsApp Business Account " },
      t.chakra,
    );
    expect(done).toMatchObject({ outcome: "done", confirmedBy: "answer", refresh: { ok: true } });
    expect((await latestConfigForClient(client.id))?.config.whatsappBusinessAccounts).toEqual([]);
    // A connection that went away needs the agency.
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("ATTENTION");
    const actions = (await db.auditLog.findMany({ where: { clientId: client.id } })).map((a) => a.action).sort();
    // The account and its number left because the admin asked: on the timeline, but no alert (and
    // so no email) telling the agency to check with the client. Gone by itself, they are alerts
    // (tests/e2e/background.spec.ts, tests/unit/alert-rules.test.ts).
    expect(actions).toEqual(["whatsapp.number_status_changed", "whatsapp.waba_disconnected"]);
    expect(await db.alert.count({ where: { clientId: client.id, status: "OPEN" } })).toBe(0);
  });

  it("a disconnect whose read-back failed is no alert at the next refresh either", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    await refreshClientConfig(client.id, t.chakra);
    t.fake.addFault({ route: "getConfig", kind: "server_error", afterWrite: true });
    const done = await disconnectWaba(
      { actor, clientId: client.id, wabaId: "973055385119463", confirmName: "Sandbox WhatsApp Business Account" },
      t.chakra,
    );
    expect(done).toMatchObject({ outcome: "done", confirmedBy: "answer", refresh: { ok: false } });
    // The page still showed the account; the next refresh (or sweep) sees it gone: what the
    // admin asked for, so no alert and no email about it.
    t.fake.clearFaults();
    expect(await refreshClientConfig(client.id, t.chakra)).toMatchObject({ ok: true, alertsOpened: 0 });
    expect(await db.alert.count({ where: { clientId: client.id } })).toBe(0);
    expect((await latestConfigForClient(client.id))?.config.whatsappBusinessAccounts).toEqual([]);
  });

  it("still alerts about a number that goes without the admin asking", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    await refreshClientConfig(client.id, t.chakra);
    t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!.numbers = [];
    await refreshClientConfig(client.id, t.chakra);
    expect(
      await db.alert.count({ where: { clientId: client.id, status: "OPEN", key: { startsWith: "number-gone:" } } }),
    ).toBe(1);
  });
});

describe("a client's stage when its connection goes away", () => {
  const stageOf = async (id: string) => (await db.client.findUniqueOrThrow({ where: { id } })).onboardingStatus;
  const plugin = () => t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!;
  /** An invited client (it has a link) whose plugin ChakraHQ shows connected. */
  async function connectedInvitedClient() {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    const { linkId } = await createTestLink(client.id);
    // Used: the client connected through it (signup-detection.test.ts connects one for real).
    await db.onboardingLink.update({ where: { id: linkId }, data: { usedAt: new Date() } });
    await refreshClientConfig(client.id, t.chakra);
    expect(await stageOf(client.id)).toBe("CONNECTED");
    return client;
  }

  it("becomes Attention needed when ChakraHQ shows no WABA left, not Invited", async () => {
    const client = await connectedInvitedClient();
    plugin().wabas = [];
    plugin().numbers = [];
    expect(await refreshClientConfig(client.id, t.chakra)).toMatchObject({ ok: true });
    expect(await stageOf(client.id)).toBe("ATTENTION");
    // And stays so on the next refresh, until something is connected again.
    await refreshClientConfig(client.id, t.chakra);
    expect(await stageOf(client.id)).toBe("ATTENTION");
  });

  it("becomes Attention needed when the WABA is still there but all its numbers are gone", async () => {
    const client = await connectedInvitedClient();
    plugin().numbers = [];
    await refreshClientConfig(client.id, t.chakra);
    expect(await stageOf(client.id)).toBe("ATTENTION");
  });

  it("is Connected again once a number is back", async () => {
    const client = await connectedInvitedClient();
    const numbers = plugin().numbers;
    plugin().numbers = [];
    await refreshClientConfig(client.id, t.chakra);
    expect(await stageOf(client.id)).toBe("ATTENTION");
    plugin().numbers = numbers;
    await refreshClientConfig(client.id, t.chakra);
    expect(await stageOf(client.id)).toBe("CONNECTED");
  });

  it("does not flag a plugin that was never connected, nor numbers that have not arrived yet", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID);
    await db.client.update({ where: { id: client.id }, data: { onboardingStatus: "INVITED" } });
    const numbers = plugin().numbers;
    const wabas = plugin().wabas;
    plugin().wabas = [];
    plugin().numbers = [];
    await refreshClientConfig(client.id, t.chakra); // nothing connected yet
    expect(await stageOf(client.id)).toBe("INVITED");
    plugin().wabas = wabas; // the signup attached the account; the number comes a bit later
    await refreshClientConfig(client.id, t.chakra);
    expect(await stageOf(client.id)).toBe("INVITED");
    plugin().numbers = numbers;
    await refreshClientConfig(client.id, t.chakra);
    expect(await stageOf(client.id)).toBe("CONNECTED");
  });
});

describe("the overview", () => {
  /** Harbor Dental (the example plugin, one CONNECTED number) and North Cafe (one PENDING number), each refreshed once. */
  async function twoClientsRefreshed() {
    const connected = await clientWithPlugin(EXAMPLE_PLUGIN_ID, "Harbor Dental");
    const second = t.fake.createPlugin({ name: "second" });
    second.wabas.push({ id: "w2", name: "Second WABA" });
    second.numbers.push({
      wabaId: "w2",
      availableAt: 0,
      number: { id: "p2", display_phone_number: "+44 7700 900123", status: "PENDING", is_on_biz_app: true },
    });
    const pending = await clientWithPlugin(second.id, "North Cafe");
    for (const c of [connected, pending]) await refreshClientConfig(c.id, t.chakra);
    return { connected, pending };
  }

  it("leaves the client's Updated time alone when a refresh changes nothing on its row", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID, "Quiet Refresh");
    await refreshClientConfig(client.id, t.chakra);
    const updatedAt = async () => (await db.client.findUniqueOrThrow({ where: { id: client.id } })).updatedAt;
    const first = await updatedAt();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await refreshClientConfig(client.id, t.chakra);
    expect(await updatedAt()).toEqual(first);
    // A number goes down: the stage changes, and so does the time.
    t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!.numbers[0]!.number.status = "FLAGGED";
    await refreshClientConfig(client.id, t.chakra);
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("ATTENTION");
    expect((await updatedAt()).getTime()).toBeGreaterThan(first.getTime());
  });

  it("lists a connected number whose display name Meta declined under Needs attention, as its client's stage says", async () => {
    const plugin = t.fake.createPlugin({ name: "declined" });
    plugin.wabas.push({ id: "w-declined", name: "Declined WABA" });
    plugin.numbers.push({
      wabaId: "w-declined",
      availableAt: 0,
      number: {
        id: "p-declined",
        display_phone_number: "+91 98200 12345",
        status: "CONNECTED",
        name_status: "declined",
      },
    });
    const client = await clientWithPlugin(plugin.id, "Lotus Declined");
    await refreshClientConfig(client.id, t.chakra);
    expect((await listPhoneNumbers({ filter: "attention" })).rows.map((r) => r.displayPhoneNumber)).toContain(
      "+91 98200 12345",
    );
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("ATTENTION");
  });

  it("lists every latest number, filtered and searched; counts per status", async () => {
    const { connected } = await twoClientsRefreshed();
    await refreshClientConfig(connected.id, t.chakra); // an older snapshot must not count twice

    expect((await listPhoneNumbers({})).total).toBe(2);
    expect((await listPhoneNumbers({ filter: "not_connected" })).rows.map((r) => r.displayPhoneNumber)).toEqual([
      "+44 7700 900123",
    ]);
    expect((await listPhoneNumbers({ filter: "attention" })).rows.map((r) => r.snapshot.client?.name)).toEqual([
      "North Cafe",
    ]);
    expect((await listPhoneNumbers({ filter: "coexistence" })).rows.map((r) => r.displayPhoneNumber)).toEqual([
      "+44 7700 900123",
    ]);
    expect((await listPhoneNumbers({ q: "harbor" })).rows.map((r) => r.displayPhoneNumber)).toEqual([
      "+1 555-191-4348",
    ]);
    expect((await listPhoneNumbers({ q: "7700" })).rows.map((r) => r.snapshot.client?.name)).toEqual(["North Cafe"]);
    // Written without the displayed spaces: found through its client's digits.
    expect((await listPhoneNumbers({ q: "+447700900123" })).rows.map((r) => r.displayPhoneNumber)).toEqual([
      "+44 7700 900123",
    ]);
    // LIKE's wildcards are literal: no number or client here has a % or an _.
    expect((await listPhoneNumbers({ q: "%" })).total).toBe(0);
    expect((await listPhoneNumbers({ q: "77_0" })).total).toBe(0);
    // Paged: one number per page here; a page past the end shows the last one.
    const page1 = await listPhoneNumbers({ pageSize: 1 });
    const page2 = await listPhoneNumbers({ pageSize: 1, page: 2 });
    expect([page1.page, page1.pageCount, page2.page]).toEqual([1, 2, 2]);
    expect([...page1.rows, ...page2.rows].map((r) => r.displayPhoneNumber)).toEqual([
      "+1 555-191-4348",
      "+44 7700 900123",
    ]);
    expect((await listPhoneNumbers({ pageSize: 1, page: 9 })).rows).toEqual(page2.rows);
    expect(await countNumbersByStatus()).toEqual(
      expect.arrayContaining([
        { status: "CONNECTED", count: 1 },
        { status: "PENDING", count: 1 },
      ]),
    );
    // The counts follow the overview's search.
    expect(await countNumbersByStatus({ q: "harbor" })).toEqual([{ status: "CONNECTED", count: 1 }]);
    expect(await countNumbersByStatus({ q: "no such number" })).toEqual([]);
  });

  it("lists an archived client's numbers again once it is restored, and only its latest ones", async () => {
    const client = await clientWithPlugin(EXAMPLE_PLUGIN_ID, "Harbor Dental");
    await refreshClientConfig(client.id, t.chakra);
    const numbers = async () => (await listPhoneNumbers({})).rows.map((r) => r.displayPhoneNumber);
    expect(await numbers()).toEqual(["+1 555-191-4348"]);

    expect(await setClientArchived({ actor, id: client.id, archived: true })).toMatchObject({ ok: true });
    expect(await numbers()).toEqual([]);
    expect(await countNumbersByStatus()).toEqual([]);
    // A refresh while archived keeps its numbers off the overview.
    await refreshClientConfig(client.id, t.chakra);
    expect(await overviewNumbers({})).toMatchObject({ byStatus: [], rows: [], total: 0 });

    expect(await setClientArchived({ actor, id: client.id, archived: false })).toMatchObject({ ok: true });
    await refreshClientConfig(client.id, t.chakra);
    expect(await numbers()).toEqual(["+1 555-191-4348"]);
    // Three snapshots stored: the overview lists the latest one's number once.
    expect(await db.snapshotPhoneNumber.count()).toBe(3);
    expect(await db.snapshotPhoneNumber.count({ where: { listed: true } })).toBe(1);
  });

  it("counts the numbers once: the page's total is the counts' sum, or the filter's own count", async () => {
    await twoClientsRefreshed();

    for (const args of [
      {},
      { filter: "not_connected" as const },
      { q: "harbor" },
      { q: "7700", filter: "coexistence" as const },
    ]) {
      const { byStatus, ...page } = await overviewNumbers({ ...args, pageSize: 1 });
      expect(page).toEqual(await listPhoneNumbers({ ...args, pageSize: 1 }));
      expect(byStatus).toEqual(await countNumbersByStatus({ q: args.q }));
    }
    expect((await overviewNumbers({})).total).toBe(2);
  });
});
