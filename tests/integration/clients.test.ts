import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EMPTY_DEMO_PLUGIN_ID, EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import { db } from "@/lib/db";
import {
  checkPlugin,
  createClient,
  exportClientsCsv,
  importClients,
  listClients,
  mintConnectTokenForClient,
  previewImport,
  setClientArchived,
  updateClient,
} from "@/lib/data/clients";
import { storeSnapshot } from "@/lib/data/snapshots";
import { clientListQuerySchema } from "@/lib/validations/clients";
import { startTestChakra } from "../support/fake-chakra";

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
    expect(
      await createClient({ actor, input: input({ pluginId: EXAMPLE_PLUGIN_ID }), pluginVerified: true }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { pluginId: ["This plugin already belongs to another client: one plugin, one client."] },
    });
    expect(await db.client.count()).toBe(1);
    expect(await db.auditLog.count()).toBe(before);
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
    expect(await ids("nothing-like-this")).toEqual([]);
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
});

describe("connect tokens for a client without a plugin", () => {
  it("create one plugin, however many mints start at once", async () => {
    const created = (await createClient({ actor, input: input({ name: "Concurrent Co" }), pluginVerified: false })) as {
      id: string;
    };
    const pluginsBefore = Object.keys(t.fake.store.state.plugins).length;
    t.fake.addFault({ route: "createConnectToken", kind: "latency", latencyMs: 300, times: 1 });
    const tokens = await Promise.all([1, 2, 3].map(() => mintConnectTokenForClient(created.id, { chakra: t.chakra })));
    const pluginIds = new Set(tokens.map((token) => token.claims.pluginId));
    expect(pluginIds.size).toBe(1);
    expect(Object.keys(t.fake.store.state.plugins).length).toBe(pluginsBefore + 1);
    const client = await db.client.findUniqueOrThrow({ where: { id: created.id } });
    expect(client).toMatchObject({ pluginId: [...pluginIds][0], pluginMintStartedAt: null });
    expect(t.fake.store.state.plugins[client.pluginId!]).toMatchObject({
      clientName: "Concurrent Co",
      clientReferenceId: client.clientReferenceId,
    });
    expect(await db.auditLog.count({ where: { clientId: created.id, action: "client.plugin_created" } })).toBe(1);
  });

  it("releases the claim when ChakraHQ fails, so the next mint can try again", async () => {
    const created = (await createClient({ actor, input: input(), pluginVerified: false })) as { id: string };
    t.fake.addFault({ route: "createConnectToken", kind: "server_error", times: 1 });
    await expect(mintConnectTokenForClient(created.id, { chakra: t.chakra })).rejects.toMatchObject({ status: 500 });
    expect((await db.client.findUniqueOrThrow({ where: { id: created.id } })).pluginMintStartedAt).toBeNull();
    const token = await mintConnectTokenForClient(created.id, { chakra: t.chakra });
    expect((await db.client.findUniqueOrThrow({ where: { id: created.id } })).pluginId).toBe(token.claims.pluginId);
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

  it("names missing columns", async () => {
    const preview = await previewImport("company,mail\nAcme,a@b.c");
    expect(preview.fileErrors).toEqual([
      'The file has no "name" column.',
      'The file has no "contact name" column.',
      'The file has no "contact email" column.',
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
});
