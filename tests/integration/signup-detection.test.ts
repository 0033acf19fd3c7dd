import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The onboarding actions read ChakraHQ through the app's own client, which takes its address
// from the environment once: point it at a fake of this file's own.
const fake = await vi.hoisted(async () => (await import("../support/app-fake")).startAppFake());

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { UNKNOWN_SUCCESS_SDK } from "@/fake-chakra/server";
import {
  checkOnboarding,
  confirmOnboarding,
  reportOnboarding,
  reportSdkEvent,
  startOnboarding,
} from "@/lib/actions/onboarding";
import { SIGNUP_WAIT_MS } from "@/lib/data/onboarding/signup";
import { db } from "@/lib/db";
import { refusalMessage } from "@/lib/onboarding/messages";
import { SDK_PAYLOAD_MAX } from "@/lib/validations/links";
import { createTestClient, createTestLink } from "../support/factories";
import { pageProps, renderPage } from "../support/render-page";
import { finishSignup } from "../support/app-fake";
import { setRequestHeaders, signInAs } from "../support/request-context";
import { emailsSettled } from "../support/emails";
import { translator } from "@/lib/i18n/catalogs";

const english = translator("en", "refusal");

/*
 * Issue 10, part 1: the server finds a completed signup in ChakraHQ's configuration whatever
 * the SDK's events are called, keeps every SDK event raw (no tokens), and tells the end client
 * and the admins when no result comes in time.
 */

let n = 0;
const CONFIG_PATH = /^\/v1\/ext\/plugin\/whatsapp\/[^/]+\/config$/;
const configReads = () => fake.requests.filter((r) => CONFIG_PATH.test(r.path)).length;
let admin: { id: string; email: string };

/** A client (with `pluginId`, or none: the mint creates one) and an active link an admin created. */
async function newLink(pluginId: string | null = null) {
  const client = await createTestClient("detect", { pluginId });
  const { linkId, token } = await createTestLink(client.id, { actor: admin });
  setRequestHeaders({ "x-forwarded-for": `198.51.100.${n++ % 250}` });
  return { client, linkId, token };
}

/** Presses "Connect WhatsApp": the mint, which opens the signup attempt. Returns the connect token. */
async function start(token: string): Promise<string> {
  const started = await startOnboarding(token);
  if (!started.ok) throw new Error(`not started: ${started.code}`);
  return started.connectToken;
}

const emailsAbout = async (clientName: string) => {
  await emailsSettled(admin.email);
  return db.outboxMessage.findMany({
    where: { to: admin.email, subject: { contains: clientName } },
    select: { subject: true },
  });
};
const eventsOf = (linkId: string, type: "CONNECTED" | "UNCONFIRMED" | "SDK_EVENT") =>
  db.onboardingLinkEvent.findMany({ where: { linkId, type }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
const attemptOf = (linkId: string) =>
  db.signupAttempt.findFirstOrThrow({ where: { linkId }, orderBy: { createdAt: "desc" } });

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

describe("completion found on the server", () => {
  it("marks the link connected when the SDK reports success under a name the app does not know, and emails the admins once", async () => {
    const { client, linkId, token } = await newLink();
    const connectToken = await start(token);

    // Nothing new in ChakraHQ yet: pending, whatever is asked how often.
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: false });
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: false });
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).usedAt).toBeNull();

    await finishSignup(fake.url, connectToken);
    // What the stand-in's SDK says: the page does not recognise it, so it only reports it.
    expect(
      await reportSdkEvent(token, {
        callback: "message",
        event: UNKNOWN_SUCCESS_SDK.successEvent,
        data: UNKNOWN_SUCCESS_SDK.successData,
      }),
    ).toEqual({ ok: true });

    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "connected", numbers: ["+44 7700 900123"] });
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).usedAt).not.toBeNull();
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("CONNECTED");
    expect(await db.pluginConfigSnapshot.count({ where: { clientId: client.id } })).toBeGreaterThan(0);
    expect(await attemptOf(linkId)).toMatchObject({ outcome: "connected", endedAt: expect.any(Date) });

    // Asked again, and the SDK's fast path arriving late: still one connection, one email.
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "connected", numbers: ["+44 7700 900123"] });
    expect(await confirmOnboarding(token)).toMatchObject({ ok: true });
    expect(await eventsOf(linkId, "CONNECTED")).toHaveLength(1);
    expect((await emailsAbout(client.name)).map((e) => e.subject)).toEqual([`${client.name} connected WhatsApp`]);
  });

  it("does not count what the plugin already held at the mint; a new number does count", async () => {
    const plugin = fake.createPlugin({ name: "Existing Co plugin" });
    plugin.wabas.push({ id: "700000000000001", name: "Existing WABA" });
    plugin.numbers.push({
      wabaId: "700000000000001",
      availableAt: 0,
      number: { id: "800000000000001", display_phone_number: "+1 555-010-0001", status: "CONNECTED" },
    });
    const { linkId, token } = await newLink(plugin.id);
    const connectToken = await start(token);
    expect(await attemptOf(linkId)).toMatchObject({
      baselineWabaIds: JSON.stringify(["700000000000001"]),
      baselineNumberIds: JSON.stringify(["800000000000001"]),
    });

    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: false });
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).usedAt).toBeNull();
    expect(await eventsOf(linkId, "CONNECTED")).toHaveLength(0);

    await finishSignup(fake.url, connectToken, "+44 7700 900999");
    expect(await checkOnboarding(token)).toMatchObject({ ok: true, status: "connected" });
  });

  it("reads the plugin's configuration beside the token, not after it: the end client waits for the slower call", async () => {
    const plugin = fake.createPlugin({ name: "Overlap Co plugin" });
    plugin.wabas.push({ id: "700000000000003", name: "Existing WABA" });
    const { linkId, token } = await newLink(plugin.id);
    const readsOfPlugin = () => fake.requests.filter((r) => r.path === `/v1/ext/plugin/whatsapp/${plugin.id}/config`);
    // The token's request waits at ChakraHQ; the configuration is read meanwhile (read after
    // the token, as before, it would wait for it).
    fake.addFault({ route: "createConnectToken", kind: "hold", times: 1 });
    const started = startOnboarding(token);
    await vi.waitFor(() => expect(readsOfPlugin().map((r) => r.status)).toEqual([200]), { timeout: 10_000 });
    // Let the token's request go once it is held (it may reach the fake after the read).
    await vi.waitFor(() => expect(fake.release()).toBe(1), { timeout: 10_000 });
    expect(await started).toMatchObject({ ok: true });
    expect(await attemptOf(linkId)).toMatchObject({ baselineWabaIds: JSON.stringify(["700000000000003"]) });
    expect(readsOfPlugin()).toHaveLength(1);
  });

  it("a token ChakraHQ refuses opens no attempt, whatever became of the configuration read beside it", async () => {
    const { linkId, token } = await newLink(fake.createPlugin({ name: "Refused Co plugin" }).id);
    vi.spyOn(console, "error").mockImplementation(() => {});
    fake.addFault({ route: "createConnectToken", kind: "error", times: 1 });
    fake.addFault({ route: "getConfig", kind: "not_found", times: 1 });
    expect(await startOnboarding(token)).toEqual({ ok: false, code: "unavailable" });
    expect(await db.signupAttempt.count({ where: { linkId } })).toBe(0);
    expect(await db.onboardingLinkEvent.count({ where: { linkId, type: "FAILED" } })).toBe(1);
  });

  it("when ChakraHQ cannot be read at the mint and nothing is stored, takes the first reading as the baseline", async () => {
    const plugin = fake.createPlugin({ name: "Unreadable Co plugin" });
    plugin.wabas.push({ id: "700000000000002", name: "Existing WABA" });
    const { linkId, token } = await newLink(plugin.id);
    fake.addFault({ route: "getConfig", kind: "server_error", times: 1 });
    await start(token);
    expect(await attemptOf(linkId)).toMatchObject({ baselineWabaIds: null, baselineNumberIds: null });

    // The existing WABA is not taken for a new one.
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: false });
    expect(await attemptOf(linkId)).toMatchObject({ baselineWabaIds: JSON.stringify(["700000000000002"]) });
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: false });
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).usedAt).toBeNull();
  });

  it("stops looking when the session ends: cancelled (a few minutes later), or its hour passed", async () => {
    const cancelled = await newLink();
    await start(cancelled.token);
    expect(await reportOnboarding(cancelled.token, { kind: "cancelled" })).toEqual({ ok: true });
    // The browser's cancel is not taken at its word at once: ChakraHQ is looked at a few minutes more.
    const watch = await attemptOf(cancelled.linkId);
    expect(watch).toMatchObject({ endedAt: null, outcome: "cancelled" });
    expect(watch.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + SIGNUP_WAIT_MS);
    await db.signupAttempt.update({ where: { id: watch.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const reads = configReads();
    expect(await checkOnboarding(cancelled.token)).toEqual({ ok: true, status: "closed" });
    expect(configReads()).toBe(reads);

    const lapsed = await newLink();
    const connectToken = await start(lapsed.token);
    await db.signupAttempt.updateMany({
      where: { linkId: lapsed.linkId },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    await finishSignup(fake.url, connectToken);
    expect(await checkOnboarding(lapsed.token)).toEqual({ ok: true, status: "closed" });
    expect(configReads()).toBe(reads);
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: lapsed.linkId } })).usedAt).toBeNull();

    // A link that never started a signup: nothing to look at.
    const idle = await newLink();
    expect(await checkOnboarding(idle.token)).toEqual({ ok: true, status: "closed" });
  });

  it("is rate-limited per link, and refuses links that no longer work", async () => {
    const { linkId, token } = await newLink();
    await start(token);
    await db.rateLimitHit.createMany({ data: Array.from({ length: 30 }, () => ({ key: `check:link:${linkId}` })) });
    const reads = configReads();
    const limited = await checkOnboarding(token);
    expect(limited).toEqual({ ok: false, code: "rate_limited", retryAfterMinutes: 1 });
    if (limited.ok) return;
    expect(refusalMessage(limited, "Acme Agency", english)).toContain("Too many");
    expect(configReads()).toBe(reads);

    await db.onboardingLink.update({ where: { id: linkId }, data: { revokedAt: new Date() } });
    expect(await checkOnboarding(token)).toEqual({ ok: false, code: "revoked" });
  });
});

describe("no result in time", () => {
  const backdateLastEvent = (linkId: string, ms: number) =>
    db.signupAttempt.updateMany({ where: { linkId }, data: { lastSdkEventAt: new Date(Date.now() - ms) } });

  it("tells the end client and emails the admins once, SIGNUP_WAIT_MS after the SDK's last event; a late connection still counts", async () => {
    const { client, linkId, token } = await newLink();
    const connectToken = await start(token);
    // No SDK event yet: the client may not have opened the signup; nothing is overdue.
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: false });

    await reportSdkEvent(token, { callback: "message", event: "started", data: { status: "started" } });
    expect((await attemptOf(linkId)).lastSdkEventAt).not.toBeNull();
    await backdateLastEvent(linkId, SIGNUP_WAIT_MS - 10_000);
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: false });
    expect(await emailsAbout(client.name)).toEqual([]);

    await backdateLastEvent(linkId, SIGNUP_WAIT_MS + 1000);
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: true });
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: true });
    expect((await emailsAbout(client.name)).map((e) => e.subject)).toEqual([
      `${client.name}'s WhatsApp signup could not be confirmed`,
    ]);
    expect((await eventsOf(linkId, "UNCONFIRMED")).map((e) => e.detail)).toEqual([
      "ChakraHQ showed no new WhatsApp account 3 minutes after the signup's last event",
    ]);
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("ATTENTION");

    await finishSignup(fake.url, connectToken);
    expect(await checkOnboarding(token)).toMatchObject({ ok: true, status: "connected" });
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("CONNECTED");
  });

  it("counts a success the SDK claimed but ChakraHQ does not show as overdue after the wait, once per attempt", async () => {
    const { client, linkId, token } = await newLink();
    await start(token);
    await reportSdkEvent(token, { callback: "success", data: { status: "connected" } });
    expect(await confirmOnboarding(token)).toEqual({ ok: false, code: "not_connected_yet" });
    await backdateLastEvent(linkId, SIGNUP_WAIT_MS);
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: true });

    // A new attempt (the client tries again) may be reported once more.
    await start(token);
    await reportSdkEvent(token, { callback: "message", event: "started" });
    await backdateLastEvent(linkId, SIGNUP_WAIT_MS);
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: true });
    expect(await emailsAbout(client.name)).toHaveLength(2);
    expect(await eventsOf(linkId, "UNCONFIRMED")).toHaveLength(2);
  }, 30_000);
});

describe("the SDK's events, recorded raw", () => {
  it("keeps name and payload, without tokens, capped in size, and shows them on the link's history", async () => {
    const { client, linkId, token } = await newLink();
    const connectToken = await start(token);
    await reportSdkEvent(token, {
      callback: "message",
      event: "WA_EMBEDDED_SIGNUP_FINISH",
      data: {
        state: "COMPLETED",
        connectToken,
        access_token: "EAAG-plain-access-token",
        code: "AQBx-meta-signup-code",
        error: { code: 100, message: `expired ${connectToken}` },
        nested: [{ idToken: "abc" }, `see ${process.env.APP_URL ?? "http://localhost:3000"}/onboard/${token}`],
        header: "Bearer sk-live-123",
      },
    });
    await reportSdkEvent(token, { callback: "error", data: { message: "x".repeat(10_000) } });
    await reportSdkEvent(token, { callback: "success", data: undefined });

    const details = (await eventsOf(linkId, "SDK_EVENT")).map((e) => e.detail ?? "");
    expect(details).toHaveLength(3);
    const all = details.join("\n");
    for (const secret of [
      connectToken,
      "EAAG-plain-access-token",
      "AQBx-meta-signup-code",
      "sk-live-123",
      token,
      "abc",
    ])
      expect(all).not.toContain(secret);
    expect(all).not.toMatch(/eyJ[\w-]*\.[\w-]+\./);
    expect(details[0]).toMatch(/^WA_EMBEDDED_SIGNUP_FINISH \{"state":"COMPLETED","connectToken":"\[removed\]"/);
    expect(details[0]).toContain('"error":{"code":100,"message":"expired [removed]"}'); // an error code is kept
    expect(details[1]!.startsWith('onError {"message":"xxx')).toBe(true);
    expect(details[1]!.length).toBeLessThanOrEqual("onError ".length + SDK_PAYLOAD_MAX + 1);
    expect(details[1]!.endsWith("…")).toBe(true);
    expect(details[2]).toBe("onSuccess");

    await signInAs("ADMIN", admin.email);
    const ClientPage = (await import("@/app/(dashboard)/clients/[id]/page")).default;
    const html = await renderPage(await ClientPage(pageProps({ id: client.id })));
    expect(html).toContain("signup said: <code");
    expect(html).toContain("WA_EMBEDDED_SIGNUP_FINISH {&quot;state&quot;:&quot;COMPLETED&quot;");
  });

  it("are rate-limited per link, and ignored for links that do not work", async () => {
    const { linkId, token } = await newLink();
    await start(token);
    const results = [];
    for (let i = 0; i < 61; i++) results.push(await reportSdkEvent(token, { callback: "message", event: `step-${i}` }));
    expect(await eventsOf(linkId, "SDK_EVENT")).toHaveLength(60);
    expect(results.slice(0, 60)).toEqual(Array.from({ length: 60 }, () => ({ ok: true })));
    expect(results[60]).toMatchObject({ ok: false, code: "rate_limited" });

    const other = await newLink();
    await db.onboardingLink.update({ where: { id: other.linkId }, data: { revokedAt: new Date() } });
    expect(await reportSdkEvent(other.token, { callback: "message", event: "late" })).toEqual({
      ok: false,
      code: "revoked",
    });
    expect(await eventsOf(other.linkId, "SDK_EVENT")).toHaveLength(0);
  }, 60_000);
});

describe("the fake's SDK", () => {
  it("reports success under the name and data set at run time, and returns to its default", async () => {
    const { FAKE_CHAKRA_TOKEN } = await import("@/lib/chakra/demo");
    const control = (method: string, body?: unknown) =>
      fetch(`${fake.url}/__fake/sdk`, {
        method,
        headers: { Authorization: `Bearer ${FAKE_CHAKRA_TOKEN}` },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const plugin = fake.createPlugin();
    const page = async () => (await fetch(`${fake.url}/connect?token=${fake.mintToken(plugin.id)}`)).text();

    expect((await control("POST", UNKNOWN_SUCCESS_SDK)).status).toBe(200);
    expect(await page()).toContain(
      'var sdk = {"successEvent":"WA_EMBEDDED_SIGNUP_FINISH","callOnSuccess":false,"startEvents":[{"event":"started","data":{"status":"started"}}],"successData":{"state":"COMPLETED"}};',
    );
    expect((await control("POST", { successEvent: null })).status).toBe(200);
    expect(await page()).toContain('var sdk = {"successEvent":null,"callOnSuccess":true');
    expect((await control("POST", { successEvent: 42 })).status).toBe(400);
    expect((await control("DELETE")).status).toBe(200);
    expect(await page()).toContain('var sdk = {"successEvent":"connected","callOnSuccess":true');
  });
});
