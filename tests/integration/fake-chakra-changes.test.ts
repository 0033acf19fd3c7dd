import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CHANGE_KINDS, changeSchema } from "@/fake-chakra/changes";
import { startFakeChakra } from "@/fake-chakra/server";
import { startFakeChakraForApp } from "@/fake-chakra/start";
import { BUSINESS_APP_DEMO_PLUGIN_ID, EMPTY_DEMO_PLUGIN_ID, EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import { ChakraError } from "@/lib/chakra/errors";
import { parseEnv } from "@/lib/env";
import { fakeChanges, postFakeChange } from "../support/fake-changes";
import { startTestChakra, TEST_TOKEN } from "../support/fake-chakra";

/*
 * The fake's changes after signup (fake-chakra/changes.ts), as the app's own ChakraHQ client
 * reads them back: what a health sweep compares snapshot to snapshot.
 */

const EXAMPLE_WABA = "973055385119463";
const EXAMPLE_NUMBER = "1027729340496751";
const BIZ_APP_NUMBER = "1098237465019283";

let t: Awaited<ReturnType<typeof startTestChakra>>;
let change: ReturnType<typeof fakeChanges>;
const read = (pluginId = EXAMPLE_PLUGIN_ID) => t.chakra.getPluginConfig(pluginId);
const numberOf = async (pluginId: string, id: string) =>
  (await read(pluginId)).whatsappPhoneNumbers.find((n) => n.id === id);

beforeAll(async () => {
  t = await startTestChakra();
  change = fakeChanges({ url: t.fake.url, token: TEST_TOKEN });
});
afterAll(() => t.fake.close());
beforeEach(() => t.fake.store.reset());

/** A plugin after a signup through the fake SDK: a number with the per-number messaging limit. */
async function signedUpPlugin() {
  const { connectToken } = await t.chakra.createConnectToken({ pluginId: EMPTY_DEMO_PLUGIN_ID });
  const response = await fetch(`${t.fake.url}/connect/complete`, {
    method: "POST",
    body: JSON.stringify({ token: connectToken, businessName: "Acme Bakery", phoneNumber: "+44 7700 900123" }),
  });
  const { _data } = (await response.json()) as { _data: { wabaId: string; phoneNumberId: string } };
  return _data;
}

describe("each change shows up in what the app's client reads", () => {
  it("a number leaving CONNECTED", async () => {
    expect((await numberOf(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER))?.status).toBe("CONNECTED");
    await change.numberStatus(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER, "FLAGGED");
    expect((await numberOf(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER))?.status).toBe("FLAGGED");
  });

  it("a quality drop", async () => {
    await change.qualityRating(BUSINESS_APP_DEMO_PLUGIN_ID, BIZ_APP_NUMBER, "RED");
    expect((await numberOf(BUSINESS_APP_DEMO_PLUGIN_ID, BIZ_APP_NUMBER))?.quality_rating).toBe("RED");
  });

  it("a messaging limit drop, in the field the number reports its limit in", async () => {
    // The portfolio's limit (Meta's current field).
    await change.messagingLimit(BUSINESS_APP_DEMO_PLUGIN_ID, BIZ_APP_NUMBER, "TIER_50");
    const bizApp = await numberOf(BUSINESS_APP_DEMO_PLUGIN_ID, BIZ_APP_NUMBER);
    expect(bizApp?.whatsapp_business_manager_messaging_limit).toBe("TIER_50");
    expect(bizApp?.messaging_limit_tier).toBeUndefined();

    // The per-number limit a signup in the fake reports.
    const signup = await signedUpPlugin();
    await change.messagingLimit(EMPTY_DEMO_PLUGIN_ID, signup.phoneNumberId, "TIER_50");
    const signedUp = await numberOf(EMPTY_DEMO_PLUGIN_ID, signup.phoneNumberId);
    expect(signedUp?.messaging_limit_tier).toBe("TIER_50");
    expect(signedUp?.whatsapp_business_manager_messaging_limit).toBeUndefined();

    // No limit reported yet: the portfolio's appears.
    await change.messagingLimit(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER, "TIER_1K");
    expect((await numberOf(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER))?.whatsapp_business_manager_messaging_limit).toBe(
      "TIER_1K",
    );
  });

  it("a rejected display name, with its reason, and its approval later", async () => {
    await change.nameStatus(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER, "DECLINED", "Name is too generic.");
    expect(await numberOf(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER)).toMatchObject({
      name_status: "DECLINED",
      rejection_reason: "Name is too generic.",
    });
    await change.nameStatus(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER, "APPROVED");
    const approved = await numberOf(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER);
    expect(approved?.name_status).toBe("APPROVED");
    expect(approved).not.toHaveProperty("rejection_reason");
  });

  it("a rejected account review", async () => {
    await change.accountReview(EXAMPLE_PLUGIN_ID, EXAMPLE_WABA, "REJECTED");
    expect((await read()).whatsappBusinessAccounts[0]?.account_review_status).toBe("REJECTED");
  });

  it("a number disappearing, its account staying", async () => {
    await change.removeNumber(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER);
    const config = await read();
    expect(config.whatsappPhoneNumbers).toEqual([]);
    expect(config.whatsappBusinessAccounts.map((w) => w.id)).toEqual([EXAMPLE_WABA]);
  });

  it("a WABA disappearing with its numbers", async () => {
    await change.removeWaba(EXAMPLE_PLUGIN_ID, EXAMPLE_WABA);
    const config = await read();
    expect(config.whatsappBusinessAccounts).toEqual([]);
    expect(config.whatsappPhoneNumbers).toEqual([]);
  });

  it("the plugin no longer found", async () => {
    await expect(change.removePlugin(EXAMPLE_PLUGIN_ID)).resolves.toBeNull();
    const error = await read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChakraError);
    expect((error as ChakraError).isPluginNotFound).toBe(true);
  });

  it("restore puts the plugin back as it was before its first change, even once gone", async () => {
    const before = await read();
    await change.numberStatus(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER);
    await change.accountReview(EXAMPLE_PLUGIN_ID, EXAMPLE_WABA);
    await change.removePlugin(EXAMPLE_PLUGIN_ID);
    await change.restore(EXAMPLE_PLUGIN_ID);
    expect(await read()).toEqual(before);
  });

  it("answers the configuration as it is after the change", async () => {
    const config = await change.numberStatus(EXAMPLE_PLUGIN_ID, EXAMPLE_NUMBER, "RESTRICTED");
    expect(config).toEqual(await read());
  });

  it("keeps changes, and what restore needs, across a restart", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "fake-chakra-changes-"));
    try {
      const stateFile = path.join(dir, "state.json");
      const first = await startFakeChakra({ token: TEST_TOKEN, stateFile });
      await fakeChanges({ url: first.url, token: TEST_TOKEN }).removePlugin(EXAMPLE_PLUGIN_ID);
      await first.close();
      const second = await startFakeChakra({ token: TEST_TOKEN, stateFile });
      try {
        expect(second.store.state.plugins[EXAMPLE_PLUGIN_ID]).toBeUndefined();
        await fakeChanges({ url: second.url, token: TEST_TOKEN }).restore(EXAMPLE_PLUGIN_ID);
        expect(second.store.state.plugins[EXAMPLE_PLUGIN_ID]?.wabas).toHaveLength(1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("bad input is refused, and changes nothing", () => {
  const cases: [string, string | Record<string, unknown>, RegExp][] = [
    ["no kind", {}, /kind must be one of: number_status, quality_rating/],
    ["an unknown kind", { kind: "explode" }, /kind must be one of/],
    ["a missing number id", { kind: "number_status", status: "FLAGGED" }, /phoneNumberId/],
    ["an empty number id", { kind: "quality_rating", phoneNumberId: "  ", rating: "RED" }, /phoneNumberId is required/],
    [
      "a status Meta does not have",
      { kind: "number_status", phoneNumberId: EXAMPLE_NUMBER, status: "ON_FIRE" },
      /status/,
    ],
    ["a quality in lower case", { kind: "quality_rating", phoneNumberId: EXAMPLE_NUMBER, rating: "red" }, /rating/],
    ["an unknown tier", { kind: "messaging_limit", phoneNumberId: EXAMPLE_NUMBER, tier: "TIER_3" }, /tier/],
    ["a review status as a number", { kind: "account_review", wabaId: EXAMPLE_WABA, status: 1 }, /status/],
    ["a field the change does not take", { kind: "remove_plugin", everything: true }, /everything/],
    ["a body that is not JSON", "{kind:", /must be a JSON object/],
  ];
  it.each(cases)("%s: 400", async (_, body, message) => {
    const before = structuredClone(t.fake.store.state);
    const answer = await postFakeChange({ url: t.fake.url, token: TEST_TOKEN }, EXAMPLE_PLUGIN_ID, body);
    expect(answer).toMatchObject({ ok: false, status: 400 });
    expect(answer.ok ? "" : answer.error).toMatch(message);
    expect(t.fake.store.state).toEqual(before);
  });

  it("a plugin, number or WABA the fake does not hold: 404; nothing to restore: 409", async () => {
    const fake = { url: t.fake.url, token: TEST_TOKEN };
    const before = structuredClone(t.fake.store.state);
    expect(await postFakeChange(fake, "no-such-plugin", { kind: "remove_plugin" })).toMatchObject({
      status: 404,
      error: "No plugin with this id in the fake.",
    });
    expect(
      await postFakeChange(fake, EXAMPLE_PLUGIN_ID, { kind: "number_status", phoneNumberId: "1", status: "FLAGGED" }),
    ).toMatchObject({ status: 404, error: "No phone number with this id on the plugin." });
    expect(await postFakeChange(fake, EXAMPLE_PLUGIN_ID, { kind: "remove_waba", wabaId: "1" })).toMatchObject({
      status: 404,
      error: "No WABA with this id on the plugin.",
    });
    expect(await postFakeChange(fake, EXAMPLE_PLUGIN_ID, { kind: "restore" })).toMatchObject({
      status: 409,
      error: "This plugin has no change to undo.",
    });
    expect(t.fake.store.state).toEqual(before);
  });

  it("without the bearer token: 401", async () => {
    const answer = await postFakeChange({ url: t.fake.url, token: "wrong" }, EXAMPLE_PLUGIN_ID, {
      kind: "remove_plugin",
    });
    expect(answer).toMatchObject({ ok: false, status: 401 });
    expect(t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]).toBeDefined();
  });

  it("names every kind in its refusal", () => {
    expect(CHANGE_KINDS).toEqual(changeSchema.options.map((o) => o.shape.kind.value));
  });
});

describe("the demo page", () => {
  let demo: Awaited<ReturnType<typeof startFakeChakra>>;
  let demoClient: Awaited<ReturnType<typeof startTestChakra>>["chakra"];
  beforeAll(async () => {
    ({ fake: demo, chakra: demoClient } = await startTestChakra({ demoPage: true, appUrl: "http://localhost:3000" }));
  });
  afterAll(() => demo.close());
  afterEach(() => demo.store.reset());

  const post = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
    fetch(`${demo.url}/demo/change`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams(fields),
    });
  const follow = async (response: Response) =>
    fetch(new URL(response.headers.get("location")!, demo.url)).then((r) => r.text());

  it("is not served unless asked for (the tests' fake, a real ChakraHQ's absence)", async () => {
    expect((await fetch(`${t.fake.url}/demo`)).status).toBe(404);
    const plain = await fetch(`${t.fake.url}/demo/change`, { method: "POST", body: "kind=remove_plugin" });
    expect(plain.status).toBe(404);
  });

  it("is served by the fake npm run dev starts, with links to the app", async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const dir = mkdtempSync(path.join(tmpdir(), "fake-chakra-dev-"));
    const dev = await startFakeChakraForApp(
      parseEnv({ FAKE_CHAKRA_PORT: String(port), FAKE_CHAKRA_STATE_FILE: path.join(dir, "state.json") }),
    );
    try {
      const response = await fetch(`${dev.url}/demo`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain("Simulate changes after signup");
    } finally {
      await dev.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("lists the plugins, their accounts and numbers, with a button per change", async () => {
    const html = await fetch(`${demo.url}/demo`).then((r) => r.text());
    expect(html).toContain("Sandbox plugin (documented example)");
    expect(html).toContain("Sandbox WhatsApp Business Account");
    expect(html).toContain("+1 555-191-4348");
    for (const label of [
      "Number leaves CONNECTED",
      "Quality drops",
      "Messaging limit drops",
      "Account review rejected",
      "Display name rejected",
      "Number disappears",
      "WABA disappears",
      "Plugin no longer found",
    ]) {
      expect(html).toContain(`>${label}<span class="sr">`);
    }
    expect(html).toContain('href="http://localhost:3000/dev/outbox"');
    // The third demo plugin's display name is already rejected: that button is off.
    expect(html).toMatch(/disabled title="The display name is already rejected.">Display name rejected/);
  });

  it("applies a button's change, which the app's client then reads, and says so", async () => {
    const response = await post({
      pluginId: EXAMPLE_PLUGIN_ID,
      kind: "number_status",
      phoneNumberId: EXAMPLE_NUMBER,
      status: "DISCONNECTED",
    });
    expect(response.status).toBe(303);
    expect(await follow(response)).toContain("+1 555-191-4348 is now DISCONNECTED.");
    const config = await demoClient.getPluginConfig(EXAMPLE_PLUGIN_ID);
    expect(config.whatsappPhoneNumbers[0]).toMatchObject({ status: "DISCONNECTED" });
    // And Restore is offered now.
    expect(await follow(response)).toContain(">Restore<span");
  });

  it("refuses a bad form with a message, changing nothing", async () => {
    const before = structuredClone(demo.store.state);
    const response = await post({
      pluginId: EXAMPLE_PLUGIN_ID,
      kind: "quality_rating",
      phoneNumberId: EXAMPLE_NUMBER,
      rating: "PURPLE",
    });
    expect(response.status).toBe(303);
    expect(await follow(response)).toMatch(/class="notice error" role="alert">rating: Invalid option/);
    expect(demo.store.state).toEqual(before);
  });

  it("refuses a form posted from another site", async () => {
    const before = structuredClone(demo.store.state);
    const response = await post(
      { pluginId: EXAMPLE_PLUGIN_ID, kind: "remove_plugin" },
      { Origin: "http://evil.example" },
    );
    expect(response.status).toBe(403);
    expect(demo.store.state).toEqual(before);
  });

  it("escapes what it shows", async () => {
    demo.createPlugin({ name: '<img src=x onerror="alert(1)">' });
    const html = await fetch(`${demo.url}/demo`).then((r) => r.text());
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x");
  });
});
