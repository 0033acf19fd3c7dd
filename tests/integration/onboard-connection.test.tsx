import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import { startTestChakra } from "../support/fake-chakra";
import { emailsSettled } from "../support/emails";
import { translator } from "@/lib/i18n/catalogs";

const english = translator("en", "refusal");

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { default: OnboardPage } = await import("@/app/onboard/[token]/page");
const { requestNewLink } = await import("@/lib/actions/onboarding");
const { getAgencyBranding } = await import("@/lib/data/agency");
const { createLink } = await import("@/lib/data/onboarding/links");
const { checkSignup, confirmConnection, resolveLink } = await import("@/lib/data/onboarding/signup");
const { storeSnapshot } = await import("@/lib/data/snapshots");
const { disconnectWaba } = await import("@/lib/data/whatsapp");
const { db } = await import("@/lib/db");
const { refusalMessage } = await import("@/lib/onboarding/messages");
const { clientPhoneStatus } = await import("@/lib/whatsapp/client-meaning");
const { PHONE_STATUS } = await import("@/lib/whatsapp/meaning");
const { createTestClient } = await import("../support/factories");
const { pageProps, renderPage } = await import("../support/render-page");

/*
 * What the end client's link says once ChakraHQ no longer shows the connection, what asking
 * for a new link from there does, and how the connected page explains each number's status.
 */

let t: Awaited<ReturnType<typeof startTestChakra>>;
let admin: { id: string; email: string };
let agencyName = "";

/** The page's visible text: tags dropped, entities decoded, spaces collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
const renderLink = async (token: string) => textOf(renderPage(await OnboardPage(pageProps({ token }))));

/** A client mapped to the fake's example plugin, connected through its onboarding link. */
async function connectedLink() {
  const client = await createTestClient("onb", { pluginId: EXAMPLE_PLUGIN_ID });
  const created = await createLink({ actor: admin, clientId: client.id, validDays: 7 });
  if (!created.ok) throw new Error("link not created");
  const token = created.url.split("/onboard/")[1]!;
  const link = await resolveLink(token);
  if (link.state === "unknown") throw new Error("link not found");
  const confirmed = await confirmConnection(link, { chakra: t.chakra, pollMs: 1, attempts: 1 });
  expect(confirmed).toMatchObject({ ok: true, newlyConnected: true });
  return { client, token, linkId: created.link.id };
}

async function disconnect(clientId: string) {
  const result = await disconnectWaba(
    { actor: admin, clientId, wabaId: "973055385119463", confirmName: "Sandbox WhatsApp Business Account" },
    t.chakra,
  );
  expect(result).toMatchObject({ outcome: "done", refresh: { ok: true } });
}

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {}); // the outbox prints every email
  t = await startTestChakra();
  const user = await db.user.upsert({
    where: { email: "onboard-admin@test.example" },
    create: { email: "onboard-admin@test.example", role: "ADMIN" },
    update: { removedAt: null },
  });
  admin = { id: user.id, email: user.email };
  agencyName = (await getAgencyBranding()).name;
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.fake.close();
});
beforeEach(async () => {
  t.fake.store.reset();
  t.fake.clearFaults();
  // One plugin, one client: the example plugin is free again for each test.
  await db.client.deleteMany({ where: { pluginId: EXAMPLE_PLUGIN_ID } });
});

describe("a connected link whose WhatsApp Business Account was disconnected", () => {
  it("says the connection was removed and how to reconnect; the client's stage is Attention needed", async () => {
    const { client, token } = await connectedLink();
    const before = await renderLink(token);
    expect(before).toContain("WhatsApp is connected");
    expect(before).not.toContain("connection was removed");

    await disconnect(client.id);
    const after = await renderLink(token);
    expect(after).toContain("This WhatsApp connection was removed");
    expect(after).toContain(`Ask ${agencyName} for a new link to connect again.`);
    expect(after).toContain("Ask for a new link");
    expect(after).not.toContain("WhatsApp is connected");
    expect(after).not.toContain("the number appears here within a few minutes");
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("ATTENTION");
  });

  it("says so too when the account is still there but all its numbers are gone", async () => {
    const { client, token } = await connectedLink();
    t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!.numbers = [];
    await storeSnapshot({
      clientId: client.id,
      pluginId: EXAMPLE_PLUGIN_ID,
      config: await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID),
    });
    expect(await renderLink(token)).toContain("This WhatsApp connection was removed");
  });

  it("still says the number is on its way right after a signup whose numbers have not arrived", async () => {
    const { client, token } = await connectedLink();
    // As if ChakraHQ had shown the account but no number yet, ever.
    await db.pluginConfigSnapshot.deleteMany({ where: { clientId: client.id } });
    const numbers = t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!.numbers;
    const display = numbers[0]!.number.display_phone_number;
    t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!.numbers = [];
    await storeSnapshot({
      clientId: client.id,
      pluginId: EXAMPLE_PLUGIN_ID,
      config: await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID),
    });
    const page = await renderLink(token);
    // Not "connected" before ChakraHQ shows a number connected.
    expect(page).toContain("Signup done: WhatsApp is not connected yet");
    expect(page).not.toContain("WhatsApp is connected");
    expect(page).toContain("the number appears here within a few minutes");
    expect(page).not.toContain("connection was removed");

    // The page asks again: ChakraHQ is read, and a number connected since is stored and shown.
    t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!.numbers = numbers;
    const link = await resolveLink(token);
    if (link.state === "unknown") throw new Error("no link");
    expect(await checkSignup({ link, chakra: t.chakra })).toMatchObject({ status: "connected", numbers: [display] });
    expect(await renderLink(token)).toContain("WhatsApp is connected");
  });

  it("asks ChakraHQ again only while its rate limit allows, and holds back the background work after a 429", async () => {
    const { client, token } = await connectedLink();
    await db.chakraRateLimit.deleteMany();
    t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!.numbers = [];
    await storeSnapshot({
      clientId: client.id,
      pluginId: EXAMPLE_PLUGIN_ID,
      config: await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID),
    });
    const link = await resolveLink(token);
    if (link.state === "unknown") throw new Error("no link");
    const reads = () => t.fake.requests.filter((r) => r.method === "GET").length;
    vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      // ChakraHQ answers the page's check 429: put on record for every worker.
      t.fake.addFault({ route: "getConfig", kind: "rate_limit", retryAfterSeconds: 120, times: 1 });
      const before = reads();
      expect(await checkSignup({ link, chakra: t.chakra })).toMatchObject({ numbers: [] });
      expect(reads()).toBe(before + 1);
      const gate = await db.chakraRateLimit.findUniqueOrThrow({ where: { id: "chakra" } });
      expect(gate.blockedUntil.getTime()).toBeGreaterThan(Date.now() + 100_000);

      // While it holds, the page's next checks do not call ChakraHQ.
      await checkSignup({ link, chakra: t.chakra });
      expect(reads()).toBe(before + 1);

      // Once it has passed, they do again.
      await db.chakraRateLimit.deleteMany();
      await checkSignup({ link, chakra: t.chakra });
      expect(reads()).toBe(before + 2);
    } finally {
      await db.chakraRateLimit.deleteMany();
      vi.mocked(console.error).mockRestore();
    }
  });

  it("says a finished signup whose number is down is not connected, and shows a replaced copy of a number no more", async () => {
    const { client, token } = await connectedLink();
    const number = t.fake.store.state.plugins[EXAMPLE_PLUGIN_ID]!.numbers[0]!.number;
    // The number went down, then a reconnect listed it again, connected, under a new id.
    const down = { ...number, status: "DISCONNECTED" };
    const config = await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
    await storeSnapshot({
      clientId: client.id,
      pluginId: EXAMPLE_PLUGIN_ID,
      config: { ...config, whatsappPhoneNumbers: [down] },
    });
    const alone = await renderLink(token);
    expect(alone).toContain("Signup done: WhatsApp is not connected yet");
    expect(alone).toContain("Not connected");
    await storeSnapshot({
      clientId: client.id,
      pluginId: EXAMPLE_PLUGIN_ID,
      config: {
        ...config,
        whatsappPhoneNumbers: [down, { ...number, id: "copy-after-reconnect", status: "CONNECTED" }],
      },
    });
    const both = await renderLink(token);
    expect(both).toContain("WhatsApp is connected");
    expect(both).not.toContain("Not connected");
    expect(both.split(number.display_phone_number!).length - 1).toBe(1);
  });
});

describe("asking for a new link", () => {
  it("from a removed connection emails the admins who sent the link, once, and is audited", async () => {
    const { client, token, linkId } = await connectedLink();
    await disconnect(client.id);
    expect(await requestNewLink(token)).toEqual({ ok: true });
    await emailsSettled(admin.email);
    const emails = await db.outboxMessage.findMany({ where: { to: admin.email, subject: { contains: client.name } } });
    expect(emails.map((e) => e.subject)).toEqual([`${client.name} asks for a new onboarding link`]);
    expect(emails[0]!.text).toContain(`/clients/${client.id}`);
    expect(emails[0]!.text).toContain("WhatsApp connection no longer shows in ChakraHQ");
    expect(emails[0]!.text).not.toContain("stopped working");
    expect(await db.auditLog.findFirst({ where: { targetId: linkId, action: "link.new_requested" } })).toMatchObject({
      clientId: client.id,
      metadata: { reason: "connection_removed" },
    });
    const again = await requestNewLink(token);
    expect(again).toEqual({ ok: false, code: "already_requested" });
    if (!again.ok) expect(refusalMessage(again, agencyName, english)).toContain("already told");
  });

  it("is refused from a connection that is still there, and nobody is emailed", async () => {
    const { client, token } = await connectedLink();
    const refused = await requestNewLink(token);
    expect(refused).toEqual({ ok: false, code: "not_needed" });
    if (!refused.ok) expect(refusalMessage(refused, agencyName, english)).toBe("This link does not need replacing.");
    expect(await db.emailDelivery.count({ where: { subject: { contains: client.name } } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { subject: { contains: client.name } } })).toBe(0);
  });
});

describe("the numbers' statuses on the connected page", () => {
  const known = Object.keys(PHONE_STATUS);

  it("has the client's own words for every status the admin page knows", () => {
    for (const status of known) {
      const meaning = clientPhoneStatus(status, "Acme Agency");
      expect(meaning.label, status).not.toContain(status);
      expect(meaning.label, status).not.toMatch(/Meta says/);
      expect(meaning.meaning.length, status).toBeGreaterThan(10);
    }
    expect(clientPhoneStatus("PENDING", "Acme Agency")).toMatchObject({
      label: "Being set up by Meta",
      meaning: "usually a few minutes",
    });
  });

  it("explains each number's status in plain words, an unknown or missing one included, never as a bare code", async () => {
    const { client, token } = await connectedLink();
    const config = await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
    const statuses: (string | null)[] = [...known, "SOMETHING_NEW", null];
    const template = config.whatsappPhoneNumbers[0]!;
    const phones = statuses.map((status, i) => ({
      ...template,
      id: `phone-${i}`,
      display_phone_number: `+1 555 0100 ${String(i).padStart(2, "0")}`,
      status: status ?? undefined,
    }));
    await storeSnapshot({
      clientId: client.id,
      pluginId: EXAMPLE_PLUGIN_ID,
      config: { ...config, whatsappPhoneNumbers: phones },
    });
    const page = await renderLink(token);
    expect(page).toContain("WhatsApp is connected");
    for (const [i, status] of statuses.entries()) {
      const meaning = clientPhoneStatus(status, agencyName);
      const row = page.slice(page.indexOf(phones[i]!.display_phone_number!));
      expect(row.slice(0, 300), String(status)).toContain(`${meaning.label} ${meaning.meaning}`);
    }
    expect(page).toContain(`Meta says “SOMETHING_NEW” ${agencyName} can tell you what this means`);
    expect(page).toContain("Being set up by Meta usually a few minutes");
    // No status is shown as Meta's code alone.
    for (const status of known) expect(page, status).not.toMatch(new RegExp(`(^|\\s)${status}(\\s|$)`));
  });
});
