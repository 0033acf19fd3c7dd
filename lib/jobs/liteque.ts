import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { jobsFileFor } from "../database-url";
import { buildDBClient, migrateDB, RetryAfterError, Runner, SqliteQueue } from "liteque";
import {
  RetryLater,
  retryDelayMs,
  runHandler,
  scheduleTickMs,
  type BackendOptions,
  type JobBackend,
  type JobDefinition,
  type RetryPolicy,
  type SendOptions,
} from "./engine";

type Job = NonNullable<Awaited<ReturnType<SqliteQueue<unknown>["attemptDequeue"]>>>;

const SLOT = "scheduledSlot";

/**
 * liteque retries a failed job at once; this waits between retries as the job's policy says
 * (the backoff), by moving the retry's start time when liteque settles the failed run.
 */
class BackoffQueue<T> extends SqliteQueue<T> {
  /** Failed runs waiting to be settled: job id → its 0-based attempt. */
  readonly failedAttempts = new Map<number, number>();
  private readonly take: (now: number, expireAt: number, allocationId: string) => Job | null;

  constructor(
    name: string,
    db: ReturnType<typeof buildDBClient>,
    raw: Database.Database,
    private readonly retry: RetryPolicy,
  ) {
    // Failed jobs are kept (the Background work page will list them).
    super(name, db, { defaultJobArgs: { numRetries: retry.limit }, keepFailedJobs: true });
    // liteque's own dequeue runs an async function in a better-sqlite3 transaction, which
    // better-sqlite3 11.10 (ours, shared with Prisma's adapter) refuses. The same statements,
    // on liteque's table, in a synchronous transaction that takes the write lock first.
    const next = raw.prepare(
      `SELECT * FROM tasks WHERE queue = ? AND (availableAt <= ? OR availableAt IS NULL)
         AND (status IN ('pending', 'pending_retry') OR (status = 'running' AND expireAt < ?))
       ORDER BY priority ASC, createdAt ASC LIMIT 1`,
    );
    const fail = raw.prepare("UPDATE tasks SET status = 'failed', expireAt = NULL WHERE id = ?");
    const claim = raw.prepare(
      "UPDATE tasks SET status = 'running', numRunsLeft = numRunsLeft - 1, allocationId = ?, expireAt = ? WHERE id = ? AND allocationId = ? RETURNING *",
    );
    this.take = raw.transaction((now: number, expireAt: number, allocationId: string) => {
      const job = next.get(name, now, Math.floor(now / 1000)) as Job | undefined;
      if (!job) return null;
      // Out of runs (its last one crashed): failed, as liteque does.
      if (job.numRunsLeft <= 0) {
        fail.run(job.id);
        return null;
      }
      return (claim.get(allocationId, expireAt, job.id, job.allocationId) as Job | undefined) ?? null;
    }).immediate;
  }

  override async attemptDequeue({ timeoutSecs }: { timeoutSecs: number }): Promise<Job | null> {
    const now = Date.now();
    // liteque stores availableAt in milliseconds, createdAt and expireAt in seconds.
    return this.take(now, Math.floor(now / 1000) + timeoutSecs, randomBytes(8).toString("hex"));
  }

  override async finalize(
    id: number,
    allocationId: string,
    status: "completed" | "pending_retry" | "failed",
    availableAt?: Date,
    refundRetry = false,
  ): Promise<void> {
    const attempt = this.failedAttempts.get(id);
    this.failedAttempts.delete(id);
    const retryAt =
      status === "pending_retry" && !refundRetry && attempt !== undefined
        ? new Date(Date.now() + retryDelayMs(this.retry, attempt))
        : availableAt;
    await super.finalize(id, allocationId, status, retryAt, refundRetry);
  }
}

/**
 * SQLite: liteque, the queue karakeep runs in production, in a file of its own beside the app's
 * database. A job whose run outlives its time limit (its process was killed) is taken again;
 * `RetryAfterError` re-queues without using up a retry. Backoff and schedules are thin layers on
 * those (above and below).
 */
export async function createLitequeBackend(databaseFile: string, options: BackendOptions): Promise<JobBackend> {
  const log = options.log ?? console.error;
  const file = jobsFileFor(databaseFile);
  const db = buildDBClient(file);
  migrateDB(db);
  // A connection of our own to the same file: the dequeue below, and the slots already sent (one
  // row per schedule and slot: the first worker to insert a slot sends its job).
  const raw = new Database(file);
  raw.pragma("busy_timeout = 5000");
  raw.exec(
    "CREATE TABLE IF NOT EXISTS schedule_slots (job TEXT NOT NULL, slot INTEGER NOT NULL, PRIMARY KEY (job, slot))",
  );
  const claimSlot = raw.prepare("INSERT OR IGNORE INTO schedule_slots (job, slot) VALUES (?, ?)");
  const forgetOldSlots = raw.prepare("DELETE FROM schedule_slots WHERE job = ? AND slot < ?");

  const queues = new Map(options.definitions.map((d) => [d.name, new BackoffQueue<unknown>(d.name, db, raw, d.retry)]));
  const queueOf = (definition: JobDefinition) => {
    const queue = queues.get(definition.name);
    if (!queue) throw new Error(`No queue for job ${definition.name}: it is not among the definitions`);
    return queue;
  };
  const runners: Runner<unknown>[] = [];
  const running: Promise<void>[] = [];
  let ticker: NodeJS.Timeout | undefined;

  async function send(definition: JobDefinition, data: unknown, { key, delayMs, priority }: SendOptions = {}) {
    const job = await queueOf(definition).enqueue(definition.schema.parse(data), {
      ...(key ? { idempotencyKey: key } : {}),
      ...(delayMs ? { delayMs } : {}),
      // liteque takes the lowest number first.
      ...(priority ? { priority: -priority } : {}),
    });
    return job !== undefined;
  }

  return {
    send,

    async work() {
      for (const definition of options.definitions) {
        const queue = queueOf(definition);
        const runner = new Runner<unknown>(
          queue,
          {
            run: async (job) => {
              const slot = (job.data as { [SLOT]?: unknown } | null)?.[SLOT];
              const context = {
                id: job.id,
                attempt: job.runNumber,
                lastAttempt: job.runNumber >= definition.retry.limit,
                ...(typeof slot === "number" ? { slot } : {}),
              };
              try {
                await runHandler(definition, job.data, context, log);
              } catch (error) {
                if (error instanceof RetryLater) throw new RetryAfterError(error.delayMs);
                throw error;
              }
            },
            onError: async (job) => {
              queue.failedAttempts.set(Number(job.id), job.runNumber);
            },
          },
          {
            // An idle worker looks for work four times a second: a job someone waits for ("Refresh
            // all", an email) starts within a quarter of a second, not a second. A look is one
            // indexed read of the queue's own local file, well under a millisecond.
            pollIntervalMs: options.pollIntervalMs ?? 250,
            timeoutSecs: definition.expireInSeconds,
            concurrency: definition.concurrency,
          },
        );
        runners.push(runner);
        running.push(runner.run().catch((error: Error) => log(`worker ${definition.name} stopped: ${error.message}`)));
      }
      if (options.schedules.length === 0) return;
      const tick = async () => {
        for (const schedule of options.schedules) {
          const definition = options.definitions.find((d) => d.name === schedule.job);
          if (!definition) throw new Error(`No job named ${schedule.job} to schedule`);
          const slot = Math.floor(Date.now() / (schedule.everySeconds * 1000));
          try {
            // Claimed first, then sent: a crash in between loses this slot's run, never doubles it.
            if (claimSlot.run(schedule.job, slot).changes === 1) {
              // The slot rides in the payload (the handler's schema drops it) for the handler's context.
              await queueOf(definition).enqueue({ [SLOT]: slot }, { idempotencyKey: `schedule:${slot}` });
              forgetOldSlots.run(schedule.job, slot - 100);
            }
          } catch (error) {
            log(`schedule ${schedule.job}: ${(error as Error).message}`);
          }
        }
      };
      await tick();
      ticker = setInterval(() => void tick(), scheduleTickMs(options.schedules));
    },

    async stop() {
      clearInterval(ticker);
      for (const runner of runners) runner.stop();
      await Promise.race([Promise.all(running), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      raw.close();
    },
  };
}
