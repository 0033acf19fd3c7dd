import { randomUUID } from "node:crypto";
import pg from "pg";
import PgBoss from "pg-boss";
import {
  RetryLater,
  runHandler,
  scheduleTickMs,
  type BackendOptions,
  type JobBackend,
  type JobDefinition,
  type SendOptions,
} from "./engine";

/**
 * PostgreSQL: pg-boss (10.x, the line that runs on Node 20). Its queue tables live in the
 * app's database, schema "pgboss". Retries with backoff, expiry of a crashed worker's jobs
 * (supervision) and de-duplication by key are pg-boss's own.
 */
export async function createPgBossBackend(url: string, options: BackendOptions): Promise<JobBackend> {
  const log = options.log ?? console.error;
  const shortestExpiry = Math.min(...options.definitions.map((d) => d.expireInSeconds));
  const boss = new PgBoss({
    connectionString: url,
    schema: "pgboss",
    max: 4,
    // Expired jobs (their worker died) are retried at the next supervision round: run it at
    // least as often as the shortest time limit, so a crash costs about twice that at most.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, shortestExpiry)),
    // Schedules are slots of our own (below), not pg-boss's cron.
    schedule: false,
    // A slot's job must stay in the job table for the whole slot (its singleton index refuses a
    // second one only there): keep completed jobs at least as long as the longest schedule
    // (the weekly digest's week; pg-boss refuses a slot longer than this, 12 hours by default).
    archiveCompletedAfterSeconds: Math.max(12 * 3600, ...options.schedules.map((s) => s.everySeconds)),
  });
  boss.on("error", (error) => log(`pg-boss: ${error.message}`));
  // Starting also installs or migrates pg-boss's schema; then the queues, with each job's policy.
  await boss.start();
  // Creating queues at once from two processes deadlocks in PostgreSQL (each attaches a
  // partition): one process at a time, under an advisory lock held on a connection of its own.
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query("SELECT pg_advisory_lock($1)", [QUEUE_SETUP_LOCK]);
    await createQueues(boss, options.definitions);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true });
    throw error;
  } finally {
    await lock.end();
  }

  const byName = new Map(options.definitions.map((d) => [d.name, d]));
  const everySeconds = new Map(options.schedules.map((s) => [s.job, s.everySeconds]));
  const pollingIntervalSeconds = Math.max(0.5, (options.pollIntervalMs ?? 1000) / 1000);
  let ticker: NodeJS.Timeout | undefined;

  // Sends with a key run in a transaction of their own (below), on this small pool.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", (error) => log(`pg-boss send pool: ${error.message}`));

  /**
   * Queues a job unless one with the same key waits, runs or waits to retry. pg-boss's
   * "stately" policy alone lets a key have a waiting job beside a running one; when that
   * waiting job is the oldest, pg-boss's fetch breaks the policy's unique index and (silently)
   * takes nothing, so the whole queue stalls until the running job ends or expires
   * (timgit/pg-boss#535). The check and the insert hold a lock on the key, so two sends cannot
   * both pass it. `replacing`: the running job this one takes over from (RetryLater),
   * completed in the same transaction.
   */
  async function send(
    definition: JobDefinition,
    data: unknown,
    { key, delayMs, priority, singletonSeconds }: SendOptions & { singletonSeconds?: number } = {},
    replacing?: string,
  ): Promise<boolean> {
    const options: PgBoss.SendOptions = {
      ...(delayMs ? { startAfter: new Date(Date.now() + delayMs) } : {}),
      ...(priority ? { priority } : {}),
      ...(singletonSeconds ? { singletonSeconds } : {}),
    };
    // A job sent without a key gets one of its own: nothing to check.
    if (key === undefined)
      return (await boss.send(definition.name, data as object, { ...options, singletonKey: randomUUID() })) !== null;
    const client = await pool.connect();
    const db = { executeSql: (text: string, values?: unknown[]) => client.query(text, values) };
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [`${definition.name}\n${key}`]);
      if (replacing) await boss.complete(definition.name, replacing, {}, { db });
      const live = await client.query(
        // The stately policy's own partial index answers this (every queue here is stately).
        `SELECT 1 FROM pgboss.job WHERE name = $1 AND state <= 'active' AND policy = 'stately'
           AND COALESCE(singleton_key, '') = $2 LIMIT 1`,
        [definition.name, key],
      );
      const id = live.rowCount
        ? null
        : await boss.send(definition.name, data as object, { ...options, singletonKey: key, db });
      await client.query("COMMIT");
      return id !== null;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  return {
    send: async (definition, data, sendOptions) => send(definition, definition.schema.parse(data), sendOptions),

    async work() {
      for (const definition of options.definitions) {
        // One pg-boss worker per slot of concurrency, each taking one job at a time.
        for (let i = 0; i < definition.concurrency; i++) {
          let workerId: string | undefined = undefined;
          workerId = await boss.work<unknown>(
            definition.name,
            { batchSize: 1, includeMetadata: true, pollingIntervalSeconds },
            async ([job]) => {
              if (!job) return;
              const every = everySeconds.get(definition.name);
              const context = {
                id: job.id,
                attempt: job.retryCount,
                lastAttempt: job.retryCount >= job.retryLimit,
                ...(every && job.singletonKey === "schedule" && job.singletonOn
                  ? { slot: Math.round(job.singletonOn.getTime() / 1000 / every) }
                  : {}),
              };
              // A job was found, so more may be waiting: the worker looks again as soon as this
              // one ends, not a polling interval later (pg-boss waits out the interval after each
              // fetch: a backlog of 200 emails took 100 s at one job per worker a second).
              if (workerId) boss.notifyWorker(workerId);
              try {
                await runHandler(definition, job.data, context, log);
              } catch (error) {
                if (!(error instanceof RetryLater)) throw error;
                // Queued again for later, as a new job with the same key that replaces this one
                // (completed with it): no retry is used up.
                await send(
                  definition,
                  job.data,
                  { key: job.singletonKey ?? undefined, delayMs: error.delayMs },
                  job.id,
                );
              }
            },
          );
        }
      }
      if (options.schedules.length === 0) return;
      const tick = async () => {
        for (const schedule of options.schedules) {
          const definition = byName.get(schedule.job);
          if (!definition) throw new Error(`No job named ${schedule.job} to schedule`);
          // pg-boss's singleton slot (the database's clock, so every instance counts the same
          // slots): a second instance's send in the same slot is refused by a unique index.
          // While the last slot's job still runs, the next one is queued at a later tick.
          await send(definition, {}, { key: "schedule", singletonSeconds: schedule.everySeconds }).catch(
            (error: Error) => log(`schedule ${schedule.job}: ${error.message}`),
          );
        }
      };
      await tick();
      ticker = setInterval(() => void tick(), scheduleTickMs(options.schedules));
    },

    async stop() {
      clearInterval(ticker);
      await boss.stop({ graceful: true, timeout: 5_000, wait: true });
      await pool.end();
    },
  };
}

const QUEUE_SETUP_LOCK = 72707370;

async function createQueues(boss: PgBoss, definitions: JobDefinition[]) {
  for (const definition of definitions) {
    const queue: PgBoss.Queue = {
      name: definition.name,
      // At most one job per key waiting, and one running (a key's job can be queued again while it runs).
      policy: "stately",
      retryLimit: definition.retry.limit,
      retryDelay: definition.retry.delaySeconds,
      retryBackoff: definition.retry.backoff,
      expireInSeconds: definition.expireInSeconds,
    };
    await boss.createQueue(definition.name, queue);
    await boss.updateQueue(definition.name, queue);
  }
}
