import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import type { PluginConfig } from "@/lib/chakra/schemas";
import { detectConditions } from "@/lib/alerts/rules";
import { attentionItems } from "@/lib/whatsapp/attention";
import { db } from "@/lib/db";
import { updateClient } from "@/lib/data/clients/records";
import { getFirstRun, getFunnel, listActivity, listNeeds, openClientRequest } from "@/lib/data/home";
import { markRequestAnswered } from "@/lib/data/onboarding/help";
import { storeSnapshot } from "@/lib/data/snapshots";
import { refreshClientConfig } from "@/lib/data/whatsapp";
import { createTestClient } from "../support/factories";
import { startTestChakra } from "../support/fake-chakra";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let t: Awaited<ReturnType<typeof startTestChakra>>;
let actor: { id: string; email: string };
let n = 0;

async function newClient(
  name: string,
  { pluginId = null, createdAt }: { pluginId?: string | null; createdAt?: Date } = {},
) {
  const client = await createTestClient("home", { name, pluginId });
  if (!createdAt) return client;
  // Added days ago: the app stamps a client with the moment it is created.
  return db.client.update({ where: { id: client.id }, data: { createdAt } });
}

type EventSpec = {
  type: "SENT" | "OPENED" | "STARTED" | "FAILED" | "UNCONFIRMED" | "CONNECTED";
  at: Date;
  detail?: string;
};
/**
 * Written by hand, not through createLink: these links were created, opened and used at given
 * moments in the past (the funnel's periods, a link stalled for days), and createLink stamps now.
 */
async function newLink(
  clientId: string,
  { createdAt = new Date(), expiresAt, usedAt = null, revokedAt = null, events = [] as EventSpec[] } = {} as {
    createdAt?: Date;
    expiresAt?: Date;
    usedAt?: Date | null;
    revokedAt?: Date | null;
    events?: EventSpec[];
  },
) {
  return db.onboardingLink.create({
    data: {
      clientId,
      tokenHash: `hash-${n++}-${Math.random()}`,
      createdAt,
      expiresAt: expiresAt ?? new Date(createdAt.getTime() + 7 * DAY),
      usedAt,
      revokedAt,
      events: { create: events.map((e) => ({ type: e.type, createdAt: e.at, detail: e.detail ?? null })) },
    },
  });
}

const config = (over: {
  phones?: Partial<PluginConfig["whatsappPhoneNumbers"][number]>[];
  wabas?: Partial<PluginConfig["whatsappBusinessAccounts"][number]>[];
}): PluginConfig =>
  ({
    whatsappBusinessAccounts: (over.wabas ?? [{}]).map((w, i) => ({ id: `waba-${i}`, name: `Account ${i}`, ...w })),
    whatsappPhoneNumbers: (over.phones ?? []).map((p, i) => ({
      id: `phone-${i}`,
      display_phone_number: `+1 555 000 ${i}`,
      status: "CONNECTED",
      quality_rating: "GREEN",
      ...p,
    })),
  }) as PluginConfig;

const kindsOf = async (clientId: string) =>
  (await listNeeds({ limit: 100 })).items.filter((i) => i.clientId === clientId).map((i) => i.kind);

beforeAll(async () => {
  t = await startTestChakra({}, { timeoutMs: 300, maxRetries: 1 });
});
afterAll(async () => {
  await t.fake.close();
  // Later files map the same example plugin: leave no client holding it.
  await db.client.deleteMany();
});
beforeEach(async () => {
  t.fake.store.reset();
  await db.pluginConfigSnapshot.deleteMany();
  await db.auditLog.deleteMany();
  await db.client.deleteMany();
  await db.agencySettings.deleteMany();
  const user = await db.user.upsert({
    where: { email: "home-admin@test.example" },
    create: { email: "home-admin@test.example", role: "ADMIN" },
    update: {},
  });
  actor = { id: user.id, email: user.email };
});

describe("needs you now", () => {
  it("is empty for an empty agency", async () => {
    expect(await listNeeds()).toEqual({ items: [], total: 0 });
  });

  it("lists a client never invited until it has a link", async () => {
    const client = await newClient("Never Invited");
    expect(await kindsOf(client.id)).toEqual(["never_invited"]);
    await newLink(client.id);
    expect(await kindsOf(client.id)).toEqual([]);
  });

  it("lists a number not connected or red, since its change, until a snapshot shows it connected", async () => {
    const client = await newClient("Down Bakery", { pluginId: "plugin-down" });
    await storeSnapshot({ clientId: client.id, pluginId: "plugin-down", config: config({ phones: [{}] }) });
    expect(await kindsOf(client.id)).toEqual([]);
    await storeSnapshot({
      clientId: client.id,
      pluginId: "plugin-down",
      config: config({ phones: [{ status: "FLAGGED" }, { quality_rating: "RED" }] }),
    });
    const items = (await listNeeds()).items.filter((i) => i.clientId === client.id);
    expect(items.map((i) => [i.what, i.atIsStart])).toEqual(
      expect.arrayContaining([
        // Its start is the change written on the timeline; the new red number's is only when it was reported.
        ["+1 555 000 0 is not connected: FLAGGED (low quality: Meta may limit it soon)", true],
        ["+1 555 000 1 has a red quality rating: Meta may limit it", false],
      ]),
    );
    expect(items).toHaveLength(2);
    await storeSnapshot({ clientId: client.id, pluginId: "plugin-down", config: config({ phones: [{}, {}] }) });
    expect(await kindsOf(client.id)).toEqual([]);
  });

  it("lists an account or number ChakraHQ no longer lists, since it went, until it is back", async () => {
    const client = await newClient("Gone Dental", { pluginId: "plugin-gone" });
    const both = config({ wabas: [{}, {}], phones: [{}, {}] });
    await storeSnapshot({ clientId: client.id, pluginId: "plugin-gone", config: both });
    expect(await kindsOf(client.id)).toEqual([]);
    await storeSnapshot({
      clientId: client.id,
      pluginId: "plugin-gone",
      config: {
        ...both,
        whatsappBusinessAccounts: both.whatsappBusinessAccounts.slice(0, 1),
        whatsappPhoneNumbers: both.whatsappPhoneNumbers.slice(0, 1),
      },
    });
    const items = (await listNeeds()).items.filter((i) => i.clientId === client.id);
    expect(items.map((i) => [i.kind, i.what, i.atIsStart])).toEqual(
      expect.arrayContaining([
        ["connection_gone", "+1 555 000 1 is no longer on the plugin", true],
        ["connection_gone", "WhatsApp Business Account Account 1 is no longer connected", true],
      ]),
    );
    expect(items).toHaveLength(2);
    // Ranked with what stops WhatsApp working, ahead of a client never invited.
    const other = await newClient("Waiting Co");
    const kinds = (await listNeeds()).items.map((i) => [i.clientId, i.kind]);
    expect(kinds.findIndex(([id]) => id === client.id)).toBeLessThan(kinds.findIndex(([id]) => id === other.id));
    // An archived client is not listed; back, and ChakraHQ lists both again: nothing left.
    await db.client.update({ where: { id: client.id }, data: { archived: true } });
    expect(await kindsOf(client.id)).toEqual([]);
    await db.client.update({ where: { id: client.id }, data: { archived: false } });
    await storeSnapshot({ clientId: client.id, pluginId: "plugin-gone", config: both });
    expect(await kindsOf(client.id)).toEqual([]);
  });

  it("a display name's refusal in another spelling is the same need on the dashboard, the client's page and its alerts", async () => {
    const client = await newClient("Spelling Co", { pluginId: "plugin-spelling" });
    const refused = config({ phones: [{ name_status: "Rejected", verified_name: "Spell" }] });
    await storeSnapshot({ clientId: client.id, pluginId: "plugin-spelling", config: refused });
    expect((await listNeeds()).items.filter((i) => i.clientId === client.id).map((i) => i.kind)).toEqual([
      "name_declined",
    ]);
    expect(attentionItems(refused)).toEqual([expect.stringContaining("Meta rejected the display name")]);
    const ok = config({ phones: [{ name_status: "APPROVED" }] });
    expect(detectConditions({ found: true, config: ok }, { found: true, config: refused }).map((c) => c.key)).toEqual([
      expect.stringMatching(/^display-name:/),
    ]);
  });

  it("lists a rejected review and a declined display name until they are fixed", async () => {
    const client = await newClient("Rejected Co", { pluginId: "plugin-rej" });
    await storeSnapshot({
      clientId: client.id,
      pluginId: "plugin-rej",
      config: config({
        wabas: [{ account_review_status: "REJECTED", name: "Rejected WABA" }],
        phones: [{ name_status: "DECLINED", verified_name: "Rej" }],
      }),
    });
    const items = (await listNeeds()).items.filter((i) => i.clientId === client.id);
    expect(items.map((i) => [i.kind, i.what])).toEqual([
      ["review_rejected", "Meta rejected the review of the business account Rejected WABA"],
      ["name_declined", "Meta declined the display name “Rej” of +1 555 000 0"],
    ]);
    await storeSnapshot({
      clientId: client.id,
      pluginId: "plugin-rej",
      config: config({ wabas: [{ account_review_status: "APPROVED" }], phones: [{ name_status: "APPROVED" }] }),
    });
    expect(await kindsOf(client.id)).toEqual([]);
  });

  it("lists a plugin ChakraHQ no longer knows after a refresh's 404, until another plugin is mapped", async () => {
    const client = await newClient("Lost Plugin", { pluginId: "plugin-nobody-knows" });
    await newLink(client.id, { usedAt: new Date() });
    const refresh = await refreshClientConfig(client.id, t.chakra);
    expect(refresh).toMatchObject({ ok: false, error: { notFound: true } });
    expect(await kindsOf(client.id)).toEqual(["plugin_missing"]);
    // Recorded once on the timeline, however often it is refreshed.
    await refreshClientConfig(client.id, t.chakra);
    expect(await db.auditLog.count({ where: { clientId: client.id, action: "whatsapp.plugin_not_found" } })).toBe(1);
    const saved = await updateClient({
      actor,
      id: client.id,
      input: {
        name: client.name,
        contactName: "Ana",
        contactEmail: client.contactEmail,
        clientReferenceId: client.clientReferenceId,
        notes: "",
        pluginId: EXAMPLE_PLUGIN_ID,
      },
      confirmPluginChange: true,
      pluginVerified: true,
    });
    expect(saved.ok).toBe(true);
    expect(await kindsOf(client.id)).toEqual([]);
  });

  it("clears a missing plugin when a refresh finds it again", async () => {
    const client = await newClient("Found Again", { pluginId: EXAMPLE_PLUGIN_ID });
    await db.client.update({ where: { id: client.id }, data: { pluginMissingAt: new Date() } });
    await newLink(client.id, { usedAt: new Date() });
    expect(await kindsOf(client.id)).toEqual(["plugin_missing"]);
    expect((await refreshClientConfig(client.id, t.chakra)).ok).toBe(true);
    expect(await kindsOf(client.id)).not.toContain("plugin_missing");
  });

  it("lists a held new-plugin request until it is released", async () => {
    const client = await newClient("Held");
    await db.client.update({
      where: { id: client.id },
      data: { pluginHoldAt: new Date(), pluginHoldReference: "held-ref" },
    });
    await newLink(client.id);
    expect(await kindsOf(client.id)).toEqual(["plugin_hold"]);
    await db.client.update({ where: { id: client.id }, data: { pluginHoldAt: null } });
    expect(await kindsOf(client.id)).toEqual([]);
  });

  it("lists a failed signup until the client starts again, connects, or gets a new link", async () => {
    const now = Date.now();
    const client = await newClient("Failed Signup");
    const link = await newLink(client.id, {
      events: [
        { type: "OPENED", at: new Date(now - 3 * HOUR) },
        { type: "STARTED", at: new Date(now - 2 * HOUR) },
        { type: "FAILED", at: new Date(now - HOUR), detail: "Meta said no." },
        // Opening the page again does not settle it.
        { type: "OPENED", at: new Date(now - 30 * 60_000) },
      ],
    });
    const [item] = (await listNeeds()).items.filter((i) => i.clientId === client.id);
    expect(item).toMatchObject({ kind: "signup_failed", what: "The WhatsApp signup failed: Meta said no" });
    await db.onboardingLinkEvent.create({ data: { linkId: link.id, type: "STARTED" } });
    expect(await kindsOf(client.id)).toEqual([]);
    await db.onboardingLinkEvent.create({ data: { linkId: link.id, type: "UNCONFIRMED" } });
    expect(await kindsOf(client.id)).toEqual(["signup_failed"]);
    await db.onboardingLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
    expect(await kindsOf(client.id)).toEqual([]);
  });

  it("lists a client's request for help or for a new link until a link is made or it connects after it, for a week at most", async () => {
    const now = Date.now();
    const helped = await newClient("Help Wanted");
    const link = await newLink(helped.id, { createdAt: new Date(now - 3 * HOUR) });
    await db.onboardingLinkEvent.create({
      data: { linkId: link.id, type: "HELP_REQUESTED", detail: "The  window\nclosed", createdAt: new Date(now - HOUR) },
    });
    const [help] = (await listNeeds()).items.filter((i) => i.clientId === helped.id);
    expect(help).toMatchObject({ kind: "help_asked", what: "Asked for help: “The window closed”" });
    expect((await listActivity()).map((a) => a.text)).toContain("Asked for help: “The window closed”");
    // It connects through that link: answered.
    await db.onboardingLink.update({ where: { id: link.id }, data: { usedAt: new Date(now - 10 * 60_000) } });
    expect(await kindsOf(helped.id)).toEqual([]);

    const lapsed = await newClient("Lapsed Link");
    const old = await newLink(lapsed.id, { createdAt: new Date(now - 10 * DAY), expiresAt: new Date(now - 3 * DAY) });
    const ask = (at: number) =>
      db.auditLog.create({
        data: {
          action: "link.new_requested",
          targetType: "link",
          targetId: old.id,
          clientId: lapsed.id,
          createdAt: new Date(at),
        },
      });
    await ask(now - 8 * DAY); // older than a week: no longer listed (its expired link is)
    expect(await kindsOf(lapsed.id)).toEqual(["link_expired"]);
    await ask(now - 2 * HOUR);
    expect(await kindsOf(lapsed.id)).toEqual(["link_asked"]);
    const [asked] = (await listNeeds()).items.filter((i) => i.clientId === lapsed.id);
    expect(asked).toMatchObject({ kind: "link_asked", what: "Asked for a new link: theirs had stopped working" });
    expect((await listActivity()).map((a) => a.text)).toContain(
      "Asked for a new onboarding link (the old one had stopped working)",
    );
    // The admin makes a new link: answered.
    await newLink(lapsed.id);
    expect(await kindsOf(lapsed.id)).not.toContain("link_asked");
  });

  it("lists a client the team disconnected until a link is made after it, it reconnects, or it is archived", async () => {
    const now = Date.now();
    const disconnectedBy = async (name: string) => {
      const client = await newClient(name);
      await newLink(client.id, { createdAt: new Date(now - 2 * DAY), usedAt: new Date(now - 2 * DAY) });
      await db.client.update({ where: { id: client.id }, data: { onboardingStatus: "ATTENTION" } });
      await db.auditLog.create({
        data: {
          action: "whatsapp.waba_disconnected",
          actorId: actor.id,
          actorEmail: actor.email,
          targetType: "client",
          targetId: client.id,
          clientId: client.id,
          metadata: { wabaId: "123", name: `${name} WABA` },
          createdAt: new Date(now - HOUR),
        },
      });
      return client;
    };
    const left = await disconnectedBy("Left Us");
    const [item] = (await listNeeds()).items.filter((i) => i.clientId === left.id);
    expect(item).toMatchObject({
      kind: "disconnected",
      what: `Left Us WABA was disconnected by ${actor.email}: send a reconnect link, or archive the client if it has left`,
    });
    await db.client.update({ where: { id: left.id }, data: { archived: true } });
    expect(await kindsOf(left.id)).toEqual([]);

    const back = await disconnectedBy("Coming Back");
    expect(await kindsOf(back.id)).toEqual(["disconnected"]);
    await newLink(back.id); // the reconnect link
    expect(await kindsOf(back.id)).not.toContain("disconnected");

    const reconnected = await disconnectedBy("Reconnected");
    await db.client.update({ where: { id: reconnected.id }, data: { onboardingStatus: "CONNECTED" } });
    expect(await kindsOf(reconnected.id)).toEqual([]);
  });

  it("lists a current link that expired unused for a week, unless the client asked for a new one or connected", async () => {
    const now = Date.now();
    const lapsed = await newClient("Lapsed Quietly");
    const link = await newLink(lapsed.id, { createdAt: new Date(now - 9 * DAY), expiresAt: new Date(now - 2 * DAY) });
    const [item] = (await listNeeds()).items.filter((i) => i.clientId === lapsed.id);
    expect(item).toMatchObject({
      kind: "link_expired",
      what: "Its onboarding link expired unused: the client cannot connect without a new one",
      at: link.expiresAt,
    });
    // Replaced by a newer link: that one is listed for what it is, the expired one no more.
    await db.onboardingLink.update({ where: { id: link.id }, data: { revokedAt: new Date(now - HOUR) } });
    expect(await kindsOf(lapsed.id)).not.toContain("link_expired");

    // Expired more than a week ago: no longer listed.
    const old = await newClient("Long Gone");
    await newLink(old.id, { createdAt: new Date(now - 20 * DAY), expiresAt: new Date(now - 8 * DAY) });
    expect(await kindsOf(old.id)).toEqual([]);

    // Connected another way meanwhile: nothing to send.
    const connected = await newClient("Connected Anyway");
    await newLink(connected.id, { createdAt: new Date(now - 9 * DAY), expiresAt: new Date(now - DAY) });
    expect(await kindsOf(connected.id)).toEqual(["link_expired"]);
    await db.client.update({ where: { id: connected.id }, data: { onboardingStatus: "CONNECTED" } });
    expect(await kindsOf(connected.id)).toEqual([]);

    // Asked for a new link from it: listed once, as the request.
    const asking = await newClient("Asked Instead");
    const asked = await newLink(asking.id, { createdAt: new Date(now - 9 * DAY), expiresAt: new Date(now - DAY) });
    await db.auditLog.create({
      data: { action: "link.new_requested", targetType: "link", targetId: asked.id, clientId: asking.id },
    });
    expect(await kindsOf(asking.id)).toEqual(["link_asked"]);
  });

  it("stops listing a request a member marks answered, and lists the client's next one", async () => {
    const now = Date.now();
    const client = await newClient("Answered By Phone");
    const link = await newLink(client.id, { createdAt: new Date(now - 3 * HOUR) });
    const askHelp = (at: number, detail: string) =>
      db.onboardingLinkEvent.create({
        data: { linkId: link.id, type: "HELP_REQUESTED", detail, createdAt: new Date(at) },
      });
    await askHelp(now - HOUR, "Call me please");
    expect(await openClientRequest(client.id)).toMatchObject({
      kind: "help_asked",
      what: "Asked for help: “Call me please”",
    });
    // Another client's request is not this client's.
    expect(await openClientRequest((await newClient("Quiet Client")).id)).toBeNull();

    expect(await markRequestAnswered({ actor, clientId: client.id })).toEqual({ ok: true });
    expect(await kindsOf(client.id)).toEqual([]);
    expect(await openClientRequest(client.id)).toBeNull();
    const entry = await db.auditLog.findFirstOrThrow({
      where: { clientId: client.id, action: "client.request_answered" },
    });
    expect(entry.actorEmail).toBe(actor.email);

    // A later request is listed again.
    await askHelp(Date.now() + 1000, "The code never came");
    expect(await kindsOf(client.id)).toEqual(["help_asked"]);
    expect(await markRequestAnswered({ actor, clientId: "no-such-client" })).toMatchObject({ ok: false });
  });

  it("lists a link opened two days ago and not finished, and one expiring within two days unused", async () => {
    const now = Date.now();
    const stalled = await newClient("Stalled");
    const stalledLink = await newLink(stalled.id, { events: [{ type: "OPENED", at: new Date(now - 3 * DAY) }] });
    const fresh = await newClient("Opened Today");
    await newLink(fresh.id, { events: [{ type: "OPENED", at: new Date(now - HOUR) }] });
    const expiring = await newClient("Expiring");
    const expiringLink = await newLink(expiring.id, {
      createdAt: new Date(now - 6 * DAY),
      expiresAt: new Date(now + 20 * HOUR),
    });
    expect(await kindsOf(stalled.id)).toEqual(["link_stalled"]);
    expect(await kindsOf(fresh.id)).toEqual([]);
    const [item] = (await listNeeds()).items.filter((i) => i.clientId === expiring.id);
    expect(item).toMatchObject({ kind: "link_expiring", due: expiringLink.expiresAt });
    // An opened link that also expires soon is listed once, as expiring.
    await db.onboardingLink.update({ where: { id: stalledLink.id }, data: { expiresAt: new Date(now + HOUR) } });
    expect(await kindsOf(stalled.id)).toEqual(["link_expiring"]);
    // Used: neither.
    await db.onboardingLink.updateMany({
      where: { id: { in: [stalledLink.id, expiringLink.id] } },
      data: { usedAt: new Date() },
    });
    expect(await kindsOf(stalled.id)).toEqual([]);
    expect(await kindsOf(expiring.id)).toEqual([]);
  });

  it("leaves archived clients out, ranks most urgent first, and counts beyond the limit", async () => {
    const archived = await newClient("Archived");
    await db.client.update({ where: { id: archived.id }, data: { archived: true } });
    for (let i = 0; i < 5; i++) await newClient(`Waiting ${i}`, { createdAt: new Date(Date.now() - (10 - i) * DAY) });
    const held = await newClient("Held First");
    await db.client.update({ where: { id: held.id }, data: { pluginHoldAt: new Date() } });
    await newLink(held.id);
    const { items, total } = await listNeeds({ limit: 3 });
    expect(items.map((i) => i.clientName)).toEqual(["Held First", "Waiting 0", "Waiting 1"]);
    expect(total).toBe(6);
  });
});

describe("the funnel", () => {
  it("counts each step of the links created in the period, the median time to connect, and connections per week", async () => {
    const from = new Date("2026-02-01T00:00:00Z");
    const to = new Date("2026-03-01T00:00:00Z");
    const at = (day: number, hours = 0) => new Date(from.getTime() + day * DAY + hours * HOUR);
    const client = await newClient("Funnel");
    await newLink(client.id, { createdAt: at(0), events: [{ type: "SENT", at: at(0) }] });
    await newLink(client.id, { createdAt: at(1), events: [{ type: "OPENED", at: at(1, 1) }] });
    await newLink(client.id, {
      createdAt: at(2),
      events: [
        { type: "OPENED", at: at(2, 1) },
        { type: "STARTED", at: at(2, 2) },
      ],
    });
    await newLink(client.id, {
      createdAt: at(3),
      usedAt: at(3, 2),
      events: [
        { type: "OPENED", at: at(3) },
        { type: "STARTED", at: at(3, 1) },
        { type: "CONNECTED", at: at(3, 2) },
      ],
    });
    // Connected without an "opened" event recorded: it still counts as opened and started.
    await newLink(client.id, { createdAt: at(10), usedAt: at(10, 4) });
    // Outside the period: not counted.
    await newLink(client.id, { createdAt: at(-1), usedAt: at(0, 1) });
    await newLink(client.id, { createdAt: at(28, 1) });
    const funnel = await getFunnel({ from, to });
    expect(funnel.counts).toEqual({ sent: 5, opened: 4, started: 3, connected: 2 });
    expect(funnel.medianToConnectMs).toBe(3 * HOUR);
    // The link created before the period but connected in it counts among the week's connections.
    expect(funnel.weeks.map((w) => w.count)).toEqual([2, 1, 0, 0]);
  });
});

describe("first run and activity", () => {
  it("checks off the three first steps", async () => {
    expect(await getFirstRun()).toEqual({ brandSet: false, clientAdded: false, linkSent: false, firstClientId: null });
    await db.agencySettings.create({ data: { id: "agency", name: "Agency" } });
    const client = await newClient("First");
    expect(await getFirstRun()).toEqual({
      brandSet: true,
      clientAdded: true,
      linkSent: false,
      firstClientId: client.id,
    });
    await newLink(client.id);
    expect((await getFirstRun()).linkSent).toBe(true);
  });

  it("shows connections, failures, alerts and team changes, newest first, and nothing else", async () => {
    const client = await newClient("Active");
    const link = await newLink(client.id, {
      events: [{ type: "FAILED", at: new Date(Date.now() - HOUR), detail: "boom" }],
    });
    await db.auditLog.create({
      data: {
        action: "client.updated",
        targetType: "client",
        clientId: client.id,
        createdAt: new Date(Date.now() - 10 * 60_000),
      },
    });
    await db.auditLog.create({
      data: {
        action: "link.connected",
        targetType: "link",
        targetId: link.id,
        clientId: client.id,
        createdAt: new Date(Date.now() - 5 * 60_000),
      },
    });
    await db.auditLog.create({
      data: {
        action: "team.invite",
        actorEmail: "o@x.test",
        targetType: "invitation",
        metadata: { email: "n@x.test", role: "VIEWER" },
      },
    });
    const activity = await listActivity();
    expect(activity.map((a) => a.text)).toEqual([
      "n@x.test invited as viewer",
      "Connected WhatsApp through the onboarding link",
      "Signup failed: boom",
    ]);
  });
});
