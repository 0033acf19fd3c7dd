import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import { db } from "@/lib/db";
import { REFRESH_CHAKRA_CALLS, refreshClientJob, startRefreshAll } from "@/lib/data/whatsapp";
import { RetryLater } from "@/lib/jobs/engine";
import { stopJobs } from "@/lib/jobs";
import { createTestClient } from "../support/factories";

/*
 * "Refresh all" on the job engine, with this process running the workers (as the app does on
 * SQLite): one job per client, progress in the database, ChakraHQ's 429 honoured by all.
 */

const fake = await vi.hoisted(async () => {
  const { startAppFake } = await import("../support/app-fake");
  // Long enough that calls held by a test do not time out meanwhile.
  return startAppFake({ CHAKRA_TIMEOUT_MS: "10000", JOBS_IN_APP: "true" });
});

let actor: { id: string; email: string };

/** A client mapped to `pluginId`, named `name` ("Client ra-…" by default). */
const clientWithPlugin = (pluginId: string, name?: string) =>
  createTestClient("ra", { pluginId, ...(name ? { name } : {}) });

/** Starts a run and waits until the workers have settled every client. */
async function refreshAllAndWait() {
  const { job, started } = await startRefreshAll({ actor });
  expect(started).toBe(true);
  await vi.waitFor(
    async () => expect((await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).status).not.toBe("RUNNING"),
    { timeout: 30_000, interval: 100 },
  );
  return job;
}

const configRequests = () => fake.requests.filter((r) => r.method === "GET" && r.path.endsWith("/config"));

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
  await db.client.deleteMany();
  const user = await db.user.upsert({
    where: { email: "ra-admin@test.example" },
    create: { email: "ra-admin@test.example", role: "ADMIN" },
    update: {},
  });
  actor = { id: user.id, email: user.email };
});

describe("refresh all, on the job engine", () => {
  it("refreshes all clients a few at a time, waiting out a 429", async () => {
    const clients = await Promise.all(
      [1, 2, 3, 4].map((i) => clientWithPlugin(fake.createPlugin({ name: `p${i}` }).id)),
    );
    fake.addFault({ route: "getConfig", kind: "rate_limit", retryAfterSeconds: 0, times: 2 });
    const job = await refreshAllAndWait();
    expect(await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "DONE",
      done: 4,
      failed: 0,
    });
    expect(await db.pluginConfigSnapshot.count({ where: { isLatest: true } })).toBe(clients.length);
  });

  it("calls ChakraHQ at most REFRESH_CHAKRA_CALLS at once, while more jobs than that run", async () => {
    expect(refreshClientJob.concurrency).toBeGreaterThan(REFRESH_CHAKRA_CALLS);
    const clients = await Promise.all(
      [1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => clientWithPlugin(fake.createPlugin({ name: `at-once ${i}` }).id)),
    );
    // Every read waits until released: what is held at each release is what was in flight.
    fake.addFault({ route: "getConfig", kind: "hold" });
    const { job } = await startRefreshAll({ actor });
    const inFlight: number[] = [];
    for (let i = 0; i < 200; i++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      inFlight.push(fake.release());
      if ((await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).status !== "RUNNING") break;
    }
    expect(Math.max(...inFlight)).toBe(REFRESH_CHAKRA_CALLS);
    expect(await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "DONE",
      done: clients.length,
      failed: 0,
    });
  }, 30_000);

  it("counts a client that keeps failing, names it, and finishes the rest", async () => {
    await clientWithPlugin(EXAMPLE_PLUGIN_ID, "Harbor Dental");
    await clientWithPlugin("00000000-0000-4000-8000-000000000000", "Acme Bakery");
    const job = await refreshAllAndWait();
    expect(await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "DONE",
      done: 1,
      failed: 1,
      lastError: "Acme Bakery: WhatsApp plugin not found",
    });
  });

  it("names the first three failing clients by name, and counts the rest", async () => {
    const names = ["Echo Optics", "Acme Bakery", "Delta Florist", "Bravo Cafe", "Charlie Gym"];
    await Promise.all(names.map((name) => clientWithPlugin(fake.createPlugin({ name }).id, name)));
    fake.addFault({ route: "getConfig", kind: "error", status: 402, message: "Upgrade to a paid plan" });
    const job = await refreshAllAndWait();
    expect(await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "DONE",
      done: 0,
      failed: 5,
      lastError:
        "Acme Bakery: Upgrade to a paid plan; Bravo Cafe: Upgrade to a paid plan; Charlie Gym: Upgrade to a paid plan; and 2 more",
    });
  });

  it("retries a client ChakraHQ failed to answer, and fetches it", async () => {
    await clientWithPlugin(fake.createPlugin({ name: "Flaky" }).id, "Flaky Florist");
    fake.addFault({ route: "getConfig", kind: "server_error", times: 1 });
    const job = await refreshAllAndWait();
    expect(await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "DONE",
      done: 1,
      failed: 0,
    });
    expect(configRequests().map((r) => r.status)).toEqual([500, 200]);
  }, 30_000);

  it("after a 429, no worker calls ChakraHQ before its Retry-After has passed", async () => {
    await Promise.all([1, 2, 3, 4, 5, 6].map((i) => clientWithPlugin(fake.createPlugin({ name: `rl${i}` }).id)));
    // The first two calls are held (two workers busy), the third is answered 429: every call
    // after it is one a worker decided on once the 429 was on record.
    fake.addFault({ route: "getConfig", kind: "hold", times: 2 });
    fake.addFault({ route: "getConfig", kind: "rate_limit", retryAfterSeconds: 2, times: 1 });
    const { job } = await startRefreshAll({ actor });
    const gate = await vi.waitFor(async () => db.chakraRateLimit.findUniqueOrThrow({ where: { id: "chakra" } }), {
      timeout: 20_000,
      interval: 50,
    });
    expect(fake.release()).toBe(2);
    await vi.waitFor(
      async () => expect((await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("DONE"),
      { timeout: 20_000, interval: 100 },
    );
    expect(await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ done: 6, failed: 0 });
    const requests = configRequests();
    const limited = requests.find((r) => r.status === 429)!;
    expect(gate.blockedUntil.getTime()).toBeGreaterThanOrEqual(limited.at + 2000);
    const after = requests.filter((r) => r.at >= gate.createdAt.getTime());
    // The 429's client and the three not yet fetched, all called once the wait was over.
    expect(after).toHaveLength(4);
    expect(after.every((r) => r.at >= gate.blockedUntil.getTime())).toBe(true);
  }, 30_000);

  it("fetches a client once per run, however often its job is delivered", async () => {
    const client = await clientWithPlugin(fake.createPlugin({ name: "Once" }).id, "Once Optics");
    // A run whose jobs were never queued: the deliveries are made here, at once.
    const run = await db.refreshJob.create({ data: { total: 1, clients: { create: [{ clientId: client.id }] } } });
    const payload = { refreshJobId: run.id, clientId: client.id };
    const context = { id: "test", attempt: 0, lastAttempt: false };
    const outcomes = await Promise.allSettled([
      refreshClientJob.handler(payload, context),
      refreshClientJob.handler(payload, context),
    ]);
    // One fetched; the other found the client claimed (and would run again later) or settled.
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toBeInstanceOf(RetryLater);
    }
    await refreshClientJob.handler(payload, context);
    expect(configRequests()).toHaveLength(1);
    expect(await db.refreshJob.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: "DONE", done: 1 });
  });

  it("says a run is already going instead of starting a second one", async () => {
    await clientWithPlugin(fake.createPlugin({ name: "Busy" }).id);
    fake.addFault({ route: "getConfig", kind: "hold" });
    const first = await startRefreshAll({ actor });
    const second = await startRefreshAll({ actor });
    expect(second).toMatchObject({ started: false, job: { id: first.job.id } });
    fake.clearFaults();
    fake.release();
    await vi.waitFor(
      async () => expect((await db.refreshJob.findUniqueOrThrow({ where: { id: first.job.id } })).status).toBe("DONE"),
      { timeout: 20_000, interval: 100 },
    );
  });
});
