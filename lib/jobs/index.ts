import "server-only";
import { env } from "../env";
import { createBackend } from "./backend";
import type { JobBackend, JobDefinition, SendOptions } from "./engine";

/**
 * The app's job engine: pg-boss on PostgreSQL, liteque on SQLite, chosen by DATABASE_URL as
 * the Prisma adapter is. Sending needs no worker in this process; `startWorkers` (the app with
 * JOBS_IN_APP, or `npm run worker`) takes the jobs.
 */

type Engine = { backend: Promise<JobBackend>; working?: Promise<void> };

// One engine per process; on globalThis so development's hot reloads reuse it.
const globalForJobs = globalThis as unknown as { jobEngine?: Engine };

async function openBackend(): Promise<JobBackend> {
  // Imported here: the definitions import the data layer, which sends jobs through this module.
  const { definitions, schedules } = await import("./definitions");
  return createBackend(env.database, {
    definitions,
    schedules,
    log: (message: string) => console.error(`[jobs] ${message}`),
  });
}

function engine(): Engine {
  if (!globalForJobs.jobEngine) {
    const backend = openBackend();
    // A failed start is tried again on the next use, not remembered.
    backend.catch(() => {
      if (globalForJobs.jobEngine?.backend === backend) globalForJobs.jobEngine = undefined;
    });
    globalForJobs.jobEngine = { backend };
  }
  return globalForJobs.jobEngine;
}

/** Starts this process's workers (once): they take every queued job, including those a crash interrupted. */
export function startWorkers(): Promise<void> {
  const current = engine();
  current.working ??= current.backend.then((backend) => backend.work());
  return current.working;
}

/**
 * Queues a job (its payload validated by the definition's schema). Returns false when a job
 * with the same key is already queued. Where the app runs the workers, they are started too.
 */
export async function sendJob<T>(definition: JobDefinition<T>, data: T, options?: SendOptions): Promise<boolean> {
  const backend = await engine().backend;
  if (env.jobs.inApp)
    startWorkers().catch((error: Error) => console.error(`[jobs] workers did not start: ${error.message}`));
  return backend.send(definition as JobDefinition, data, options);
}

/**
 * Opens this process's queue without starting its workers (the first send otherwise loads the
 * job definitions and opens the queue first): the benchmark, which only sends, opens it before
 * it starts measuring.
 */
export async function openJobs(): Promise<void> {
  await engine().backend;
}

/** Stops this process's workers and closes the queue (the worker's SIGTERM, tests). */
export async function stopJobs(): Promise<void> {
  const current = globalForJobs.jobEngine;
  globalForJobs.jobEngine = undefined;
  if (current) await (await current.backend).stop();
}
