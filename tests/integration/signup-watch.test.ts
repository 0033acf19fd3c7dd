import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

// The actions read ChakraHQ through the app's own client, which takes its address from the
// environment once: point it at a fake of this file's own.
const fake = await vi.hoisted(async () => (await import("../support/app-fake")).startAppFake());

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { checkOnboarding, reportOnboarding, startOnboarding } from "@/lib/actions/onboarding";
import { describeHistory } from "@/lib/clients/history";
import { SIGNUP_WAIT_MS } from "@/lib/data/onboarding/signup";
import { db } from "@/lib/db";
import { finishSignup } from "../support/app-fake";
import { createTestClient, createTestLink } from "../support/factories";
import { setRequestHeaders, signInAs } from "../support/request-context";

/*
 * What the review of the signup watch found: the browser's "cancelled" does not blind the
 * server, the new-plugin request is on record before it is sent, and an SDK's error text
 * loses its credentials like its events do.
 */

let n = 0;
let admin: { id: string; email: string };
const TOKEN_PATH = "/v1/ext/whatsapp-partner/create-connect-token";

async function newLink() {
  const client = await createTestClient("watch");
  const { linkId, token } = await createTestLink(client.id, { actor: admin });
  setRequestHeaders({ "x-forwarded-for": `192.0.2.${n++ % 250}` });
  return { client, linkId, token };
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

describe("the browser's word does not end the server's watch", () => {
  it("a signup the SDK reports as closed after finishing it is still found, without a false alarm", async () => {
    const { client, linkId, token } = await newLink();
    const started = await startOnboarding(token);
    if (!started.ok) throw new Error(started.code);
    await finishSignup(fake.url, started.connectToken);
    // The SDK's success went unrecognised, then it said "popup_closed": the page reports a cancel.
    expect(await reportOnboarding(token, { kind: "cancelled" })).toEqual({ ok: true });

    expect(await checkOnboarding(token)).toMatchObject({ ok: true, status: "connected" });
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId } })).usedAt).not.toBeNull();
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("CONNECTED");
  });

  it("a real cancel is watched only a few more minutes, and never reported as overdue", async () => {
    const { linkId, token } = await newLink();
    const started = await startOnboarding(token);
    if (!started.ok) throw new Error(started.code);
    const before = Date.now();
    await reportOnboarding(token, { kind: "cancelled" });
    const attempt = await db.signupAttempt.findFirstOrThrow({ where: { linkId }, orderBy: { createdAt: "desc" } });
    expect(attempt.endedAt).toBeNull();
    expect(attempt.outcome).toBe("cancelled");
    expect(attempt.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + SIGNUP_WAIT_MS);
    expect(attempt.expiresAt.getTime()).toBeGreaterThanOrEqual(before + SIGNUP_WAIT_MS);
    // Long after the SDK's last event: still only "pending", no "not confirmed" alarm.
    await db.signupAttempt.update({ where: { id: attempt.id }, data: { lastSdkEventAt: new Date(0) } });
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "pending", overdue: false });
    expect(await db.onboardingLinkEvent.count({ where: { linkId, type: "UNCONFIRMED" } })).toBe(0);
    // Once the few minutes are over, nothing is watched any more.
    await db.signupAttempt.update({ where: { id: attempt.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await checkOnboarding(token)).toEqual({ ok: true, status: "closed" });
  });

  it("an SDK's error text is kept without the credentials it quotes", async () => {
    const { linkId, token } = await newLink();
    const connectToken = "eyJhbGciOiJIUzI1NiJ9.eyJwbHVnaW5JZCI6IngifQ.c2lnbmF0dXJl";
    await reportOnboarding(token, { kind: "failed", message: `Token ${connectToken} rejected at /onboard/${token}` });
    const failed = await db.onboardingLinkEvent.findFirstOrThrow({ where: { linkId, type: "FAILED" } });
    expect(failed.detail).toBe("Token [removed] rejected at [removed]");
  });
});

describe("the new-plugin request is on record before it is sent", () => {
  it("is in the history while ChakraHQ has not answered, and then carries the answer", async () => {
    const { client, token } = await newLink();
    fake.addFault({ route: "createConnectToken", kind: "hold", times: 1 });
    const pressed = startOnboarding(token);
    await expect
      .poll(() => historyOf(client.id), { timeout: 10_000 })
      .toContain(`Asked ChakraHQ for a new plugin (reference ${client.clientReferenceId}); no outcome was recorded`);
    // The entry is written before the request leaves: let it go once the fake holds it.
    await expect.poll(() => fake.release()).toBe(1);
    expect(await pressed).toMatchObject({ ok: true });
    const history = await historyOf(client.id);
    expect(history).not.toContain(
      `Asked ChakraHQ for a new plugin (reference ${client.clientReferenceId}); no outcome was recorded`,
    );
    expect(history.filter((line) => line.startsWith("ChakraHQ created plugin"))).toHaveLength(1);
  });

  it("a refusal is recorded with ChakraHQ's reason, and nothing is held", async () => {
    const { client, token } = await newLink();
    fake.addFault({ route: "createConnectToken", kind: "error", status: 402, message: "Upgrade to a paid plan" });
    expect(await startOnboarding(token)).toEqual({ ok: false, code: "unavailable" });
    expect(fake.requests.filter((r) => r.path === TOKEN_PATH).length).toBeGreaterThan(0);
    expect(await historyOf(client.id)).toContain(
      `ChakraHQ refused to create a plugin (reference ${client.clientReferenceId}): Upgrade to a paid plan`,
    );
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).pluginHoldAt).toBeNull();
  });
});
