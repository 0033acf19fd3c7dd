import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { createBackend } from "@/lib/jobs/backend";
import {
  defineJob,
  RetryLater,
  type JobBackend,
  type JobContext,
  type JobDefinition,
  type Schedule,
} from "@/lib/jobs/engine";

/* The job engine's properties, on the test database's backend (liteque on SQLite, pg-boss on PostgreSQL). */

const target = resolveDatabaseUrl(process.env.DATABASE_URL!);
const backends: JobBackend[] = [];
let n = 0;

async function engine(definitions: JobDefinition[], schedules: Schedule[] = []) {
  const backend = await createBackend(target, { definitions, schedules, pollIntervalMs: 200, log: () => {} });
  backends.push(backend);
  return backend;
}

afterEach(async () => {
  await Promise.all(backends.splice(0).map((b) => b.stop()));
});

/** A job of a name of its own per test (the queues outlive a test), recording each run. */
function recordingJob(
  handler: (run: number, job: JobContext) => void,
  retry = { limit: 2, delaySeconds: 1, backoff: true },
) {
  const runs: { at: number; job: JobContext; data: unknown }[] = [];
  const definition = defineJob({
    name: `test-job-${Date.now().toString(36)}-${n++}`,
    schema: z.object({ value: z.string() }),
    retry,
    expireInSeconds: 30,
    concurrency: 2,
    handler: async (data, job) => {
      runs.push({ at: Date.now(), job, data });
      handler(runs.length, job);
    },
  });
  return { definition: definition as JobDefinition, runs };
}

describe(`the job engine (${target.provider})`, { timeout: 30_000 }, () => {
  it("retries a failing job, waiting longer before each retry", async () => {
    const { definition, runs } = recordingJob((run) => {
      if (run < 3) throw new Error(`failure ${run}`);
    });
    const backend = await engine([definition]);
    await backend.work();
    expect(await backend.send(definition, { value: "x" })).toBe(true);
    await vi.waitFor(() => expect(runs).toHaveLength(3), { timeout: 20_000, interval: 100 });
    expect(runs.map((r) => [r.job.attempt, r.job.lastAttempt])).toEqual([
      [0, false],
      [1, false],
      [2, true],
    ]);
    // 1 s before the first retry, 2 s before the second (pg-boss adds up to as much again, at random).
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(runs[2]!.at - runs[1]!.at).toBeGreaterThanOrEqual(2000);
    expect(runs[2]!.data).toEqual({ value: "x" });
  });

  it("runs a job again after RetryLater's wait, without using up a retry", async () => {
    const { definition, runs } = recordingJob(
      (run) => {
        if (run < 3) throw new RetryLater(500, "test");
      },
      { limit: 0, delaySeconds: 1, backoff: false },
    );
    const backend = await engine([definition]);
    await backend.work();
    await backend.send(definition, { value: "later" });
    await vi.waitFor(() => expect(runs).toHaveLength(3), { timeout: 20_000, interval: 100 });
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(500);
    expect(runs[2]!.at - runs[1]!.at).toBeGreaterThanOrEqual(500);
    expect(runs.every((r) => r.job.attempt === 0)).toBe(true);
  });

  it("queues one job per key", async () => {
    const { definition, runs } = recordingJob(() => {});
    const backend = await engine([definition]);
    expect(await backend.send(definition, { value: "a" }, { key: "sweep-1:client-1" })).toBe(true);
    expect(await backend.send(definition, { value: "b" }, { key: "sweep-1:client-1" })).toBe(false);
    expect(await backend.send(definition, { value: "c" }, { key: "sweep-1:client-2" })).toBe(true);
    await backend.work();
    await vi.waitFor(() => expect(runs).toHaveLength(2), { timeout: 20_000, interval: 100 });
    expect(runs.map((r) => r.data).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { value: "a" },
      { value: "c" },
    ]);
  });

  it("does not queue a key's job again while it runs, and other jobs do not wait behind it", async () => {
    // pg-boss's stately policy alone let a second job wait beside a running one of the same key,
    // and then took no job of the queue at all until the first ended (timgit/pg-boss#535): the
    // email sweep re-queuing an email whose send was still running stalled every email.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const runs: string[] = [];
    const definition = defineJob({
      name: `test-held-${Date.now().toString(36)}-${n++}`,
      schema: z.object({ value: z.string() }),
      retry: { limit: 0, delaySeconds: 1, backoff: false },
      expireInSeconds: 60,
      concurrency: 2,
      handler: async ({ value }) => {
        runs.push(value);
        if (value === "held") await held;
      },
    }) as JobDefinition;
    const backend = await engine([definition]);
    await backend.work();
    expect(await backend.send(definition, { value: "held" }, { key: "delivery-1" })).toBe(true);
    await vi.waitFor(() => expect(runs).toEqual(["held"]), { timeout: 20_000, interval: 100 });
    expect(await backend.send(definition, { value: "held" }, { key: "delivery-1" })).toBe(false);
    expect(await backend.send(definition, { value: "other" }, { key: "delivery-2" })).toBe(true);
    await vi.waitFor(() => expect(runs).toEqual(["held", "other"]), { timeout: 10_000, interval: 100 });
    release();
    // Once it has finished, the key is free again.
    await vi.waitFor(
      async () => expect(await backend.send(definition, { value: "again" }, { key: "delivery-1" })).toBe(true),
      { timeout: 10_000, interval: 200 },
    );
    await vi.waitFor(() => expect(runs).toEqual(["held", "other", "again"]), { timeout: 10_000, interval: 100 });
  });

  it("takes waiting jobs by priority, then in order, one after another without waiting to poll", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const runs: { value: string; at: number }[] = [];
    const definition = defineJob({
      name: `test-order-${Date.now().toString(36)}-${n++}`,
      schema: z.object({ value: z.string() }),
      retry: { limit: 0, delaySeconds: 1, backoff: false },
      expireInSeconds: 60,
      concurrency: 1,
      handler: async ({ value }) => {
        runs.push({ value, at: Date.now() });
        if (value === "first") await held;
      },
    }) as JobDefinition;
    // Polls every 3 s when idle.
    const backend = await createBackend(target, {
      definitions: [definition],
      schedules: [],
      pollIntervalMs: 3000,
      log: () => {},
    });
    backends.push(backend);
    await backend.work();
    await backend.send(definition, { value: "first" });
    await vi.waitFor(() => expect(runs.map((r) => r.value)).toEqual(["first"]), { timeout: 20_000, interval: 100 });
    for (const value of ["bulk-1", "bulk-2", "bulk-3", "bulk-4"]) await backend.send(definition, { value });
    await backend.send(definition, { value: "urgent" }, { priority: 1 });
    release();
    await vi.waitFor(() => expect(runs).toHaveLength(6), { timeout: 20_000, interval: 100 });
    expect(runs.map((r) => r.value)).toEqual(["first", "urgent", "bulk-1", "bulk-2", "bulk-3", "bulk-4"]);
    // Each job is taken as soon as the one before ends: well within one polling interval for
    // all five (pg-boss alone waits out the interval after each fetch: 15 s here).
    expect(runs[5]!.at - runs[1]!.at).toBeLessThan(3000);
  });

  it("refuses a payload that does not match the job's schema", async () => {
    const { definition } = recordingJob(() => {});
    const backend = await engine([definition]);
    await expect(backend.send(definition, { value: 42 })).rejects.toThrow();
  });

  it("runs a scheduled job once per slot, however many engines tick", async () => {
    const slots: number[] = [];
    const definition = defineJob({
      name: `test-schedule-${Date.now().toString(36)}`,
      schema: z.object({}),
      retry: { limit: 0, delaySeconds: 1, backoff: false },
      expireInSeconds: 30,
      concurrency: 1,
      handler: async (_data, job) => void slots.push(job.slot!),
    }) as JobDefinition;
    const schedule = [{ job: definition.name, everySeconds: 1 }];
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => engine([definition], schedule)));
    await Promise.all([a!.work(), b!.work(), c!.work()]);
    await vi.waitFor(() => expect(slots.length).toBeGreaterThanOrEqual(4), { timeout: 20_000, interval: 100 });
    expect(slots.every((s) => Number.isInteger(s))).toBe(true);
    expect(new Set(slots).size).toBe(slots.length);
  });
});
