import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import OnboardPage from "@/app/onboard/[token]/page";
import { confirmOnboarding, markLinkOpened, requestNewLink, startOnboarding } from "@/lib/actions/onboarding";
import { describeHistory } from "@/lib/clients/history";
import { db } from "@/lib/db";
import {
  createLink,
  linkRecipients,
  recordLinkEvent,
  recordLinkSent,
  revokeLink,
  rotateLink,
} from "@/lib/data/onboarding/links";
import { confirmConnection, mintForLink, resolveLink } from "@/lib/data/onboarding/signup";
import { hashToken } from "@/lib/links/token";
import { createTestClient } from "../support/factories";
import { startTestChakra } from "../support/fake-chakra";
import { pageProps, renderPage } from "../support/render-page";
import { emailsSettled } from "../support/emails";

let t: Awaited<ReturnType<typeof startTestChakra>>;
let admin: { id: string; email: string };
let n = 0;
const anEmail = { subject: "Your link", html: "<p>Your link</p>", text: "Your link" };

const newClient = () => createTestClient("links");
const tokenOf = (url: string) => url.split("/onboard/")[1]!;
/** The link a token resolves to, as the end client's actions see it (fails the test when there is none). */
async function linkOf(token: string) {
  const link = await resolveLink(token);
  if (link.state === "unknown") throw new Error("no such link");
  return link;
}

beforeAll(async () => {
  t = await startTestChakra({ numbersDelayMs: 300 });
});
afterAll(() => t.fake.close());
beforeEach(async () => {
  const user = await db.user.upsert({
    where: { email: "links-admin@test.example" },
    create: { email: "links-admin@test.example", role: "ADMIN" },
    update: { removedAt: null },
  });
  admin = { id: user.id, email: user.email };
});

describe("links", () => {
  it("carry 256 random bits, are stored only as a hash, and replace the client's earlier link", async () => {
    const client = await newClient();
    const first = await createLink({ actor: admin, clientId: client.id, validDays: 7 });
    const second = await createLink({ actor: admin, clientId: client.id, validDays: 2 });
    if (!first.ok || !second.ok) throw new Error("not created");
    const token = tokenOf(second.url);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
    const rows = await db.onboardingLink.findMany({ where: { clientId: client.id } });
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(rows.find((r) => r.id === second.link.id)?.tokenHash).toBe(hashToken(token));
    expect(second.link.expiresAt.getTime() - Date.now()).toBeGreaterThan(2 * 86_400_000 - 60_000);

    expect(await resolveLink(tokenOf(first.url))).toEqual({
      state: "revoked",
      linkId: first.link.id,
      clientId: client.id,
      clientName: client.name,
      language: null,
      pluginId: null,
      purpose: "CONNECT",
      expiresAt: first.link.expiresAt,
      usedAt: null,
    });
    expect(await resolveLink(token)).toMatchObject({ state: "active", clientId: client.id, clientName: client.name });
    expect(await db.onboardingLinkEvent.count({ where: { linkId: first.link.id, type: "REVOKED" } })).toBe(1);
  });

  it("sent again get a new address; the old one stops working and can only ask for a new link", async () => {
    const client = await newClient();
    const created = await createLink({ actor: admin, clientId: client.id, validDays: 7 });
    if (!created.ok) throw new Error("not created");
    const rotated = await rotateLink({ actor: admin, linkId: created.link.id });
    const again = await rotateLink({ actor: admin, linkId: created.link.id });
    if (!rotated.ok || !again.ok) throw new Error("not rotated");
    const [first, second, live] = [created.url, rotated.url, again.url].map(tokenOf) as [string, string, string];
    expect(await resolveLink(first)).toMatchObject({ state: "replaced", linkId: created.link.id });
    expect(await resolveLink(second)).toMatchObject({ state: "replaced", linkId: created.link.id });
    expect(await resolveLink(live)).toMatchObject({ state: "active", linkId: created.link.id });
    // Kept only as hashes, like the live address.
    const kept = await db.replacedLinkToken.findMany({ where: { linkId: created.link.id } });
    expect(kept.map((r) => r.tokenHash).sort()).toEqual([hashToken(first), hashToken(second)].sort());
    expect(JSON.stringify(kept)).not.toContain(first);

    // No more than an expired link: no client name, no mint, no "opened", no connection check.
    const page = renderPage(await OnboardPage(pageProps({ token: first })));
    expect(page).toContain("This link was replaced by a newer one");
    expect(page).toContain("Ask for a new link");
    expect(page).not.toContain(client.name);
    const before = t.fake.requests.length;
    expect(await startOnboarding(first)).toEqual({ ok: false, code: "replaced" });
    expect(await markLinkOpened(first)).toEqual({ ok: false, code: "replaced" });
    expect(await confirmOnboarding(first)).toEqual({ ok: false, code: "replaced" });
    expect(t.fake.requests.length).toBe(before);
    expect(
      await db.onboardingLinkEvent.count({ where: { linkId: created.link.id, type: { in: ["OPENED", "STARTED"] } } }),
    ).toBe(0);
    expect(await db.signupAttempt.count({ where: { linkId: created.link.id } })).toBe(0);

    // Asking for a new link reaches the admins who made the link, once a day.
    vi.spyOn(console, "log").mockImplementation(() => {}); // the outbox prints every email
    expect(await requestNewLink(second)).toEqual({ ok: true });
    await emailsSettled(admin.email);
    const email = await db.outboxMessage.findFirstOrThrow({
      where: { to: admin.email },
      orderBy: { createdAt: "desc" },
    });
    expect(email.subject).toBe(`${client.name} asks for a new onboarding link`);
    expect(email.text).toContain("since replaced by a newer address");
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: created.link.id, action: "link.new_requested" },
    });
    expect(audit.metadata).toMatchObject({ reason: "replaced_address" });
    expect(describeHistory(audit.action, audit.metadata)).toBe(
      "Asked for a new onboarding link (from an earlier address, since replaced by a newer one)",
    );
    expect(await requestNewLink(first)).toEqual({ ok: false, code: "already_requested" });

    // Whatever happens to the link later, an old address stays replaced and says nothing of it.
    await db.onboardingLink.update({ where: { id: created.link.id }, data: { usedAt: new Date() } });
    expect(await resolveLink(first)).toMatchObject({ state: "replaced" });
    expect(renderPage(await OnboardPage(pageProps({ token: first })))).not.toContain(client.name);
    expect(await confirmOnboarding(first)).toEqual({ ok: false, code: "replaced" });
  });

  it("sent again twice at once: one new address wins, and no address is lost", async () => {
    const client = await newClient();
    const created = await createLink({ actor: admin, clientId: client.id, validDays: 7 });
    if (!created.ok) throw new Error("not created");
    const results = await Promise.all([1, 2, 3].map(() => rotateLink({ actor: admin, linkId: created.link.id })));
    const won = results.filter((r) => r.ok);
    expect(won.length).toBeGreaterThanOrEqual(1);
    for (const r of results) if (!r.ok) expect(r.message).toBe("This link changed meanwhile: reload the page.");
    // Every address this link ever had resolves: the last one active, the others replaced.
    const last = won.at(-1)!;
    if (!last.ok) throw new Error("unreachable");
    const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: created.link.id } });
    const live = won.find((r) => r.ok && hashToken(tokenOf(r.url)) === link.tokenHash);
    expect(live).toBeDefined();
    for (const r of won) {
      if (!r.ok) continue;
      expect((await resolveLink(tokenOf(r.url))).state).toBe(r === live ? "active" : "replaced");
    }
    expect((await resolveLink(tokenOf(created.url))).state).toBe("replaced");
    expect(await db.replacedLinkToken.count({ where: { linkId: created.link.id } })).toBe(won.length);
  });

  it("resolve expired, revoked, archived, unknown and malformed tokens; the page names no client for them", async () => {
    const client = await newClient();
    const created = await createLink({ actor: admin, clientId: client.id, validDays: 7 });
    if (!created.ok) throw new Error("not created");
    const token = tokenOf(created.url);
    // The link's own page: only a link that works (or worked) says whose it is.
    const page = async () => renderPage(await OnboardPage(pageProps({ token })));
    const found = {
      linkId: created.link.id,
      clientId: client.id,
      clientName: client.name,
      language: null,
      pluginId: null,
      purpose: "CONNECT",
      usedAt: null,
    };
    const expired = new Date(Date.now() - 1000);
    await db.onboardingLink.update({ where: { id: created.link.id }, data: { expiresAt: expired } });
    expect(await resolveLink(token)).toEqual({ state: "expired", ...found, expiresAt: expired });
    expect(await page()).toContain("This link has expired");
    expect(await page()).not.toContain(client.name);
    const later = new Date(Date.now() + 60_000);
    await db.onboardingLink.update({ where: { id: created.link.id }, data: { expiresAt: later } });
    expect(await page()).toContain(client.name);
    await db.client.update({ where: { id: client.id }, data: { archived: true } });
    expect(await resolveLink(token)).toEqual({ state: "revoked", ...found, expiresAt: later });
    expect(await page()).toContain("This link is no longer active");
    expect(await page()).not.toContain(client.name);
    await db.client.update({ where: { id: client.id }, data: { archived: false } });
    expect((await revokeLink({ actor: admin, linkId: created.link.id })).ok).toBe(true);
    const revoked = await db.onboardingLinkEvent.findFirstOrThrow({
      where: { linkId: created.link.id, type: "REVOKED" },
    });
    expect(revoked.detail).toBe(`by ${admin.email}`);
    expect(await resolveLink(token)).toEqual({ state: "revoked", ...found, expiresAt: later });
    expect(await page()).not.toContain(client.name);
    expect(await resolveLink("A".repeat(43))).toEqual({ state: "unknown" });
    expect(await resolveLink("../../etc/passwd")).toEqual({ state: "unknown" });
  });

  it("refuse to be created for an archived client", async () => {
    const client = await newClient();
    await db.client.update({ where: { id: client.id }, data: { archived: true } });
    expect(await createLink({ actor: admin, clientId: client.id, validDays: 7 })).toMatchObject({ ok: false });
  });
});

describe("the funnel", () => {
  it("moves the client's stage forward, flags failures, and never undoes a connection", async () => {
    const client = await newClient();
    const created = await createLink({ actor: admin, clientId: client.id, validDays: 7 });
    if (!created.ok) throw new Error("not created");
    const stage = async () => (await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus;
    const id = created.link.id;
    expect(await stage()).toBe("NOT_INVITED");
    await recordLinkSent({ actor: admin, linkId: id, to: client.contactEmail, email: anEmail });
    expect(await stage()).toBe("INVITED");
    await recordLinkEvent(id, "OPENED");
    expect(await stage()).toBe("OPENED");
    await recordLinkEvent(id, "FAILED", "Meta said no");
    expect(await stage()).toBe("ATTENTION");
    await recordLinkEvent(id, "STARTED");
    expect(await stage()).toBe("OPENED");
    await recordLinkEvent(id, "CONNECTED");
    expect(await stage()).toBe("CONNECTED");
    await recordLinkEvent(id, "FAILED", "late error");
    expect(await stage()).toBe("CONNECTED");
    const events = await db.onboardingLinkEvent.findMany({
      where: { linkId: id },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
    expect(events.map((e) => e.type)).toEqual([
      "CREATED",
      "SENT",
      "OPENED",
      "FAILED",
      "STARTED",
      "CONNECTED",
      "FAILED",
    ]);
    expect(events[3]!.detail).toBe("Meta said no");
  });
});

describe("connecting", () => {
  it("mints only for the link's own client, then confirms by asking ChakraHQ, polling until the number shows", async () => {
    const client = await newClient();
    const created = await createLink({ actor: admin, clientId: client.id, validDays: 7 });
    if (!created.ok) throw new Error("not created");
    const token = tokenOf(created.url);
    const minted = await mintForLink(await linkOf(token), t.chakra);
    if (!minted.ok) throw new Error("not minted");
    const pluginId = (await db.client.findUniqueOrThrow({ where: { id: client.id } })).pluginId!;
    expect(pluginId).toBeTruthy();

    // Before the signup: ChakraHQ shows nothing, so nothing is confirmed, whatever the browser says.
    expect(await confirmConnection(await linkOf(token), { chakra: t.chakra, pollMs: 10, attempts: 2 })).toEqual({
      ok: false,
      reason: "not_connected",
    });
    expect((await resolveLink(token)).state).toBe("active");

    const done = await fetch(`${t.fake.url}/connect/complete`, {
      method: "POST",
      body: JSON.stringify({ token: minted.connectToken, businessName: "Acme Bakery", phoneNumber: "+1 555-010-4477" }),
    });
    expect(done.status).toBe(200);
    const result = await confirmConnection(await linkOf(token), { chakra: t.chakra, pollMs: 100, attempts: 20 });
    expect(result).toMatchObject({ ok: true, newlyConnected: true });
    if (!result.ok) return;
    expect(result.config.whatsappPhoneNumbers.map((p) => p.display_phone_number)).toEqual(["+1 555-010-4477"]);
    expect((await resolveLink(token)).state).toBe("connected");
    expect(await db.pluginConfigSnapshot.count({ where: { clientId: client.id } })).toBeGreaterThan(0);
    expect(
      (await confirmConnection(await linkOf(token), { chakra: t.chakra })) as { newlyConnected: boolean },
    ).toMatchObject({
      newlyConnected: false,
    });
    expect(await db.onboardingLinkEvent.count({ where: { linkId: created.link.id, type: "CONNECTED" } })).toBe(1);
    // A used link mints no more (the end client's action refuses it before any mint).
    expect(await startOnboarding(token)).toEqual({ ok: false, code: "connected" });
    expect(await db.onboardingLinkEvent.count({ where: { linkId: created.link.id, type: "STARTED" } })).toBe(1);
  });

  it("tells the creator and everyone who sent the link, once each, not removed members", async () => {
    const client = await newClient();
    const created = await createLink({ actor: admin, clientId: client.id, validDays: 7 });
    if (!created.ok) throw new Error("not created");
    const other = await db.user.create({ data: { email: `sender-${n++}@test.example`, role: "ADMIN" } });
    const gone = await db.user.create({
      data: { email: `gone-${n++}@test.example`, role: "ADMIN", removedAt: new Date() },
    });
    for (const actor of [admin, other, admin, gone])
      await recordLinkSent({ actor, linkId: created.link.id, to: client.contactEmail, email: anEmail });
    expect((await linkRecipients(created.link.id)).sort()).toEqual([admin.email, other.email].sort());
  });
});
