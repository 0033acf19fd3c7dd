import type { z } from "zod";

/**
 * The job engine's vocabulary, shared by both backends (pg-boss on PostgreSQL, liteque on
 * SQLite): a job is defined once, by name, payload schema, handler and retry policy.
 */

export type RetryPolicy = {
  /** Further attempts after the first failure. */
  limit: number;
  /** The wait before the first retry; doubled for each later one when `backoff` is set. */
  delaySeconds: number;
  backoff: boolean;
};

export type JobContext = {
  id: string;
  /** 0 for the first run; a crash (the run expired) counts as a failed attempt. */
  attempt: number;
  /** No retry follows if this run fails. */
  lastAttempt: boolean;
  /** A scheduled job's slot (slots of the schedule's length, counted from the Unix epoch). */
  slot?: number;
};

export type JobDefinition<T = unknown> = {
  name: string;
  schema: z.ZodType<T>;
  handler: (data: T, job: JobContext) => Promise<void>;
  retry: RetryPolicy;
  /**
   * A run still going after this long is taken for dead (its worker crashed or hung) and the
   * job runs again (as a failed attempt). Longer than any honest run.
   */
  expireInSeconds: number;
  /** How many jobs of this kind one worker process runs at once. */
  concurrency: number;
};

/** Defines a job; the identity function that gives the handler its payload's type. */
export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  return definition;
}

/**
 * Thrown by a handler that cannot run yet (ChakraHQ asked to wait, say): the job runs again
 * after `delayMs`, and the wait does not use up one of its retries.
 */
export class RetryLater extends Error {
  constructor(
    readonly delayMs: number,
    reason = "waiting",
  ) {
    super(`Retry in ${Math.ceil(delayMs / 1000)} s: ${reason}`);
    this.name = "RetryLater";
  }
}

/** A job sent once per slot of `everySeconds` (slots counted from the Unix epoch), however many workers run. */
export type Schedule = { job: string; everySeconds: number };

export type SendOptions = {
  /**
   * While a job with this key waits or runs, another with the same key is not queued (one per
   * sweep and client, say). Handlers stay idempotent too: a crash can still run a job twice.
   */
  key?: string;
  delayMs?: number;
  /** Among the jobs waiting, higher ones are taken first (default 0): what a person waits for before bulk work. */
  priority?: number;
};

export type JobBackend = {
  /** Queues a job; false when one with the same key is already queued or running. */
  send(definition: JobDefinition, data: unknown, options?: SendOptions): Promise<boolean>;
  /** Starts taking jobs of every definition, and sending the schedules' jobs. */
  work(): Promise<void>;
  /** Stops taking jobs; waits a little for the running ones. */
  stop(): Promise<void>;
};

export type BackendOptions = {
  definitions: JobDefinition[];
  schedules: Schedule[];
  /** How often a worker looks for new jobs when idle. */
  pollIntervalMs?: number;
  log?: (message: string) => void;
};

/** The wait before retry number `attempt + 1`, after attempt `attempt` (0-based) failed. */
export function retryDelayMs(retry: RetryPolicy, attempt: number): number {
  return retry.delaySeconds * 1000 * (retry.backoff ? 2 ** Math.min(attempt, 16) : 1);
}

/** How often each worker checks whether a schedule's slot has come. */
export function scheduleTickMs(schedules: Schedule[]): number {
  const shortest = Math.min(...schedules.map((s) => s.everySeconds));
  return Math.max(200, Math.min(5_000, (shortest * 1000) / 4));
}

/** Runs a handler on a payload that is validated first: a payload of the wrong shape is a bug, never retried. */
export async function runHandler(
  definition: JobDefinition,
  data: unknown,
  job: JobContext,
  log: (message: string) => void,
): Promise<void> {
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) {
    log(`job ${definition.name} ${job.id}: dropped, its payload does not match the schema: ${parsed.error.message}`);
    return;
  }
  try {
    await definition.handler(parsed.data, job);
  } catch (error) {
    if (!(error instanceof RetryLater)) {
      const message = String((error as Error).message ?? error)
        .replace(/\s+/g, " ")
        .trim();
      log(`job ${definition.name} ${job.id} failed (attempt ${job.attempt + 1}): ${message.slice(0, 500)}`);
    }
    throw error;
  }
}
