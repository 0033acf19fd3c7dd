import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

/*
 * The health sweep, on the job engine with this process running the workers (as the app does
 * on SQLite; pg-boss on PostgreSQL): every mapped plugin fetched once per sweep, a change that
 * needs the agency opens one alert, emailed once to the members who want it until it clears
 * and comes back; one sweep per slot; ChakraHQ's 429 honoured. Runs on both databases.
 */

const fake = await vi.hoisted(async () => {
  const { startAppFake } = await import("../support/app-fake");
  return startAppFake({ CHAKRA_TIMEOUT_MS: "10000", JOBS_IN_APP: "true" });
});
vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import type { FakePlugin } from "@/fake-chakra/state";
import { db } from "@/lib/db";
import { alertRecipients } from "@/lib/data/alerts";
import { runScheduledSweep, runSweepNow, sweepSlot } from "@/lib/data/health";
import { emailsSettled } from "../support/emails";
import { createTestClient, createTestLink, createTestMember } from "../support/factories";
import { env } from "@/lib/env";
import { stopJobs } from "@/lib/jobs";
import { updateEmailPreferencesAction } from "@/lib/actions/preferences";
import { pageProps, renderPage } from "../support/render-page";
import { signInAs } from "../support/request-context";

let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${n++}`;

type Member = { id: string; email: string };
let owner: Member;
let linkSender: Member;
let optedOut: Member;
let viewer: Member;

async function member(role: "OWNER" | "ADMIN" | "VIEWER", alerts?: "ALL" | "MINE" | "NONE") {
  const user = await createTestMember(role, { email: `${unique(`hs-${role.toLowerCase()}`)}@test.example`, alerts });
  return { id: user.id, email: user.email };
}

/** A client whose plugin has one WABA and one connected number, green, 1K a day. */
async function connectedClient(name: string) {
  const plugin = fake.createPlugin({ name });
  plugin.wabas = [{ id: unique("waba"), name: `${name} WABA`, account_review_status: "APPROVED" }];
  plugin.numbers = [
    {
      wabaId: plugin.wabas[0]!.id,
      availableAt: 0,
      number: {
        id: unique("ph"),
        display_phone_number: `+1 555-01${n}-000${n % 10}`,
        verified_name: name,
        status: "CONNECTED",
        quality_rating: "GREEN",
        messaging_limit_tier: "TIER_1K",
        name_status: "APPROVED",
      },
    },
  ];
  const client = await createTestClient("hs", { name, pluginId: plugin.id });
  return { client, plugin };
}

const numberOf = (plugin: FakePlugin) => plugin.numbers[0]!.number;

/** Runs a sweep now and waits until the workers have settled every client. */
async function sweep() {
  const { job, started } = await runSweepNow({ actor: owner });
  expect(started).toBe(true);
  await vi.waitFor(
    async () => expect((await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).status).not.toBe("RUNNING"),
    { timeout: 30_000, interval: 100 },
  );
  return db.refreshJob.findUniqueOrThrow({ where: { id: job.id } });
}

const configRequests = (pluginId: string) =>
  fake.requests.filter((r) => r.method === "GET" && r.path.endsWith("/config") && r.path.includes(pluginId)).length;
/** The emails sent to `to` once the queue has sent them (alerts go through the email job). */
const emailsTo = async (to: string) => {
  await emailsSettled(to);
  return db.outboxMessage.findMany({
    where: { to },
    orderBy: { createdAt: "asc" },
    select: { subject: true, text: true },
  });
};

afterAll(async () => {
  await stopJobs();
  await fake.close();
});
beforeEach(async () => {
  fake.store.reset();
  fake.clearFaults();
  fake.requests.length = 0;
  await db.pluginConfigSnapshot.deleteMany();
  await db.auditLog.deleteMany();
  await db.refreshJob.deleteMany();
  await db.chakraRateLimit.deleteMany();
  await db.outboxMessage.deleteMany();
  await db.client.deleteMany();
  await db.agencySettings.deleteMany();
  owner = await member("OWNER");
  linkSender = await member("ADMIN", "MINE");
  optedOut = await member("ADMIN", "NONE");
  viewer = await member("VIEWER", "ALL");
});

describe("the health sweep", () => {
  it("fetches every mapped plugin once, raises one alert per change, emails it once until it clears and comes back", async () => {
    const acme = await connectedClient("Acme Bakery");
    const north = await connectedClient("North Cafe");
    await createTestLink(acme.client.id, { actor: linkSender });

    // The first sweep is the baseline: nothing to report.
    const first = await sweep();
    expect(first).toMatchObject({ kind: "SWEEP", status: "DONE", total: 2, done: 2, failed: 0, alerts: 0 });
    expect([configRequests(acme.plugin.id), configRequests(north.plugin.id)]).toEqual([1, 1]);
    expect(await db.alert.count()).toBe(0);

    // Acme's number leaves CONNECTED.
    numberOf(acme.plugin).status = "FLAGGED";
    const second = await sweep();
    expect(second).toMatchObject({ done: 2, failed: 0, alerts: 1 });
    // Each client fetched once in this sweep too.
    expect([configRequests(acme.plugin.id), configRequests(north.plugin.id)]).toEqual([2, 2]);
    const alert = await db.alert.findFirstOrThrow({ where: { clientId: acme.client.id } });
    expect(alert).toMatchObject({ key: `number-status:${numberOf(acme.plugin).id}`, status: "OPEN" });
    expect(alert.emailedAt).not.toBeNull();
    expect(await db.alert.count({ where: { clientId: north.client.id } })).toBe(0);

    // Emailed to the members who want it: all clients (owner by default, the viewer), and the
    // admin who chose "mine" and sent Acme a link; not the admin who chose none.
    for (const m of [owner, viewer, linkSender]) expect(await emailsTo(m.email)).toHaveLength(1);
    expect(await emailsTo(optedOut.email)).toHaveLength(0);
    const [email] = await emailsTo(owner.email);
    expect(email!.subject).toContain("Acme Bakery");
    expect(email!.text).toContain("is no longer connected (now FLAGGED)");
    expect(email!.text).toContain("cannot send or receive WhatsApp messages");
    expect(email!.text).toContain(`${env.APP_URL}/clients/${acme.client.id}`);
    // On the client's timeline.
    const timeline = await db.auditLog.findMany({ where: { clientId: acme.client.id }, select: { action: true } });
    expect(timeline.map((e) => e.action)).toEqual(expect.arrayContaining(["alert.opened", "alert.emailed"]));

    // Still flagged: no second email.
    await sweep();
    expect(await emailsTo(owner.email)).toHaveLength(1);
    expect((await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).lastSeenAt.getTime()).toBeGreaterThan(
      alert.lastSeenAt.getTime(),
    );

    // Connected again: cleared, no email.
    numberOf(acme.plugin).status = "CONNECTED";
    await sweep();
    expect(await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "CLEARED" });
    expect(await emailsTo(owner.email)).toHaveLength(1);

    // Back again: a new email.
    numberOf(acme.plugin).status = "FLAGGED";
    expect(await sweep()).toMatchObject({ alerts: 1 });
    expect(await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).toMatchObject({ status: "OPEN" });
    expect(await emailsTo(owner.email)).toHaveLength(2);
  }, 90_000);

  it("alerts when ChakraHQ no longer finds the plugin, and counts the failure", async () => {
    const acme = await connectedClient("Acme Bakery");
    await sweep();
    delete fake.store.state.plugins[acme.plugin.id];
    const run = await sweep();
    expect(run).toMatchObject({ done: 0, failed: 1, alerts: 1 });
    expect(await db.alert.findFirstOrThrow({ where: { clientId: acme.client.id } })).toMatchObject({
      key: "plugin-not-found",
      status: "OPEN",
    });
    const [email] = await emailsTo(owner.email);
    expect(email!.text).toContain(`ChakraHQ no longer finds plugin ${acme.plugin.id}`);
  }, 60_000);

  it("waits out ChakraHQ's 429 and still fetches each client once", async () => {
    const clients = await Promise.all([1, 2, 3].map((i) => connectedClient(`Rate ${i}`)));
    fake.addFault({ route: "getConfig", kind: "rate_limit", retryAfterSeconds: 1, times: 1 });
    const run = await sweep();
    expect(run).toMatchObject({ status: "DONE", done: 3, failed: 0 });
    // The 429 was recorded for every worker to respect.
    expect(await db.chakraRateLimit.findUnique({ where: { id: "chakra" } })).not.toBeNull();
    // One answered 429 and was fetched again; none fetched twice successfully.
    const fetched = clients.map((c) => configRequests(c.plugin.id)).sort();
    expect(fetched).toEqual([1, 1, 2]);
    expect(await db.pluginConfigSnapshot.count()).toBe(3);
  }, 60_000);
});

describe("the schedule", () => {
  it("starts one sweep per slot, however many workers ask at once", async () => {
    await connectedClient("Acme Bakery");
    const now = new Date("2031-03-01T06:10:00Z");
    const answers = await Promise.all([1, 2, 3].map(() => runScheduledSweep({ now, minutes: 360 })));
    expect(answers.filter((a) => a.started)).toHaveLength(1);
    expect(await db.refreshJob.count({ where: { slot: sweepSlot(now, 360).key } })).toBe(1);
    // Later in the same slot: still one.
    expect(await runScheduledSweep({ now: new Date("2031-03-01T11:59:00Z"), minutes: 360 })).toMatchObject({
      started: false,
    });
    expect(await db.refreshJob.count({ where: { kind: "SWEEP" } })).toBe(1);
  });

  it("counts an owner's sweep as this slot's: no scheduled one follows it", async () => {
    await connectedClient("Acme Bakery");
    await sweep();
    expect(await runScheduledSweep({ minutes: 360 })).toEqual({ started: false, reason: "slot taken" });
    expect(await db.refreshJob.count({ where: { kind: "SWEEP" } })).toBe(1);
  });

  it("is off when the interval is 0, and the tests' default is off", async () => {
    expect(await runScheduledSweep({ minutes: 0 })).toEqual({ started: false, reason: "off" });
    expect(await runScheduledSweep()).toEqual({ started: false, reason: "off" });
    expect(await db.refreshJob.count()).toBe(0);
  });
});

describe("alert preferences", () => {
  it("a member with no choice gets all; mine means clients they sent a link to", async () => {
    const { client } = await connectedClient("Acme Bakery");
    expect(await alertRecipients(client.id)).toEqual(expect.arrayContaining([owner.email, viewer.email]));
    expect(await alertRecipients(client.id)).not.toContain(linkSender.email);
    expect(await alertRecipients(client.id)).not.toContain(optedOut.email);
  });

  it("a viewer cannot choose clients they sent links to; an admin can", async () => {
    const form = new FormData();
    form.set("alerts", "MINE");
    await signInAs("VIEWER");
    expect(await updateEmailPreferencesAction(null, form)).toMatchObject({ ok: false, code: "INVALID" });
    const admin = await signInAs("ADMIN");
    // With the weekly digest unticked (no field): both saved at once.
    expect(await updateEmailPreferencesAction(null, form)).toMatchObject({
      ok: true,
      message: "Saved: alerts about the clients you sent links to, no weekly digest.",
    });
    expect(await db.memberPreference.findUnique({ where: { userId: admin.id } })).toMatchObject({ alerts: "MINE" });
    expect(await db.user.findUniqueOrThrow({ where: { id: admin.id } })).toMatchObject({ weeklyDigest: false });
  });
});

describe("the Background work page", () => {
  it("is for owners: the next sweep, the last one's result, failures with their reasons", async () => {
    const acme = await connectedClient("Acme Bakery");
    await sweep();
    delete fake.store.state.plugins[acme.plugin.id];
    await sweep();
    const page = (await import("../../app/(dashboard)/background/page")).default;
    await signInAs("ADMIN");
    // forbidden(): outside Next.js it throws for want of the flag; it throws either way.
    await expect(page()).rejects.toThrow(/forbidden/);
    await signInAs("OWNER");
    const html = renderPage(await page());
    expect(html).toContain("The scheduled sweep is off");
    expect(html).toContain("Clients checked");
    expect(html).toContain("Acme Bakery");
    expect(html).toMatch(/not found|does not know|no longer/i);
    void pageProps;
  });
});
