import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { refreshClientJob, startRefreshAll } from "@/lib/data/whatsapp";
import { createTestClient } from "../support/factories";

/*
 * Worker processes of their own (`npm run worker`), as a deployment with several instances
 * runs them: killed with SIGKILL mid-run, and two at once. This test process only queues jobs.
 */

const fake = await vi.hoisted(async () => {
  const { startAppFake } = await import("../support/app-fake");
  return startAppFake({ CHAKRA_TIMEOUT_MS: "1000", JOBS_IN_APP: "false" });
});

const ROOT = path.resolve(import.meta.dirname, "../..");
const children: ChildProcess[] = [];

/** Starts a worker process; resolves once it says it is running. */
function startWorker(script: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], {
    cwd: ROOT,
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: process.env.DATABASE_URL,
      CHAKRA_BASE_URL: fake.url,
      CHAKRA_TIMEOUT_MS: "1000",
      CHAKRA_MAX_RETRIES: "0",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise<ChildProcess>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/running|ready/.test(output)) resolve(child);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("exit", (code) => reject(new Error(`worker exited (${code}) before it was ready:\n${output}`)));
  });
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.once("exit", () => resolve()),
  );

afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGKILL");
      await exited(child);
    }
  }
});
afterAll(() => fake.close());

let actor: { id: string; email: string };

function createClients(prefix: string, count: number) {
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      createTestClient(prefix.toLowerCase(), {
        name: `${prefix} ${i}`,
        pluginId: fake.createPlugin({ name: `${prefix} ${i}` }).id,
      }),
    ),
  );
}
beforeEach(async () => {
  fake.store.reset();
  fake.clearFaults();
  fake.requests.length = 0;
  await db.pluginConfigSnapshot.deleteMany();
  await db.refreshJob.deleteMany();
  await db.chakraRateLimit.deleteMany();
  await db.client.deleteMany();
  const user = await db.user.upsert({
    where: { email: "jp-admin@test.example" },
    create: { email: "jp-admin@test.example", role: "ADMIN" },
    update: {},
  });
  actor = { id: user.id, email: user.email };
});

describe("worker processes", () => {
  it("a refresh cut short by kill -9 is finished by the restarted worker, each client fetched", async () => {
    const clients = await createClients("Crash", refreshClientJob.concurrency);
    // Every fetch hangs: the worker dies with all its clients claimed, REFRESH_CHAKRA_CALLS of
    // them in flight at ChakraHQ and the others waiting for a slot.
    fake.addFault({ route: "getConfig", kind: "hold" });
    // Calls that outlast the test's wait for the claims (a timed-out call gives its claim back).
    const first = await startWorker("scripts/worker.ts", { CHAKRA_TIMEOUT_MS: "3000" });
    const { job } = await startRefreshAll({ actor });
    await vi.waitFor(
      async () =>
        expect(await db.refreshJobClient.count({ where: { refreshJobId: job.id, claimedAt: { not: null } } })).toBe(
          clients.length,
        ),
      { timeout: 30_000, interval: 100 },
    );
    first.kill("SIGKILL");
    await exited(first);
    // Its calls may still reach the fake after this: they are no longer held, and go nowhere.
    fake.clearFaults();
    fake.release();
    expect(await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      status: "RUNNING",
      done: 0,
    });

    await startWorker("scripts/worker.ts", { CHAKRA_TIMEOUT_MS: "3000" });
    await vi.waitFor(
      async () => expect((await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("DONE"),
      { timeout: 60_000, interval: 200 },
    );
    expect(await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ done: 6, failed: 0 });
    for (const client of clients) {
      expect(await db.pluginConfigSnapshot.count({ where: { clientId: client.id, isLatest: true } })).toBe(1);
    }
  }, 90_000);

  // Several worker processes are the PostgreSQL setup: on SQLite the app's one process runs
  // them (refresh-all.test.ts proves the same with three workers in one process).
  it.skipIf(!process.env.DATABASE_URL?.startsWith("postgres"))(
    "after a 429, neither of two worker processes calls ChakraHQ before its Retry-After has passed",
    async () => {
      await createClients("Limited", 9);
      // Both processes make three calls at once (REFRESH_CHAKRA_CALLS): five are held, the sixth is answered 429.
      // Every later call is one a worker decided on once the 429 was on record.
      fake.addFault({ route: "getConfig", kind: "hold", times: 5 });
      fake.addFault({ route: "getConfig", kind: "rate_limit", retryAfterSeconds: 2, times: 1 });
      // Held calls must not time out meanwhile.
      const env = { CHAKRA_TIMEOUT_MS: "10000" };
      await Promise.all([startWorker("scripts/worker.ts", env), startWorker("scripts/worker.ts", env)]);
      const { job } = await startRefreshAll({ actor });
      const gate = await vi.waitFor(async () => db.chakraRateLimit.findUniqueOrThrow({ where: { id: "chakra" } }), {
        timeout: 30_000,
        interval: 50,
      });
      expect(fake.release()).toBe(5);
      await vi.waitFor(
        async () => expect((await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).status).toBe("DONE"),
        { timeout: 30_000, interval: 200 },
      );
      expect(await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ done: 9, failed: 0 });
      const requests = fake.requests.filter((r) => r.method === "GET" && r.path.endsWith("/config"));
      const limited = requests.find((r) => r.status === 429)!;
      expect(gate.blockedUntil.getTime()).toBeGreaterThanOrEqual(limited.at + 2000);
      const after = requests.filter((r) => r.at >= gate.createdAt.getTime());
      // The 429's client and the three not yet fetched.
      expect(after).toHaveLength(4);
      expect(after.every((r) => r.at >= gate.blockedUntil.getTime())).toBe(true);
    },
    60_000,
  );

  it("two worker processes run a scheduled job once per slot", async () => {
    const out = path.join(tmpdir(), `schedule-${process.pid}-${Date.now()}.log`);
    const env = { OUT_FILE: out, JOB_NAME: `test-tick-${Date.now().toString(36)}` };
    try {
      await Promise.all([
        startWorker("tests/support/schedule-worker.ts", env),
        startWorker("tests/support/schedule-worker.ts", env),
      ]);
      const runs = () => (existsSync(out) ? readFileSync(out, "utf8").trim().split("\n") : []);
      await vi.waitFor(() => expect(runs().length).toBeGreaterThanOrEqual(5), { timeout: 30_000, interval: 100 });
      const slots = runs().map((line) => Number(line.split(" ")[1]));
      expect(slots.every(Number.isInteger)).toBe(true);
      expect(new Set(slots).size).toBe(slots.length);
    } finally {
      rmSync(out, { force: true });
    }
  }, 60_000);
});
