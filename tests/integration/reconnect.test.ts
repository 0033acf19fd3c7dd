import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The actions read ChakraHQ through the app's own client, which takes its address from the
// environment once: point it at a fake of this file's own.
const fake = await vi.hoisted(async () => (await import("../support/app-fake")).startAppFake());

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { createLinkAction, type LinkState } from "@/lib/actions/links";
import { checkOnboarding, confirmOnboarding, startOnboarding } from "@/lib/actions/onboarding";
import { chakra } from "@/lib/chakra";
import { describeHistory } from "@/lib/clients/history";
import { createLink } from "@/lib/data/onboarding/links";
import { disconnectWaba, refreshClientConfig } from "@/lib/data/whatsapp";
import { db } from "@/lib/db";
import { pageProps, renderPage } from "../support/render-page";
import { finishSignup } from "../support/app-fake";
import { createTestClient, createTestLink } from "../support/factories";
import { setRequestHeaders, signInAs } from "../support/request-context";
import { emailsSettled } from "../support/emails";

/*
 * Issue 10, part 6: a client that already has a plugin can be sent a reconnect or a
 * change-number link, an explicit choice. It mints for the existing plugin, tells the end
 * client what to do, and the history shows it.
 */

let n = 0;
let admin: { id: string; email: string };

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const tokenOf = (url: string) => url.split("/onboard/")[1]!;

/** Presses the button on the link's page: the mint. Returns the connect token. */
async function start(token: string): Promise<string> {
  setRequestHeaders({ "x-forwarded-for": `203.0.113.${n++ % 250}` });
  const started = await startOnboarding(token);
  if (!started.ok) throw new Error(`not started: ${started.code}`);
  return started.connectToken;
}

/** A client that connected WhatsApp through a first link: its plugin holds one WABA and number. */
async function connectedClient() {
  const client = await createTestClient("reconnect");
  const first = await createTestLink(client.id, { actor: admin });
  await finishSignup(fake.url, await start(first.token), "+44 7700 900001");
  expect(await checkOnboarding(first.token)).toMatchObject({ ok: true, status: "connected" });
  const connected = await db.client.findUniqueOrThrow({ where: { id: client.id } });
  expect(connected.onboardingStatus).toBe("CONNECTED");
  return connected as typeof connected & { pluginId: string };
}

const historyOf = async (clientId: string) =>
  (await db.auditLog.findMany({ where: { clientId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) =>
    describeHistory(e.action, e.metadata),
  );

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {}); // the outbox prints every email
  admin = await signInAs("ADMIN");
});
afterEach(() => fake.clearFaults());
afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await fake.close();
});

describe("a link for a client that already has a plugin", () => {
  it("must say what it asks: connect, reconnect or change number", async () => {
    const client = await connectedClient();
    await signInAs("ADMIN", admin.email);
    const refused = await createLinkAction(null, form({ clientId: client.id, validDays: "7", mode: "copy" }));
    expect(refused).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { purpose: [expect.any(String)] } });
    const links = await db.onboardingLink.count({ where: { clientId: client.id } });
    expect(links).toBe(1); // only the first one: nothing was created

    const bogus = await createLinkAction(
      null,
      form({ clientId: client.id, validDays: "7", mode: "copy", purpose: "DELETE_EVERYTHING" }),
    );
    expect(bogus).toMatchObject({ ok: false, code: "INVALID", fieldErrors: { purpose: [expect.any(String)] } });
  });

  it("a reconnect or a change of number is refused for a client without a plugin", async () => {
    const client = await createTestClient("no-plugin");
    for (const purpose of ["RECONNECT", "CHANGE_NUMBER"] as const) {
      const created = await createLink({ actor: admin, clientId: client.id, validDays: 7, purpose });
      expect(created).toMatchObject({ ok: false, message: expect.stringMatching(/already has a ChakraHQ plugin/) });
    }
    expect(await db.onboardingLink.count({ where: { clientId: client.id } })).toBe(0);
    // With no plugin, the purpose may be left out: a first connection.
    await signInAs("ADMIN", admin.email);
    const created = await createLinkAction(null, form({ clientId: client.id, validDays: "7", mode: "copy" }));
    expect(created).toMatchObject({ ok: true });
    expect(await db.onboardingLink.findFirstOrThrow({ where: { clientId: client.id } })).toMatchObject({
      purpose: "CONNECT",
    });
  });

  it("reconnects after a disconnect on the same plugin, and every screen says so", async () => {
    const client = await connectedClient();
    const pluginsBefore = Object.keys(fake.store.state.plugins).length;

    // The agency disconnects the WABA: ChakraHQ shows none, the client needs attention.
    const wabaId = (await chakra.getPluginConfig(client.pluginId)).whatsappBusinessAccounts[0]!.id;
    await refreshClientConfig(client.id);
    const name = (await chakra.getPluginConfig(client.pluginId)).whatsappBusinessAccounts[0]!.name ?? wabaId;
    expect(await disconnectWaba({ actor: admin, clientId: client.id, wabaId, confirmName: name })).toMatchObject({
      outcome: "done",
    });
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("ATTENTION");

    // The admin sends a reconnect link, by email.
    await signInAs("ADMIN", admin.email);
    const sent = await createLinkAction(
      null,
      form({ clientId: client.id, validDays: "7", mode: "email", purpose: "RECONNECT" }),
    );
    expect(sent).toMatchObject({ ok: true });
    const url = (sent as LinkState).url!;
    await emailsSettled(client.contactEmail);
    const email = await db.outboxMessage.findFirstOrThrow({
      where: { to: client.contactEmail },
      orderBy: { createdAt: "desc" },
    });
    expect(email.subject.startsWith(`Reconnect WhatsApp for ${client.name} with `)).toBe(true);
    expect(email.text).toContain("Reconnect WhatsApp");
    expect(email.text).toContain(url);

    // The end client's page asks to reconnect.
    const OnboardPage = (await import("@/app/onboard/[token]/page")).default;
    const page = await renderPage(await OnboardPage(pageProps({ token: tokenOf(url) })));
    expect(page).toContain("Reconnect WhatsApp");
    expect(page).toContain("is no longer connected");

    // The mint is for the client's own plugin: no new plugin at ChakraHQ.
    const connectToken = await start(tokenOf(url));
    expect(Object.keys(fake.store.state.plugins)).toHaveLength(pluginsBefore);
    const minted = await db.signupAttempt.findFirstOrThrow({
      where: { link: { clientId: client.id }, endedAt: null },
    });
    expect(minted.pluginId).toBe(client.pluginId);

    await finishSignup(fake.url, connectToken, "+44 7700 900002");
    expect(await checkOnboarding(tokenOf(url))).toMatchObject({ ok: true, status: "connected" });
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("CONNECTED");
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).pluginId).toBe(client.pluginId);

    const history = await historyOf(client.id);
    expect(history).toContain("Reconnect link created (works 7 days)");
    expect(history).toContain("Reconnected WhatsApp through the reconnect link");
  });

  it("a change of number is confirmed only once the new number shows, not by the old account", async () => {
    const client = await connectedClient();
    const created = await createLink({ actor: admin, clientId: client.id, validDays: 3, purpose: "CHANGE_NUMBER" });
    if (!created.ok) throw new Error("not created");
    const token = tokenOf(created.url);

    const OnboardPage = (await import("@/app/onboard/[token]/page")).default;
    const page = await renderPage(await OnboardPage(pageProps({ token })));
    expect(page).toContain("Change your WhatsApp number");
    expect(page).toContain("Choose your new phone number");

    const connectToken = await start(token);
    // The SDK says success before anything new is at ChakraHQ: the account the client already
    // had does not count.
    const early = await confirmOnboarding(token);
    expect(early).toEqual({ ok: false, code: "not_connected_yet" });
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: created.link.id } })).usedAt).toBeNull();

    await finishSignup(fake.url, connectToken, "+44 7700 900777");
    const confirmed = await confirmOnboarding(token);
    expect(confirmed).toMatchObject({ ok: true, numbers: expect.arrayContaining(["+44 7700 900777"]) });
    expect(await historyOf(client.id)).toEqual(
      expect.arrayContaining([
        "Change-number link created (works 3 days)",
        "Connected the new number through the change-number link",
      ]),
    );
  }, 30_000);

  it("a number that was not connected and connects again counts as the reconnect's result", async () => {
    const client = await connectedClient();
    const created = await createLink({ actor: admin, clientId: client.id, validDays: 7, purpose: "RECONNECT" });
    if (!created.ok) throw new Error("not created");
    const token = tokenOf(created.url);
    // The number left CONNECTED (an offboarded coexistence number, say) before the reconnect.
    const plugin = fake.store.state.plugins[client.pluginId]!;
    plugin.numbers[0]!.number.status = "DISCONNECTED";
    await start(token);
    expect(await checkOnboarding(token)).toMatchObject({ ok: true, status: "pending" });
    // Meta's steps bring the same number back: same id, connected again.
    plugin.numbers[0]!.number.status = "CONNECTED";
    expect(await checkOnboarding(token)).toMatchObject({ ok: true, status: "connected" });
  });
});
