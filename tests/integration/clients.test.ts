import path from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { EMPTY_DEMO_PLUGIN_ID, EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import { ChakraError, mayHaveApplied } from "@/lib/chakra";
import { createChakraClient } from "@/lib/chakra/client";
import { describeHistory } from "@/lib/clients/history";
import { db } from "@/lib/db";
import { exportClientsCsv } from "@/lib/data/clients/export";
import { IMPORT_MAX_PLUGIN_CHECKS, importClients, previewImport } from "@/lib/data/clients/import";
import { clientsListPage, countClientsByStatus, listClients } from "@/lib/data/clients/list";
import { checkPlugin } from "@/lib/data/clients/plugin-check";
import { createClient, setClientArchived, updateClient } from "@/lib/data/clients/records";
import { SEARCH_TEXT_MAX_BYTES } from "@/lib/data/clients/search-text";
import { mintConnectTokenForClient, releasePluginHold, type ClientMint } from "@/lib/data/onboarding/mint";
import { storeSnapshot } from "@/lib/data/snapshots";
import { clientListQuerySchema } from "@/lib/validations/clients";
import { startTestChakra, TEST_TOKEN } from "../support/fake-chakra";

/* The clients data layer, on whichever database the suite runs on (SQLite, then PostgreSQL in CI). */

let actor: { id: string; email: string };
let t: Awaited<ReturnType<typeof startTestChakra>>;
let n = 0;
const unique = (label: string) => `${label}-${Date.now().toString(36)}-${n++}`;

const input = (overrides: Partial<Parameters<typeof createClient>[0]["input"]> = {}) => {
  const ref = unique("client");
  return {
    name: `Client ${ref}`,
    contactName: "Ana",
    contactEmail: `${ref}@example.com`,
    clientReferenceId: ref,
    notes: "",
    pluginId: null,
    ...overrides,
  };
};
const query = (q: Record<string, string> = {}) => clientListQuerySchema.parse(q);

/** The token of a mint that went through (fails the test otherwise). */
function tokenOf(minted: ClientMint) {
  if (!minted.ok) throw new Error(`not minted: ${minted.reason}`);
  return minted.token;
}

beforeAll(async () => {
  t = await startTestChakra();
});
afterAll(() => t.fake.close());
beforeEach(async () => {
  await db.pluginConfigSnapshot.deleteMany();
  await db.auditLog.deleteMany();
  await db.client.deleteMany();
  const user = await db.user.upsert({
    where: { email: "clients-admin@test.example" },
    create: { email: "clients-admin@test.example", role: "ADMIN" },
    update: {},
  });
  actor = { id: user.id, email: user.email };
});

describe("saving clients", () => {
  it("stores names with quotes, emoji, RTL text and markup exactly, and audits the creation", async () => {
    const name = `O'Brien "Café" 🚀 مطعم <img src=x>`;
    const result = await createClient({ actor, input: input({ name }), pluginVerified: false });
    expect(result.ok).toBe(true);
    const saved = await db.client.findUniqueOrThrow({ where: { id: (result as { id: string }).id } });
    expect(saved.name).toBe(name);
    expect(await db.auditLog.count({ where: { clientId: saved.id, action: "client.created" } })).toBe(1);
  });

  it("refuses a duplicate reference or plugin with a field error, writing nothing", async () => {
    const first = input({ pluginId: EXAMPLE_PLUGIN_ID });
    await createClient({ actor, input: first, pluginVerified: true });
    const before = await db.auditLog.count();
    expect(
      await createClient({
        actor,
        input: input({ clientReferenceId: first.clientReferenceId }),
        pluginVerified: false,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { clientReferenceId: ["Another client already has this reference."] },
    });
    const owner = `${first.name} (${first.clientReferenceId})`;
    expect(
      await createClient({ actor, input: input({ pluginId: EXAMPLE_PLUGIN_ID }), pluginVerified: true }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { pluginId: [`This plugin already belongs to ${owner}: one plugin, one client.`] },
    });
    expect(await db.client.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(before);
  });

  it("names the client a plugin already belongs to, archived or not, when another client is mapped to it", async () => {
    const first = input({ name: "Blue Harbor Dental", pluginId: EXAMPLE_PLUGIN_ID });
    const owner = (await createClient({ actor, input: first, pluginVerified: true })) as { id: string };
    const other = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    const current = await db.client.findUniqueOrThrow({ where: { id: other.id } });
    const mapTo = () =>
      updateClient({
        actor,
        id: other.id,
        input: { ...current, pluginId: EXAMPLE_PLUGIN_ID },
        confirmPluginChange: false,
        pluginVerified: true,
      });
    expect(await mapTo()).toMatchObject({
      ok: false,
      message: `This plugin already belongs to Blue Harbor Dental (${first.clientReferenceId}): one plugin, one client.`,
    });
    await setClientArchived({ actor, id: owner.id, archived: true });
    expect(await mapTo()).toMatchObject({
      ok: false,
      message: `This plugin already belongs to Blue Harbor Dental (${first.clientReferenceId}, archived): one plugin, one client.`,
    });
    expect((await db.client.findUniqueOrThrow({ where: { id: other.id } })).pluginId).toBeNull();
  });

  it("needs a confirmation to change or remove a plugin, and audits the change", async () => {
    const created = (await createClient({
      actor,
      input: input({ pluginId: EXAMPLE_PLUGIN_ID }),
      pluginVerified: true,
    })) as { id: string };
    const current = await db.client.findUniqueOrThrow({ where: { id: created.id } });
    const next = { ...current, notes: current.notes, pluginId: EMPTY_DEMO_PLUGIN_ID };
    const refused = await updateClient({
      actor,
      id: created.id,
      input: next,
      confirmPluginChange: false,
      pluginVerified: true,
    });
    expect(refused).toMatchObject({
      ok: false,
      fieldErrors: { confirmPluginChange: [expect.stringMatching(/tick the box/)] },
    });
    expect((await db.client.findUniqueOrThrow({ where: { id: created.id } })).pluginId).toBe(EXAMPLE_PLUGIN_ID);

    expect(
      await updateClient({ actor, id: created.id, input: next, confirmPluginChange: true, pluginVerified: false }),
    ).toEqual({ ok: true, id: created.id });
    const after = await db.client.findUniqueOrThrow({ where: { id: created.id } });
    expect(after).toMatchObject({ pluginId: EMPTY_DEMO_PLUGIN_ID, pluginVerifiedAt: null, pluginMappedById: actor.id });
    expect(
      await db.auditLog.findFirst({ where: { clientId: created.id, action: "client.plugin_changed" } }),
    ).toMatchObject({
      metadata: { from: EXAMPLE_PLUGIN_ID, to: EMPTY_DEMO_PLUGIN_ID, verified: false },
    });
  });

  it("archives instead of deleting, and restores", async () => {
    const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    expect(await setClientArchived({ actor, id: created.id, archived: true })).toEqual({ ok: true, id: created.id });
    expect(await setClientArchived({ actor, id: created.id, archived: true })).toMatchObject({ ok: false });
    expect((await listClients(query())).rows.map((r) => r.id)).not.toContain(created.id);
    expect((await listClients(query({ status: "ARCHIVED" }))).rows.map((r) => r.id)).toEqual([created.id]);
    await setClientArchived({ actor, id: created.id, archived: false });
    expect((await listClients(query())).rows.map((r) => r.id)).toContain(created.id);
  });
});

describe("checking a plugin with ChakraHQ", () => {
  it("tells known, unknown and unreachable apart", async () => {
    expect((await checkPlugin(EXAMPLE_PLUGIN_ID, t.chakra)).status).toBe("verified");
    expect(await checkPlugin("00000000-0000-4000-8000-000000000000", t.chakra)).toMatchObject({ status: "not_found" });
    t.fake.addFault({ route: "getConfig", kind: "server_error" });
    expect(await checkPlugin(EXAMPLE_PLUGIN_ID, t.chakra)).toMatchObject({ status: "unreachable" });
    t.fake.clearFaults();
  });
});

describe("finding clients", () => {
  it("searches every field and, once known, phone numbers, case-insensitively", async () => {
    const acme = (await createClient({
      actor,
      input: input({ name: "ACME Bakery", contactName: "Zoë Lima" }),
      pluginVerified: false,
    })) as { id: string };
    const other = (await createClient({
      actor,
      input: input({ name: "Blue Harbor Dental", pluginId: EXAMPLE_PLUGIN_ID }),
      pluginVerified: true,
    })) as { id: string };
    const config = await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
    await storeSnapshot({ clientId: other.id, pluginId: EXAMPLE_PLUGIN_ID, config });

    const ids = async (q: string) => (await listClients(query({ q }))).rows.map((r) => r.id);
    expect(await ids("acme bak")).toEqual([acme.id]);
    expect(await ids("zoë")).toEqual([acme.id]);
    expect(await ids("d83e1d23")).toEqual([other.id]);
    expect(await ids("555-191")).toEqual([other.id]);
    expect(await ids("15551914348")).toEqual([other.id]);
    // A number written otherwise than ChakraHQ displays it.
    expect(await ids("+15551914348")).toEqual([other.id]);
    expect(await ids("+1 (555) 191 4348")).toEqual([other.id]);
    // A short run of digits starts a word: "14" is not found inside the number's digits.
    expect(await ids("dental 14")).toEqual([]);
    const shop = (await createClient({ actor, input: input({ name: "Shop 14" }), pluginVerified: false })) as {
      id: string;
    };
    expect(await ids("14")).toEqual([shop.id]);
    expect(await ids("4348")).toEqual([other.id]);
    expect(await ids("nothing-like-this")).toEqual([]);
  });

  it("keeps a client with hundreds of numbers savable on both databases, and findable by its first ones", async () => {
    const many = (await createClient({
      actor,
      input: input({ name: "Many Numbers Co", pluginId: EXAMPLE_PLUGIN_ID }),
      pluginVerified: true,
    })) as { id: string };
    const config = await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
    const template = config.whatsappPhoneNumbers[0]!;
    // Digits that do not repeat (PostgreSQL compresses an index entry before it checks the size).
    let seed = 7;
    const digits = (count: number) =>
      Array.from({ length: count }, () => ((seed = (seed * 48271) % 2147483647), seed % 10)).join("");
    const numbers = Array.from({ length: 300 }, (_, i) => ({
      ...template,
      id: `bulk-${i}`,
      display_phone_number: i === 0 ? "+44 7700 900000" : `+${digits(2)} ${digits(4)} ${digits(6)}`,
    }));
    // Too long for one index entry on PostgreSQL (2,704 bytes) if every number went in.
    await storeSnapshot({
      clientId: many.id,
      pluginId: EXAMPLE_PLUGIN_ID,
      config: { ...config, whatsappPhoneNumbers: numbers },
    });

    const row = await db.client.findUniqueOrThrow({ where: { id: many.id }, select: { searchText: true } });
    expect(Buffer.byteLength(row.searchText)).toBeLessThanOrEqual(SEARCH_TEXT_MAX_BYTES);
    const ids = async (q: string) => (await listClients(query({ q }))).rows.map((r) => r.id);
    expect(await ids("many numbers")).toEqual([many.id]);
    expect(await ids("+44 7700 900000")).toEqual([many.id]);
    expect(await ids("447700900000")).toEqual([many.id]);
    // The client's own fields always fit, however long each one is.
    const wide = "語".repeat(200);
    const long = (await createClient({
      actor,
      input: input({ name: wide, contactName: wide }),
      pluginVerified: false,
    })) as { id: string };
    expect(await ids(wide)).toEqual([long.id]);
  });

  it("takes %, _ and \\ in a search as the characters they are, not as LIKE's wildcards or escape", async () => {
    const create = async (name: string) =>
      ((await createClient({ actor, input: input({ name }), pluginVerified: false })) as { id: string }).id;
    const sale = await create("50% Off Shoes");
    const underscore = await create("Shop_7 Tiles");
    const backslash = await create("Back\\slash Bikes");
    await create("Shop 7 Tiles, 500 Offers, Back slash");

    const ids = async (q: string) => (await listClients(query({ q }))).rows.map((r) => r.id);
    expect(await ids("50%")).toEqual([sale]);
    expect(await ids("%")).toEqual([sale]);
    expect(await ids("shop_7")).toEqual([underscore]);
    expect(await ids("_")).toEqual([underscore]);
    expect(await ids("back\\slash")).toEqual([backslash]);
    expect(await ids("\\%")).toEqual([]);
    expect(await countClientsByStatus({ q: "%" })).toMatchObject({ NOT_INVITED: 1 });
  });

  it("filters by stage, sorts, and pages on the server", async () => {
    for (const name of ["Charlie", "alpha", "Bravo", "Delta", "Echo"]) {
      await createClient({ actor, input: input({ name }), pluginVerified: false });
    }
    const connected = await db.client.findFirstOrThrow({ where: { name: "Delta" } });
    await db.client.update({ where: { id: connected.id }, data: { onboardingStatus: "CONNECTED" } });

    expect((await listClients(query({ status: "CONNECTED" }))).rows.map((r) => r.name)).toEqual(["Delta"]);
    const page1 = await listClients(query({ sort: "createdAt", dir: "desc" }), 2);
    expect(page1).toMatchObject({ total: 5, page: 1, pageCount: 3 });
    expect(page1.rows.map((r) => r.name)).toEqual(["Echo", "Delta"]);
    const last = await listClients(query({ sort: "createdAt", dir: "desc", page: "9" }), 2);
    expect(last.page).toBe(3);
    expect(last.rows.map((r) => r.name)).toEqual(["Charlie"]);
  });

  it("counts clients per stage, only those a search finds when there is one", async () => {
    for (const name of ["Harbour Tiles", "Harbour Nets", "Meadow Honey", "Harbour Old"]) {
      await createClient({ actor, input: input({ name }), pluginVerified: false });
    }
    const byName = (name: string) => db.client.findFirstOrThrow({ where: { name } });
    await db.client.update({ where: { id: (await byName("Harbour Nets")).id }, data: { onboardingStatus: "INVITED" } });
    await db.client.update({
      where: { id: (await byName("Meadow Honey")).id },
      data: { onboardingStatus: "CONNECTED" },
    });
    await setClientArchived({ actor, id: (await byName("Harbour Old")).id, archived: true });

    expect(await countClientsByStatus({ q: "HARBOUR" })).toEqual({
      NOT_INVITED: 1,
      INVITED: 1,
      OPENED: 0,
      CONNECTED: 0,
      ATTENTION: 0,
      ARCHIVED: 1,
    });
    expect(await countClientsByStatus({ q: "meadow honey" })).toMatchObject({ CONNECTED: 1, NOT_INVITED: 0 });
    expect(await countClientsByStatus()).toMatchObject({ NOT_INVITED: 1, INVITED: 1, CONNECTED: 1, ARCHIVED: 1 });
  });

  it("gives the clients page its rows, total, stage counts and whether there is any client, from the one count", async () => {
    // A brand-new agency: no client at all, searched or not.
    expect(await clientsListPage(query())).toMatchObject({ total: 0, anyClient: false });
    expect(await clientsListPage(query({ q: "harbour" }))).toMatchObject({ total: 0, anyClient: false });

    for (const name of ["Harbour Tiles", "Harbour Nets", "Meadow Honey", "Harbour Old"]) {
      await createClient({ actor, input: input({ name }), pluginVerified: false });
    }
    const byName = (name: string) => db.client.findFirstOrThrow({ where: { name } });
    await db.client.update({
      where: { id: (await byName("Meadow Honey")).id },
      data: { onboardingStatus: "CONNECTED" },
    });
    await setClientArchived({ actor, id: (await byName("Harbour Old")).id, archived: true });

    const names = (page: { rows: { name: string }[] }) => page.rows.map((r) => r.name);
    const all = await clientsListPage(query());
    expect(all).toMatchObject({ total: 3, page: 1, pageCount: 1, anyClient: true });
    expect(all.counts).toEqual(await countClientsByStatus());
    expect(names(all)).toEqual(["Harbour Nets", "Harbour Tiles", "Meadow Honey"]);

    const searched = await clientsListPage(query({ q: "harbour", page: "2" }), 1);
    expect(searched).toMatchObject({ total: 2, page: 2, pageCount: 2, anyClient: true });
    expect(searched.counts).toEqual(await countClientsByStatus({ q: "harbour" }));
    expect(names(searched)).toEqual(["Harbour Tiles"]);

    const archived = await clientsListPage(query({ q: "harbour", status: "ARCHIVED" }));
    expect(archived).toMatchObject({ total: 1, anyClient: true });
    expect(names(archived)).toEqual(["Harbour Old"]);
    const connected = await clientsListPage(query({ status: "CONNECTED" }));
    expect(connected).toMatchObject({ total: 1, anyClient: true });
    expect(names(connected)).toEqual(["Meadow Honey"]);
    expect(await clientsListPage(query({ q: "nothing-like-this" }))).toMatchObject({
      total: 0,
      rows: [],
      anyClient: true,
    });

    // Only archived clients left: a search that finds none still knows there are clients.
    for (const name of ["Harbour Tiles", "Harbour Nets", "Meadow Honey"]) {
      await setClientArchived({ actor, id: (await byName(name)).id, archived: true });
    }
    expect(await clientsListPage(query({ q: "nothing-like-this" }))).toMatchObject({ total: 0, anyClient: true });
    expect(await clientsListPage(query())).toMatchObject({ total: 0, anyClient: true });
  });
});

describe("connect tokens for a client without a plugin", () => {
  it("create one plugin, however many mints start at once", async () => {
    const created = (await createClient({ actor, input: input({ name: "Concurrent Co" }), pluginVerified: false })) as {
      id: string;
    };
    const pluginsBefore = Object.keys(t.fake.store.state.plugins).length;
    t.fake.addFault({ route: "createConnectToken", kind: "latency", latencyMs: 300, times: 1 });
    const mints = await Promise.all([1, 2, 3].map(() => mintConnectTokenForClient(created.id, { chakra: t.chakra })));
    const pluginIds = new Set(mints.map((minted) => tokenOf(minted).claims.pluginId));
    expect(pluginIds.size).toBe(1);
    expect(Object.keys(t.fake.store.state.plugins).length).toBe(pluginsBefore + 1);
    const client = await db.client.findUniqueOrThrow({ where: { id: created.id } });
    expect(client).toMatchObject({ pluginId: [...pluginIds][0], pluginMintStartedAt: null, pluginMintOwner: null });
    expect(t.fake.store.state.plugins[client.pluginId!]).toMatchObject({
      clientName: "Concurrent Co",
      clientReferenceId: client.clientReferenceId,
    });
    expect(await db.auditLog.count({ where: { clientId: created.id, action: "client.plugin_created" } })).toBe(1);
  });

  it("releases the claim when ChakraHQ refuses, so the next mint can try again", async () => {
    const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    t.fake.addFault({
      route: "createConnectToken",
      kind: "error",
      status: 402,
      message: "Upgrade to a paid plan",
      times: 1,
    });
    await expect(mintConnectTokenForClient(created.id, { chakra: t.chakra })).rejects.toMatchObject({ status: 402 });
    expect(await db.client.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      pluginMintStartedAt: null,
      pluginMintOwner: null,
      pluginHoldAt: null,
    });
    const token = tokenOf(await mintConnectTokenForClient(created.id, { chakra: t.chakra }));
    expect((await db.client.findUniqueOrThrow({ where: { id: created.id } })).pluginId).toBe(token.claims.pluginId);
  });
});

const TOKEN_PATH = "/v1/ext/whatsapp-partner/create-connect-token";
type TestChakra = Awaited<ReturnType<typeof startTestChakra>>;
/** The plugins a fake ChakraHQ holds for a client reference. */
const pluginsAt = (at: TestChakra, reference: string) =>
  Object.values(at.fake.store.state.plugins).filter((p) => p.clientReferenceId === reference);
/** Connect-token requests the fake has answered. */
const tokenRequests = (at: TestChakra) => at.fake.requests.filter((r) => r.path === TOKEN_PATH).length;

describe("a new-plugin request whose outcome is unknown", () => {
  // A client that gives up after 300 ms, so that an answer can come too late.
  let q: TestChakra;
  beforeAll(async () => {
    q = await startTestChakra({}, { timeoutMs: 300, maxRetries: 0 });
  });
  afterAll(() => q.fake.close());
  afterEach(() => q.fake.clearFaults());

  /** A client whose first new-plugin request ChakraHQ carried out, but answered after the app gave up. */
  async function heldClient() {
    const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    q.fake.addFault({ route: "createConnectToken", kind: "late_answer", times: 1 });
    const minted = await mintConnectTokenForClient(created.id, { chakra: q.chakra });
    return { ...(await db.client.findUniqueOrThrow({ where: { id: created.id } })), minted };
  }

  it("holds further new-plugin requests: however often the client tries, no second plugin is asked for", async () => {
    const client = await heldClient();
    const reference = client.clientReferenceId;
    expect(client.minted).toEqual({
      ok: false,
      reason: "held",
      hold: { since: client.pluginHoldAt, reference, reason: expect.stringMatching(/did not answer/) },
    });
    expect(pluginsAt(q, reference)).toHaveLength(1);
    expect(client).toMatchObject({ pluginId: null, pluginHoldReference: reference, pluginMintOwner: null });

    const asked = tokenRequests(q);
    const again = await Promise.all([1, 2, 3].map(() => mintConnectTokenForClient(client.id, { chakra: q.chakra })));
    again.push(await mintConnectTokenForClient(client.id, { chakra: q.chakra }));
    for (const minted of again) expect(minted).toMatchObject({ ok: false, reason: "held", hold: { reference } });
    expect(pluginsAt(q, reference)).toHaveLength(1);
    expect(tokenRequests(q)).toBe(asked);
    const entries = await db.auditLog.findMany({
      where: { clientId: client.id, action: "client.plugin_mint_unknown" },
    });
    expect(entries.map((e) => e.metadata)).toEqual([
      { clientReferenceId: reference, reason: expect.stringMatching(/did not answer/) },
    ]);
  });

  it("keeps the reference the lost request used when the client's reference is changed", async () => {
    const client = await heldClient();
    const { minted: _minted, ...current } = client;
    expect(
      await updateClient({
        actor,
        id: client.id,
        input: { ...current, clientReferenceId: unique("renamed") },
        confirmPluginChange: false,
        pluginVerified: false,
      }),
    ).toEqual({ ok: true, id: client.id });
    expect(await mintConnectTokenForClient(client.id, { chakra: q.chakra })).toMatchObject({
      ok: false,
      reason: "held",
      hold: { reference: client.clientReferenceId },
    });
  });

  it("is settled by mapping the plugin ChakraHQ created: tokens are then minted for that plugin", async () => {
    const client = await heldClient();
    const reference = client.clientReferenceId;
    const [created] = pluginsAt(q, reference);
    const { minted: _minted, ...current } = client;
    expect(
      await updateClient({
        actor,
        id: client.id,
        input: { ...current, pluginId: created!.id },
        confirmPluginChange: false,
        pluginVerified: true,
      }),
    ).toEqual({ ok: true, id: client.id });
    expect(await db.client.findUniqueOrThrow({ where: { id: client.id } })).toMatchObject({
      pluginId: created!.id,
      pluginHoldAt: null,
      pluginHoldReference: null,
    });
    const token = tokenOf(await mintConnectTokenForClient(client.id, { chakra: q.chakra }));
    expect(token.claims.pluginId).toBe(created!.id);
    expect(pluginsAt(q, reference)).toHaveLength(1);
    const mapped = await db.auditLog.findFirstOrThrow({
      where: { clientId: client.id, action: "client.plugin_mapped" },
    });
    expect(describeHistory(mapped.action, mapped.metadata)).toBe(
      `Plugin ${created!.id} mapped, lifting the hold on new plugins (reference ${reference})`,
    );
  });

  it("is released only explicitly and only as the admin saw it; the next mint then asks for a new plugin", async () => {
    const client = await heldClient();
    const reference = client.clientReferenceId;
    expect(await releasePluginHold({ actor, id: client.id, reference: "another-reference" })).toMatchObject({
      ok: false,
    });
    expect(await mintConnectTokenForClient(client.id, { chakra: q.chakra })).toMatchObject({
      ok: false,
      reason: "held",
    });

    expect(await releasePluginHold({ actor, id: client.id, reference })).toEqual({ ok: true, id: client.id });
    expect(
      await db.auditLog.findFirst({ where: { clientId: client.id, action: "client.plugin_hold_released" } }),
    ).toMatchObject({ actorEmail: actor.email, metadata: { clientReferenceId: reference } });
    const token = tokenOf(await mintConnectTokenForClient(client.id, { chakra: q.chakra }));
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).pluginId).toBe(token.claims.pluginId);
    // The admin chose a new plugin over the one ChakraHQ may have created: both exist, knowingly.
    expect(pluginsAt(q, reference)).toHaveLength(2);
    expect(await releasePluginHold({ actor, id: client.id, reference })).toMatchObject({ ok: false });
  });

  it("follows a 5xx, an unreadable answer or a cut connection; not a refusal before sending", async () => {
    for (const kind of ["server_error", "malformed"] as const) {
      const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
      q.fake.addFault({ route: "createConnectToken", kind, times: 1 });
      expect(await mintConnectTokenForClient(created.id, { chakra: q.chakra }), kind).toMatchObject({
        ok: false,
        reason: "held",
      });
    }

    const withCode = (code: string) =>
      new ChakraError({
        kind: "network",
        operation: `POST ${TOKEN_PATH}`,
        cause: new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) }),
      });
    expect(mayHaveApplied(withCode("ECONNRESET"))).toBe(true);
    expect(mayHaveApplied(withCode("ECONNREFUSED"))).toBe(false);

    // Nothing listens on a closed port: the request never left, so ChakraHQ cannot have a plugin.
    const gone = await startTestChakra();
    await gone.fake.close();
    const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    await expect(mintConnectTokenForClient(created.id, { chakra: gone.chakra })).rejects.toMatchObject({
      kind: "network",
    });
    expect(await db.client.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      pluginHoldAt: null,
      pluginMintOwner: null,
    });
  });
});

describe("the new-plugin lock", () => {
  /** Writes the lock as another process holds it, or as it was left by one that died. */
  async function lockAs(
    clientId: string,
    { owner, heartbeatAgoMs, sent }: { owner: string; heartbeatAgoMs: number; sent?: string },
  ) {
    const at = new Date(Date.now() - heartbeatAgoMs);
    await db.client.update({
      where: { id: clientId },
      data: {
        pluginMintOwner: owner,
        pluginMintStartedAt: at,
        pluginMintHeartbeatAt: at,
        pluginMintSentAt: sent ? at : null,
        pluginMintReference: sent ?? null,
      },
    });
  }

  it("left by a process that died before asking ChakraHQ is taken over at once", async () => {
    const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    await lockAs(created.id, { owner: "crashed-host/4242/attempt", heartbeatAgoMs: 10_000 });
    const token = tokenOf(await mintConnectTokenForClient(created.id, { chakra: t.chakra, waitMs: 0 }));
    const client = await db.client.findUniqueOrThrow({ where: { id: created.id } });
    expect(client).toMatchObject({ pluginId: token.claims.pluginId, pluginMintOwner: null, pluginHoldAt: null });
    expect(pluginsAt(t, client.clientReferenceId)).toHaveLength(1);
  });

  it("left by a process that died while ChakraHQ was answering becomes a hold, without asking again", async () => {
    const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    await lockAs(created.id, { owner: "crashed-host/4242/attempt", heartbeatAgoMs: 10_000, sent: "reference-then" });
    const asked = tokenRequests(t);
    expect(await mintConnectTokenForClient(created.id, { chakra: t.chakra, waitMs: 0 })).toMatchObject({
      ok: false,
      reason: "held",
      hold: { reference: "reference-then", reason: expect.stringMatching(/stopped/) },
    });
    expect(tokenRequests(t)).toBe(asked);
    expect(await db.client.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      pluginMintOwner: null,
      pluginHoldReference: "reference-then",
    });
    expect(await db.auditLog.count({ where: { clientId: created.id, action: "client.plugin_mint_unknown" } })).toBe(1);
  });

  it("held by a live process is not taken: a mint that cannot wait longer says busy, asking nothing", async () => {
    const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    await lockAs(created.id, { owner: "other-host/77/attempt", heartbeatAgoMs: 0, sent: "live-reference" });
    const asked = tokenRequests(t);
    expect(await mintConnectTokenForClient(created.id, { chakra: t.chakra, waitMs: 0 })).toEqual({
      ok: false,
      reason: "busy",
    });
    expect(tokenRequests(t)).toBe(asked);
    expect(await db.client.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      pluginMintOwner: "other-host/77/attempt",
      pluginHoldAt: null,
    });
  });

  it("stays with its holder while ChakraHQ takes its time: the heartbeat goes on", async () => {
    const patient = createChakraClient({
      baseUrl: t.fake.url,
      token: TEST_TOKEN,
      timeoutMs: 15_000,
      maxRetries: 0,
      paths: {
        updateConfig: "/v1/ext/plugin/whatsapp/{pluginId}/update-config",
        disconnectWaba: "/v1/ext/plugin/whatsapp/{pluginId}/disconnect-waba",
        health: "/v1/health",
      },
      disconnectWabaField: "wabaId",
    });
    const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    t.fake.addFault({ route: "createConnectToken", kind: "hold", times: 1 });
    const minting = mintConnectTokenForClient(created.id, { chakra: patient });
    const row = () => db.client.findUniqueOrThrow({ where: { id: created.id } });
    const sent = await vi.waitFor(async () => {
      const client = await row();
      if (!client.pluginMintSentAt) throw new Error("not sent yet");
      return client;
    });
    await vi.waitFor(
      async () =>
        expect((await row()).pluginMintHeartbeatAt!.getTime()).toBeGreaterThan(sent.pluginMintHeartbeatAt!.getTime()),
      { timeout: 5_000, interval: 100 },
    );
    expect(await mintConnectTokenForClient(created.id, { chakra: t.chakra, waitMs: 0 })).toEqual({
      ok: false,
      reason: "busy",
    });
    expect(t.fake.release()).toBe(1);
    const token = tokenOf(await minting);
    expect(await row()).toMatchObject({
      pluginId: token.claims.pluginId,
      pluginMintOwner: null,
      pluginMintHeartbeatAt: null,
    });
    expect(pluginsAt(t, sent.clientReferenceId)).toHaveLength(1);
  });
});

describe("a plugin ChakraHQ creates after the admin mapped one", () => {
  it("is written in the client's history, and the token is minted for the mapped plugin", async () => {
    const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    t.fake.addFault({ route: "createConnectToken", kind: "hold", times: 1 });
    const minting = mintConnectTokenForClient(created.id, { chakra: t.chakra });
    await vi.waitFor(async () => {
      if (!(await db.client.findUniqueOrThrow({ where: { id: created.id } })).pluginMintSentAt)
        throw new Error("not sent yet");
    });
    const current = await db.client.findUniqueOrThrow({ where: { id: created.id } });
    const mapped = t.fake.createPlugin({ name: "Mapped meanwhile" });
    await updateClient({
      actor,
      id: created.id,
      input: { ...current, pluginId: mapped.id },
      confirmPluginChange: false,
      pluginVerified: true,
    });
    await vi.waitFor(() => expect(t.fake.release()).toBe(1));

    expect(tokenOf(await minting).claims.pluginId).toBe(mapped.id);
    const [orphan] = pluginsAt(t, current.clientReferenceId);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { clientId: created.id, action: "client.plugin_orphaned" },
    });
    expect(describeHistory(entry.action, entry.metadata)).toBe(
      `ChakraHQ created plugin ${orphan!.id} (reference ${current.clientReferenceId}) after a plugin had been mapped: it is not used`,
    );
    expect(await db.client.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      pluginId: mapped.id,
      pluginMintOwner: null,
    });
  });
});

describe("CSV import and export", () => {
  const header = "name,contactName,contactEmail,clientReferenceId,pluginId,notes";

  it("reports each bad row and imports nothing until all are good", async () => {
    await createClient({ actor, input: input({ clientReferenceId: "taken-ref" }), pluginVerified: false });
    const csv = [
      header,
      "Good One,Ana,ana@example.com,good-one,,",
      "Bad Email,Bo,not-an-email,bad-email,,",
      "Dup In File,Cy,cy@example.com,good-one,,",
      "Taken,Di,di@example.com,taken-ref,,",
      '"Quoted, Name ""Inc""",Ed,ed@example.com,,,"multi\nline"',
    ].join("\n");
    const preview = await previewImport(csv);
    expect(preview.errorCount).toBe(3);
    const byLine = Object.fromEntries(preview.rows.map((r) => [r.line, r.errors.join(" ")]));
    expect(byLine[2]).toBe("");
    expect(byLine[3]).toMatch(/Contact email: Enter a valid email address/);
    expect(byLine[4]).toMatch(/Reference: the same as line 2/);
    expect(byLine[5]).toMatch(/Reference: another client already has it/);
    expect(preview.rows[4]!.values).toMatchObject({
      name: 'Quoted, Name "Inc"',
      clientReferenceId: "quoted-name-inc",
      notes: "multi\nline",
    });

    const before = await db.client.count();
    expect((await importClients({ actor, csv })).ok).toBe(false);
    expect(await db.client.count()).toBe(before);

    const good = [
      header,
      "Good One,Ana,ana@example.com,good-one,,",
      '"Quoted, Name ""Inc""",Ed,ed@example.com,,,"multi\nline"',
    ].join("\n");
    expect(await importClients({ actor, csv: good })).toEqual({ ok: true, created: 2 });
    expect(await db.client.findUniqueOrThrow({ where: { clientReferenceId: "quoted-name-inc" } })).toMatchObject({
      notes: "multi\nline",
    });
    expect(await db.auditLog.count({ where: { action: "client.imported" } })).toBe(2);
  });

  it("takes each client's language from a language column: our codes in any case, empty for the agency's default", async () => {
    const csv = [
      "name,contact,email,lang",
      "Chai Point,Ravi,ravi@chai.example,HI",
      "Padaria Sol,Rita,rita@sol.example,pt-br",
      "Plain Shop,Pat,pat@plain.example,",
      "Klingon Co,Kor,kor@k.example,tlh",
    ].join("\n");
    const preview = await previewImport(csv);
    expect(preview.rows.map((r) => r.values.language)).toEqual(["hi", "pt-BR", "", "tlh"]);
    expect(preview.rows.map((r) => r.errors.join(" "))).toEqual([
      "",
      "",
      "",
      "Language: Use one of en, hi, es, pt-BR, id, ar, or leave it empty for the agency's default.",
    ]);
    // The template the import page offers checks out, its language column included (its
    // reference free: no other test's client holds it then).
    await db.client.deleteMany({ where: { clientReferenceId: "acme-bakery" } });
    const template = await previewImport(readFileSync(path.join(process.cwd(), "public/clients-template.csv"), "utf8"));
    expect(template).toMatchObject({ fileErrors: [], errorCount: 0, validCount: 1 });
    expect(template.rows[0]!.values.language).toBe("pt-BR");
    const good = csv.split("\n").slice(0, 4).join("\n");
    expect(await importClients({ actor, csv: good })).toEqual({ ok: true, created: 3 });
    const languages = await db.client.findMany({
      where: { contactEmail: { in: ["ravi@chai.example", "rita@sol.example", "pat@plain.example"] } },
      select: { contactEmail: true, language: true },
      orderBy: { contactEmail: "asc" },
    });
    expect(languages).toEqual([
      { contactEmail: "pat@plain.example", language: null },
      { contactEmail: "ravi@chai.example", language: "hi" },
      { contactEmail: "rita@sol.example", language: "pt-BR" },
    ]);
  });

  it("names the client that already has an imported row's plugin", async () => {
    const owner = input({ name: "Blue Harbor Dental", pluginId: EXAMPLE_PLUGIN_ID });
    await createClient({ actor, input: owner, pluginVerified: true });
    const csv = [header, `New One,Ana,ana@example.com,new-one,${EXAMPLE_PLUGIN_ID.toUpperCase()},`].join("\n");
    const preview = await previewImport(csv);
    expect(preview.rows[0]!.errors).toEqual([
      `Plugin id: it already belongs to Blue Harbor Dental (${owner.clientReferenceId}).`,
    ]);
    expect(await importClients({ actor, csv })).toMatchObject({ ok: false });
  });

  describe("plugin ids, checked with ChakraHQ", () => {
    const UNKNOWN = "00000000-0000-4000-8000-0000000000aa";
    const configReads = (pluginId: string) =>
      t.fake.requests.filter((r) => r.path === `/v1/ext/plugin/whatsapp/${pluginId}/config`).length;
    const csvWith = (...rows: [string, string][]) =>
      [header, ...rows.map(([ref, pluginId]) => `Client ${ref},Ana,${ref}@example.com,${ref},${pluginId},`)].join("\n");
    /** A client of the fake that does not retry by itself, so only the import's own waits count. */
    const impatient = () =>
      createChakraClient({
        baseUrl: t.fake.url,
        token: TEST_TOKEN,
        timeoutMs: 500,
        maxRetries: 0,
        paths: {
          updateConfig: "/v1/ext/plugin/whatsapp/{pluginId}/update-config",
          disconnectWaba: "/v1/ext/plugin/whatsapp/{pluginId}/disconnect-waba",
          health: "/v1/health",
        },
        disconnectWabaField: "wabaId",
      });
    beforeEach(() => {
      t.fake.clearFaults();
      t.fake.requests.length = 0;
    });
    afterEach(() => t.fake.clearFaults());

    it("refuses a row whose plugin ChakraHQ does not know, naming the plugin, and imports nothing", async () => {
      const csv = csvWith([unique("known"), EXAMPLE_PLUGIN_ID], [unique("unknown"), UNKNOWN.toUpperCase()]);
      const preview = await previewImport(csv, { chakra: t.chakra });
      expect(preview.errorCount).toBe(1);
      expect(preview.rows[1]!.errors).toEqual([
        `Plugin id: ChakraHQ does not know the plugin ${UNKNOWN} (WhatsApp plugin not found).`,
      ]);
      expect(preview.rows[1]!.plugin).toBeUndefined();
      const before = await db.client.count();
      expect(await importClients({ actor, csv, chakra: t.chakra })).toMatchObject({ ok: false });
      expect(await db.client.count()).toBe(before);
    });

    it("marks a plugin ChakraHQ knows verified, and saves it so", async () => {
      const ref = unique("known");
      const preview = await previewImport(csvWith([ref, EXAMPLE_PLUGIN_ID.toUpperCase()]), { chakra: t.chakra });
      expect(preview).toMatchObject({ errorCount: 0, plugins: { checked: 1, unverified: 0 } });
      expect(preview.rows[0]!.plugin).toEqual({ status: "verified" });
      expect(await importClients({ actor, csv: csvWith([ref, EXAMPLE_PLUGIN_ID]), chakra: t.chakra })).toEqual({
        ok: true,
        created: 1,
      });
      const client = await db.client.findUniqueOrThrow({ where: { clientReferenceId: ref } });
      expect(client.pluginId).toBe(EXAMPLE_PLUGIN_ID);
      expect(client.pluginVerifiedAt).toBeInstanceOf(Date);
    });

    it("asks about each plugin once, however many rows name it", async () => {
      const csv = csvWith([unique("a"), EXAMPLE_PLUGIN_ID], [unique("b"), UNKNOWN]);
      await previewImport(csv, { chakra: t.chakra });
      expect([configReads(EXAMPLE_PLUGIN_ID), configReads(UNKNOWN)]).toEqual([1, 1]);
    });

    it.each([
      ["a 5xx", { route: "getConfig", kind: "server_error" }, /Internal server error/],
      ["a timeout", { route: "getConfig", kind: "timeout" }, /did not answer within/],
    ] as const)(
      "marks the plugin unverified only when ChakraHQ could not be asked (%s), and says so",
      async (_label, fault, reason) => {
        t.fake.addFault({ ...fault });
        const ref = unique("down");
        const csv = csvWith([ref, EXAMPLE_PLUGIN_ID]);
        const preview = await previewImport(csv, { chakra: impatient() });
        expect(preview).toMatchObject({ errorCount: 0, plugins: { checked: 1, unverified: 1 } });
        expect(preview.rows[0]!.plugin).toEqual({ status: "unverified", message: expect.stringMatching(reason) });
        expect(await importClients({ actor, csv, chakra: impatient() })).toEqual({ ok: true, created: 1 });
        const client = await db.client.findUniqueOrThrow({ where: { clientReferenceId: ref } });
        expect(client).toMatchObject({ pluginId: EXAMPLE_PLUGIN_ID, pluginVerifiedAt: null });
      },
    );

    it("refuses a row when ChakraHQ refuses the check (a 403), naming the plugin", async () => {
      t.fake.addFault({
        route: "getConfig",
        kind: "error",
        status: 403,
        message: "This API key's role cannot read plugins",
      });
      const preview = await previewImport(csvWith([unique("refused"), EXAMPLE_PLUGIN_ID]), { chakra: t.chakra });
      expect(preview.rows[0]!.errors).toEqual([
        `Plugin id: ChakraHQ refused to check the plugin ${EXAMPLE_PLUGIN_ID} (This API key's role cannot read plugins).`,
      ]);
    });

    it("waits out a 429 as long as Retry-After says, then verifies the plugin", async () => {
      t.fake.addFault({ route: "getConfig", kind: "rate_limit", retryAfterSeconds: 1, times: 2 });
      const waits: number[] = [];
      const wait = async (ms: number) => {
        waits.push(ms);
        await new Promise((resolve) => setTimeout(resolve, ms));
      };
      const preview = await previewImport(csvWith([unique("limited"), EXAMPLE_PLUGIN_ID]), {
        chakra: impatient(),
        wait,
      });
      expect(waits).toEqual([1000, 1000]);
      expect(configReads(EXAMPLE_PLUGIN_ID)).toBe(3);
      expect(preview.rows[0]!.plugin).toEqual({ status: "verified" });
    });

    it("gives up after a few 429s: unverified, with the reason", async () => {
      t.fake.addFault({ route: "getConfig", kind: "rate_limit", retryAfterSeconds: 0 });
      const preview = await previewImport(csvWith([unique("limited"), EXAMPLE_PLUGIN_ID]), { chakra: impatient() });
      expect(configReads(EXAMPLE_PLUGIN_ID)).toBe(4);
      expect(preview.rows[0]!.plugin).toEqual({
        status: "unverified",
        message: "it kept rate-limiting the checks: Too many requests",
      });
    });

    it(`checks at most ${IMPORT_MAX_PLUGIN_CHECKS} plugins per import, and says so without asking ChakraHQ`, async () => {
      const rows = Array.from({ length: IMPORT_MAX_PLUGIN_CHECKS + 1 }, (_, i): [string, string] => [
        unique("many"),
        `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      ]);
      const preview = await previewImport(csvWith(...rows), { chakra: t.chakra });
      expect(preview.fileErrors).toEqual([
        `ChakraHQ is asked about every plugin id, a few at a time, so one import checks at most ${IMPORT_MAX_PLUGIN_CHECKS} plugins; this file has ${IMPORT_MAX_PLUGIN_CHECKS + 1}. Split it into smaller files.`,
      ]);
      expect(t.fake.requests).toEqual([]);
    });
  });

  it("names missing columns", async () => {
    const preview = await previewImport("company,mail\nAcme,a@b.c");
    expect(preview.fileErrors).toEqual([
      'The file has no "name" column.',
      'The file has no "contact name" column.',
      'The file has no "contact email" column.',
    ]);
  });

  it("says a binary file is not a CSV, instead of listing the columns it lacks", async () => {
    // What a browser's file.text() makes of a PNG: its signature, a NUL, and U+FFFD for bytes that are not UTF-8.
    const preview = await previewImport("\uFFFDPNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR");
    expect(preview.fileErrors).toEqual([
      "This is not a CSV file: it holds binary data. In your spreadsheet, save or export the sheet as CSV, then choose that file.",
    ]);
  });

  it("exports the filtered view with plugins and numbers, formulas defused", async () => {
    const withPlugin = (await createClient({
      actor,
      input: input({ name: '=HYPERLINK("x")', pluginId: EXAMPLE_PLUGIN_ID }),
      pluginVerified: true,
    })) as { id: string };
    await storeSnapshot({
      clientId: withPlugin.id,
      pluginId: EXAMPLE_PLUGIN_ID,
      config: await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID),
    });
    await createClient({ actor, input: input({ name: "Not Connected" }), pluginVerified: false });

    const csv = await exportClientsCsv(query({ status: "CONNECTED" }));
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "name,contactName,contactEmail,clientReferenceId,pluginId,pluginVerified,onboardingStatus,phoneNumbers,phoneStatuses,notes,createdAt",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    // A number starting with + would be read as a formula too: it stays text.
    expect(lines[1]).toContain(`${EXAMPLE_PLUGIN_ID},yes,CONNECTED,"'+1 555-191-4348",CONNECTED`);
  });

  it("exports each client's numbers from its latest snapshot, in ChakraHQ's order", async () => {
    const client = (await createClient({
      actor,
      input: input({ name: "Two Numbers", pluginId: EXAMPLE_PLUGIN_ID }),
      pluginVerified: true,
    })) as { id: string };
    const config = await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
    const [first] = config.whatsappPhoneNumbers;
    const number = (id: string, display: string, status: string) => ({
      ...first!,
      id,
      display_phone_number: display,
      status,
    });
    // An older snapshot's number is not the client's any more.
    await storeSnapshot({
      clientId: client.id,
      pluginId: EXAMPLE_PLUGIN_ID,
      config: { ...config, whatsappPhoneNumbers: [number("900", "+44 20 0000 0000", "CONNECTED")] },
    });
    await storeSnapshot({
      clientId: client.id,
      pluginId: EXAMPLE_PLUGIN_ID,
      config: {
        ...config,
        whatsappPhoneNumbers: [
          number("902", "+44 20 9999 0002", "PENDING"),
          number("901", "+44 20 1111 0001", "CONNECTED"),
        ],
      },
    });

    const csv = await exportClientsCsv(query({ q: "two numbers" }));
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'+44 20 9999 0002; +44 20 1111 0001",PENDING; CONNECTED`);
  });

  it("exports every client once, in the list's order, across its keyset batches", async () => {
    // More than one batch (of 500 here), with equal names so the id decides between them. Written in
    // one createMany, not through createClient: 1203 transactions would slow the suite, and the
    // spread of updatedAt is one the app (which stamps it) cannot make.
    const now = new Date();
    await db.client.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        name: `Batch ${String(i % 400).padStart(3, "0")}`,
        contactName: "Lee",
        contactEmail: `batch${i}@example.com`,
        clientReferenceId: `batch-${i}`,
        searchText: `batch ${i}`,
        updatedAt: new Date(now.getTime() - (i % 7) * 1000),
      })),
    });
    for (const [sort, dir] of [
      ["name", "asc"],
      ["updatedAt", "desc"],
    ] as const) {
      const lines = (await exportClientsCsv(query({ sort, dir }), 500)).trim().split(/\r?\n/).slice(1);
      const expected = await db.client.findMany({
        where: { archived: false },
        orderBy: [{ [sort]: dir }, { id: "asc" }],
        select: { clientReferenceId: true },
      });
      expect(lines.map((l) => l.split(",")[3])).toEqual(expected.map((c) => c.clientReferenceId));
      // The same file, whatever the batches.
      expect(await exportClientsCsv(query({ sort, dir }))).toBe(await exportClientsCsv(query({ sort, dir }), 500));
    }
  });
});
