import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { requestHelp } from "@/lib/actions/onboarding";
import { describeHistory } from "@/lib/clients/history";
import { db } from "@/lib/db";
import { getDigest, sendMemberDigest } from "@/lib/data/digest";
import {
  createLink,
  listLinks,
  recordLinkEvent,
  recordLinkSent,
  revokeLink,
  rotateLink,
} from "@/lib/data/onboarding/links";
import { sendDueReminders } from "@/lib/data/onboarding/nudges";
import { env } from "@/lib/env";
import { weekOf } from "@/lib/onboarding/nudges";
import { stopJobs } from "@/lib/jobs";
import { emailsSettled } from "../support/emails";
import { createTestClient, sendTestLink, TEST_LINK_EMAIL } from "../support/factories";

/*
 * Reminders, "I need help" and the weekly digest, on the test database (SQLite or PostgreSQL),
 * with a clock the test holds: the sweep and the digest take `now`, the links' events keep the
 * real time they were written, and the test looks days ahead of it.
 */

const DAY = 24 * 60 * 60 * 1000;
let admin: { id: string; email: string };
const later = (days: number, ms = 0) => new Date(Date.now() + days * DAY + ms);
const tokenOf = (url: string) => url.split("/onboard/")[1]!;

const newClient = (language: string | null = null) => createTestClient("nudges", { language });

/** What the tests' links are "sent" with: the reminders under test are the other emails. */
const LINK_EMAIL = TEST_LINK_EMAIL;

/** A client with a link emailed to its contact now: the link, its address, the client. */
async function sentLink({ validDays = 14, language = null as string | null } = {}) {
  const client = await newClient(language);
  const { linkId, url } = await sendTestLink(client, { actor: admin, validDays });
  return { client, linkId, url };
}

const remindersOf = (linkId: string) => db.linkReminder.findMany({ where: { linkId }, select: { kind: true } });
/** The emails sent to `to` (not the links' own test emails), once the email job has sent them. */
const emailsTo = async (to: string, timeout?: number) => {
  await emailsSettled(to, timeout);
  return db.outboxMessage.findMany({
    where: { to, NOT: { subject: LINK_EMAIL.subject } },
    orderBy: { createdAt: "asc" },
  });
};
const sentFor = (result: Awaited<ReturnType<typeof sendDueReminders>>, linkId: string) =>
  result.sent.filter((s) => s.linkId === linkId).map((s) => s.kind);

async function setNudges(data: {
  nudgeUnopenedDays: number | null;
  nudgeUnfinishedDays: number | null;
  nudgeExpiryWarning: boolean;
}) {
  await db.agencySettings.upsert({
    where: { id: "agency" },
    create: { id: "agency", name: "Ola Digital", brandColor: "#7c3aed", ...data },
    update: data,
  });
}

beforeAll(() => {
  vi.spyOn(console, "log").mockImplementation(() => {}); // the outbox prints every email
});
beforeEach(async () => {
  const user = await db.user.upsert({
    where: { email: "nudges-admin@test.example" },
    create: { email: "nudges-admin@test.example", role: "ADMIN" },
    update: { removedAt: null, weeklyDigest: true },
  });
  admin = { id: user.id, email: user.email };
  await setNudges({ nudgeUnopenedDays: 3, nudgeUnfinishedDays: 2, nudgeExpiryWarning: true });
  // The branding the emails are checked for (other suites leave theirs in the shared database).
  await db.agencySettings.update({ where: { id: "agency" }, data: { name: "Ola Digital", brandColor: "#7c3aed" } });
});
afterAll(async () => {
  await setNudges({ nudgeUnopenedDays: null, nudgeUnfinishedDays: null, nudgeExpiryWarning: false });
  await stopJobs();
});

describe("client reminders", () => {
  it("remind an unopened link once, after its delay, with the same address, in the client's language", async () => {
    const { client, linkId, url } = await sentLink({ language: "es" });
    expect(sentFor(await sendDueReminders({ now: later(3, -60_000) }), linkId)).toEqual([]);
    expect(sentFor(await sendDueReminders({ now: later(3, 60_000) }), linkId)).toEqual(["unopened"]);
    expect(sentFor(await sendDueReminders({ now: later(4) }), linkId)).toEqual([]);
    expect(await remindersOf(linkId)).toEqual([{ kind: "unopened" }]);

    const emails = await emailsTo(client.contactEmail);
    expect(emails).toHaveLength(1);
    const email = emails[0]!;
    expect(email.subject).toBe(`Recordatorio: conecte ${client.name} a WhatsApp con Ola Digital`);
    // The same address (no new token), its help form, and the agency's colour.
    expect(email.text).toContain(url);
    expect(email.text).toContain(`Necesito ayuda: ${url}#help`);
    expect(email.html).toContain(`href="${url}"`);
    expect(email.html).toContain("#7c3aed");
    expect(url.startsWith(`${env.APP_URL.replace(/\/+$/, "")}/onboard/`)).toBe(true);
    expect(await db.onboardingLink.count({ where: { id: linkId } })).toBe(1);

    // In the link's funnel and the client's history.
    const [link] = await listLinks(client.id);
    expect(link!.events.filter((e) => e.type === "REMINDED").map((e) => e.detail)).toEqual([
      `unopened: to ${client.contactEmail}`,
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: linkId, action: "link.reminded" } });
    expect(describeHistory(audit.action, audit.metadata)).toBe(
      `Reminder emailed to ${client.contactEmail} (link not opened)`,
    );
  });

  it("remind an opened, unfinished link from its first visit, and not as unopened", async () => {
    const { client, linkId } = await sentLink();
    await recordLinkEvent(linkId, "OPENED");
    expect(sentFor(await sendDueReminders({ now: later(2, -60_000) }), linkId)).toEqual([]);
    expect(sentFor(await sendDueReminders({ now: later(3, 60_000) }), linkId)).toEqual(["unfinished"]);
    expect(sentFor(await sendDueReminders({ now: later(5) }), linkId)).toEqual([]);
    const [email] = await emailsTo(client.contactEmail);
    expect(email!.subject).toBe(`Finish connecting ${client.name} to WhatsApp`);
    expect(await remindersOf(linkId)).toEqual([{ kind: "unfinished" }]);
  });

  it("are never sent after the link is connected, revoked or replaced", async () => {
    const connected = await sentLink();
    await db.onboardingLink.update({ where: { id: connected.linkId }, data: { usedAt: new Date() } });
    const revoked = await sentLink();
    expect((await revokeLink({ actor: admin, linkId: revoked.linkId })).ok).toBe(true);
    const replaced = await sentLink();
    const newer = await createLink({ actor: admin, clientId: replaced.client.id, validDays: 14 });
    if (!newer.ok) throw new Error(newer.message);

    const result = await sendDueReminders({ now: later(6) });
    for (const { linkId, client } of [connected, revoked, replaced]) {
      expect(sentFor(result, linkId)).toEqual([]);
      expect(await remindersOf(linkId)).toEqual([]);
      expect(await emailsTo(client.contactEmail)).toEqual([]);
    }
  });

  it("carry the link's current address after “Send again”, never the replaced one, and wait afresh", async () => {
    const { client, linkId, url } = await sentLink();
    const rotated = await rotateLink({ actor: admin, linkId });
    if (!rotated.ok) throw new Error(rotated.message);
    await recordLinkSent({ actor: admin, linkId, to: client.contactEmail, email: LINK_EMAIL });
    expect(sentFor(await sendDueReminders({ now: later(3, 60_000) }), linkId)).toEqual(["unopened"]);
    const [email] = await emailsTo(client.contactEmail);
    expect(email!.text).toContain(rotated.url);
    expect(email!.text).not.toContain(tokenOf(url));
  });

  it("are sent once when two sweeps run at the same time", async () => {
    const links = await Promise.all([sentLink(), sentLink(), sentLink()]);
    const now = later(3, 60_000);
    const [a, b] = await Promise.all([sendDueReminders({ now }), sendDueReminders({ now })]);
    for (const { linkId, client } of links) {
      expect([...sentFor(a, linkId), ...sentFor(b, linkId)], linkId).toEqual(["unopened"]);
      expect(await remindersOf(linkId)).toEqual([{ kind: "unopened" }]);
      expect(await emailsTo(client.contactEmail)).toHaveLength(1);
      expect(await db.onboardingLinkEvent.count({ where: { linkId, type: "REMINDED" } })).toBe(1);
    }
  });

  it("are not sent while turned off", async () => {
    await setNudges({ nudgeUnopenedDays: null, nudgeUnfinishedDays: null, nudgeExpiryWarning: false });
    const { linkId } = await sentLink();
    expect(sentFor(await sendDueReminders({ now: later(13) }), linkId)).toEqual([]);
    expect(await remindersOf(linkId)).toEqual([]);
  });
});

describe("the expiry warning", () => {
  it("tells the admin who sent the link, once, in the link's last day", async () => {
    await setNudges({ nudgeUnopenedDays: null, nudgeUnfinishedDays: null, nudgeExpiryWarning: true });
    const { client, linkId } = await sentLink({ validDays: 3 });
    const before = (await emailsTo(admin.email)).length;
    expect(sentFor(await sendDueReminders({ now: later(2, -60_000) }), linkId)).toEqual([]);
    expect(sentFor(await sendDueReminders({ now: later(2, 60_000) }), linkId)).toEqual(["expiring"]);
    expect(sentFor(await sendDueReminders({ now: later(2, 120_000) }), linkId)).toEqual([]);
    const emails = (await emailsTo(admin.email)).slice(before);
    expect(emails.map((e) => e.subject)).toEqual([`${client.name}'s onboarding link expires tomorrow, unused`]);
    expect(emails[0]!.text).toContain(`${env.APP_URL.replace(/\/+$/, "")}/clients/${client.id}`);
    expect(await emailsTo(client.contactEmail)).toEqual([]);
  });
});

describe("I need help", () => {
  it("keeps the message on the link's history and emails the admin who sent the link, with the client's page", async () => {
    const { client, linkId, url } = await sentLink();
    const before = (await emailsTo(admin.email)).length;
    expect(await requestHelp(tokenOf(url), { message: "  Meta asks for a business I do not have.  " })).toEqual({
      ok: true,
    });
    const [link] = await listLinks(client.id);
    expect(link!.events.filter((e) => e.type === "HELP_REQUESTED").map((e) => e.detail)).toEqual([
      "Meta asks for a business I do not have.",
    ]);
    const emails = (await emailsTo(admin.email)).slice(before);
    expect(emails.map((e) => e.subject)).toEqual([`${client.name} needs help connecting WhatsApp`]);
    expect(emails[0]!.text).toContain("“Meta asks for a business I do not have.”");
    expect(emails[0]!.text).toContain(`/clients/${client.id}`);
    expect(emails[0]!.text).toContain(client.contactEmail);
    expect(await db.auditLog.count({ where: { targetId: linkId, action: "link.help_requested" } })).toBe(1);
  });

  it("reaches every admin when no one who sent the link is left", async () => {
    const { url } = await sentLink();
    await db.user.update({ where: { id: admin.id }, data: { removedAt: new Date() } });
    const owner = await db.user.upsert({
      where: { email: "nudges-owner@test.example" },
      create: { email: "nudges-owner@test.example", role: "OWNER" },
      update: { removedAt: null },
    });
    const before = (await emailsTo(owner.email)).length;
    expect(await requestHelp(tokenOf(url), { message: "Who do I call?" })).toEqual({ ok: true });
    expect((await emailsTo(owner.email)).length).toBe(before + 1);
  });

  it("refuses an unknown address and an empty message", async () => {
    const { url } = await sentLink();
    expect(await requestHelp("A".repeat(43), { message: "Hello there" })).toEqual({ ok: false, code: "unknown" });
    expect(await requestHelp(tokenOf(url), { message: " " })).toEqual({ ok: false, code: "invalid" });
  });
});

describe("the weekly digest", () => {
  it("lists the week's connections, unfinished and expiring links and numbers needing attention, with links", async () => {
    const connected = await sentLink();
    await recordLinkEvent(connected.linkId, "CONNECTED");
    const unfinished = await sentLink();
    await recordLinkEvent(unfinished.linkId, "OPENED");
    const expiring = await sentLink({ validDays: 2 });
    const troubled = await newClient();
    const snapshot = await db.pluginConfigSnapshot.create({
      data: {
        clientId: troubled.id,
        pluginId: `plugin-${troubled.id}`,
        raw: {},
        wabaCount: 1,
        phoneCount: 2,
        connectedPhoneCount: 0,
        needsAttention: true,
        isLatest: true,
        phoneNumbers: {
          create: [
            { phoneNumberId: "p1", displayPhoneNumber: "+1 555 0101", status: "DISCONNECTED" },
            { phoneNumberId: "p2", displayPhoneNumber: "+1 555 0102", status: "CONNECTED", qualityRating: "RED" },
          ],
        },
      },
    });
    const base = env.APP_URL.replace(/\/+$/, "");
    const url = (id: string) => `${base}/clients/${id}`;
    const now = new Date(Date.now() + 60_000);
    const digest = await getDigest({ now });
    expect(digest.connected).toContainEqual({ name: connected.client.name, url: url(connected.client.id) });
    expect(digest.unfinished).toContainEqual({ name: unfinished.client.name, url: url(unfinished.client.id) });
    expect(digest.unfinished.map((c) => c.name)).not.toContain(expiring.client.name);
    expect(digest.expiring.map((e) => e.url)).toContain(url(expiring.client.id));
    expect(digest.expiring.map((e) => e.url)).not.toContain(url(unfinished.client.id));
    expect(digest.attention).toContainEqual({ name: troubled.name, url: url(troubled.id), numbers: 2 });
    expect(digest.attentionNumbers).toBeGreaterThanOrEqual(2);

    // A week later the connection is no longer news.
    const nextWeek = await getDigest({ now: later(8) });
    expect(nextWeek.connected.map((c) => c.name)).not.toContain(connected.client.name);

    const week = weekOf(now) + 1000; // a week of this test's own
    expect(await sendMemberDigest({ userId: admin.id, week, now })).toBe("sent");
    expect(await sendMemberDigest({ userId: admin.id, week, now })).toBe("claimed");
    await emailsSettled(admin.email);
    const [email] = await db.outboxMessage.findMany({
      where: { to: admin.email },
      orderBy: { createdAt: "desc" },
      take: 1,
    });
    expect(email!.subject).toMatch(/^Your week at .+: \d+ clients? connected$/);
    expect(email!.text).toContain(`- ${connected.client.name}: ${url(connected.client.id)}`);
    expect(email!.text).toContain(`- ${troubled.name}: 2 numbers: ${url(troubled.id)}`);
    expect(email!.text).toMatch(/This week: \d+ clients? connected, \d+ links? opened but not finished/);
    expect(email!.text).toContain(`${base}/team#your-emails`);
    await db.pluginConfigSnapshot.delete({ where: { id: snapshot.id } });
  });

  it("is not sent to a member who turned it off, nor twice in a week with two jobs at once", async () => {
    await sentLink({ validDays: 2 });
    const week = weekOf(new Date()) + 2000;
    const results = await Promise.all([
      sendMemberDigest({ userId: admin.id, week }),
      sendMemberDigest({ userId: admin.id, week }),
    ]);
    expect(results.sort()).toEqual(["claimed", "sent"]);
    await db.user.update({ where: { id: admin.id }, data: { weeklyDigest: false } });
    expect(await sendMemberDigest({ userId: admin.id, week: week + 1 })).toBe("off");
    expect(await db.memberDigest.count({ where: { userId: admin.id, week: week + 1 } })).toBe(0);
  });
});
