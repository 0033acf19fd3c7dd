import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The onboarding actions mint through the app's own ChakraHQ client, which takes its address
// and timeout from the environment once: point it at a fake of this file's own, with a
// timeout short enough for an answer to come too late.
const fake = await vi.hoisted(async () =>
  (await import("../support/app-fake")).startAppFake({ CHAKRA_TIMEOUT_MS: "500" }),
);

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { releasePluginHoldAction } from "@/lib/actions/clients";
import { startOnboarding } from "@/lib/actions/onboarding";
import { getAgencyBranding } from "@/lib/data/agency";
import { db } from "@/lib/db";
import { refusalMessage } from "@/lib/onboarding/messages";
import { createTestClient, createTestLink } from "../support/factories";
import { pageProps, renderPage } from "../support/render-page";
import { setRequestHeaders, signInAs } from "../support/request-context";
import { emailsSettled } from "../support/emails";
import { translator } from "@/lib/i18n/catalogs";

const english = translator("en", "refusal");

/*
 * What the end client and the admins are told when no new plugin may be asked for (a request
 * whose outcome is unknown holds them) or another request is still under way, through the
 * end client's own action.
 */

let n = 0;
const TOKEN_PATH = "/v1/ext/whatsapp-partner/create-connect-token";
const pluginsFor = (reference: string) =>
  Object.values(fake.store.state.plugins).filter((p) => p.clientReferenceId === reference);
const tokenRequests = () => fake.requests.filter((r) => r.path === TOKEN_PATH).length;

let admin: { id: string; email: string };
let agencyName = "";

/** A client without a plugin, and an active link the admin created for it. */
async function newLink() {
  const client = await createTestClient("hold");
  const { linkId, token } = await createTestLink(client.id, { actor: admin });
  // Each test from an address of its own: the per-address limit is not what is tested here.
  setRequestHeaders({ "x-forwarded-for": `203.0.113.${n++ % 250}` });
  return { client, linkId, token };
}

/** The link's first attempt: ChakraHQ creates the plugin but answers after the app gave up. */
async function heldLink() {
  const link = await newLink();
  fake.addFault({ route: "createConnectToken", kind: "late_answer", times: 1 });
  const first = await startOnboarding(link.token);
  return { ...link, first };
}

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {}); // the outbox prints every email
  admin = await signInAs("ADMIN");
  agencyName = (await getAgencyBranding()).name;
});
afterEach(() => fake.clearFaults());
afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await fake.close();
});

describe("a client whose new plugin is held", () => {
  it("is told the agency has to finish setting up the account; the admins are emailed once; no second plugin", async () => {
    const { client, linkId, token, first } = await heldLink();
    const held = { ok: false, code: "held" } as const;
    expect(first).toEqual(held);
    expect(refusalMessage(held, agencyName, english)).toBe(
      `${agencyName} has to finish setting up your account before WhatsApp can be connected. They have been told and will let you know when to try again.`,
    );
    const asked = tokenRequests();
    expect(await startOnboarding(token)).toEqual(held);
    expect(await startOnboarding(token)).toEqual(held);
    expect(tokenRequests()).toBe(asked);
    expect(pluginsFor(client.clientReferenceId)).toHaveLength(1);

    await emailsSettled(admin.email);
    const emails = await db.outboxMessage.findMany({ where: { to: admin.email, subject: { contains: client.name } } });
    expect(emails.map((e) => e.subject)).toEqual([`${client.name} cannot connect WhatsApp until you check ChakraHQ`]);
    expect(emails[0]!.text).toContain(`client reference ${client.clientReferenceId}`);
    expect(emails[0]!.text).toContain(`/clients/${client.id}`);

    const failed = await db.onboardingLinkEvent.findMany({ where: { linkId, type: "FAILED" } });
    expect(failed.map((e) => e.detail)).toEqual([expect.stringContaining(`reference ${client.clientReferenceId}`)]);
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("ATTENTION");
  });

  it("can start again once an admin releases the hold, which needs a confirmation and is audited", async () => {
    const { client, token, first } = await heldLink();
    expect(first).toMatchObject({ ok: false, code: "held" });
    await signInAs("ADMIN", admin.email);

    const fields = { id: client.id, reference: client.clientReferenceId };
    expect(await releasePluginHoldAction(null, form(fields))).toMatchObject({
      ok: false,
      message: `Tick the box to confirm that ChakraHQ has no plugin with the reference ${client.clientReferenceId}.`,
    });
    expect(await startOnboarding(token)).toMatchObject({ ok: false, code: "held" });

    // Released: the action ends on the client's page, which says so.
    const released = await releasePluginHoldAction(null, form({ ...fields, confirm: "on" })).catch(
      (error: unknown) => error,
    );
    expect(released).toMatchObject({
      digest: expect.stringContaining(`;/clients/${client.id}?saved=hold_released;`),
    });
    expect(
      await db.auditLog.findFirst({ where: { clientId: client.id, action: "client.plugin_hold_released" } }),
    ).toMatchObject({ actorEmail: admin.email });
    const started = await startOnboarding(token);
    expect(started).toMatchObject({ ok: true, connectToken: expect.any(String) });
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).pluginId).toBeTruthy();
  });
});

describe("the client's page, while new plugins are held", () => {
  it("tells the admin what to do, and offers admins (not viewers) the release", async () => {
    const { client } = await heldLink();
    const ClientPage = (await import("@/app/(dashboard)/clients/[id]/page")).default;
    const render = async () => renderPage(await ClientPage(pageProps({ id: client.id })));

    await signInAs("ADMIN", admin.email);
    const html = await render();
    expect(html).toContain("Waiting for you: ChakraHQ may have created a plugin");
    expect(html).toContain(`look for a WhatsApp plugin with the client reference`);
    expect(html).toContain(`<code class="font-mono break-all">${client.clientReferenceId}</code>`);
    expect(html).toContain("Map the plugin");
    expect(html).toContain("Release the hold");
    // The history says what happened, in words.
    expect(html).toContain(
      `The request to ChakraHQ for a new plugin (reference ${client.clientReferenceId}) ended without a clear outcome`,
    );

    await signInAs("VIEWER");
    const seen = await render();
    expect(seen).toContain("Waiting for you: ChakraHQ may have created a plugin");
    expect(seen).not.toContain("Release the hold");
    await signInAs("ADMIN", admin.email);
  });
});

describe("a client whose new plugin is being created by another request", () => {
  it("is told to try again in a moment, and ChakraHQ is not asked", async () => {
    const { client, token } = await newLink();
    // Another process holds the lock, and stays alive (its heartbeat goes on) while this waits.
    const owner = "other-host/77/attempt";
    const beat = async () =>
      db.client.update({
        where: { id: client.id },
        data: { pluginMintOwner: owner, pluginMintHeartbeatAt: new Date() },
      });
    await db.client.update({
      where: { id: client.id },
      data: {
        pluginMintStartedAt: new Date(),
        pluginMintSentAt: new Date(),
        pluginMintReference: client.clientReferenceId,
      },
    });
    await beat();
    const heartbeat = setInterval(() => void beat(), 500);
    const asked = tokenRequests();
    try {
      const busy = await startOnboarding(token);
      expect(busy).toEqual({ ok: false, code: "busy" });
      if (busy.ok) return;
      expect(refusalMessage(busy, agencyName, english)).toBe(
        "Your WhatsApp signup is already being prepared, perhaps in another tab or window. Please try again in a moment.",
      );
    } finally {
      clearInterval(heartbeat);
    }
    expect(tokenRequests()).toBe(asked);
    expect(pluginsFor(client.clientReferenceId)).toHaveLength(0);
  });

  it("goes through at once when that request's process died before asking ChakraHQ", async () => {
    const { client, token } = await newLink();
    const died = new Date(Date.now() - 10_000);
    await db.client.update({
      where: { id: client.id },
      data: { pluginMintOwner: "crashed-host/4242/attempt", pluginMintStartedAt: died, pluginMintHeartbeatAt: died },
    });
    expect(await startOnboarding(token)).toMatchObject({ ok: true, connectToken: expect.any(String) });
    expect(pluginsFor(client.clientReferenceId)).toHaveLength(1);
  });
});
