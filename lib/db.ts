import "server-only";
import { env } from "./env";
import { createPrismaClient, type Db } from "./prisma";

// One client per process, cached on globalThis: development's hot reloads reuse it, and in a
// production server the bundles Next builds apart (the pages' and instrumentation.ts's, where
// the job workers run) share it rather than each opening its own connection and query compiler.
const globalForDb = globalThis as unknown as { db?: Db };

export const db: Db = (globalForDb.db ??= createPrismaClient(env.database));

/**
 * Makes every commit so far survive a power cut, for the few writes that must (SQLite runs
 * with synchronous=NORMAL, see lib/prisma.ts): a checkpoint writes the log to the disk and
 * waits for it. PostgreSQL's commits already are durable.
 */
export async function makeDurable(): Promise<void> {
  if (env.database.provider !== "sqlite") return;
  // SQLite refuses a checkpoint ("database table is locked") while other work of this process
  // holds the connection's tables, e.g. a background job's transaction: wait a moment and try
  // again. If it still cannot, the commit stands (it survives the process; only a power cut
  // could lose it): say so and go on rather than fail the write that asked for it.
  for (let attempt = 0; ; attempt++) {
    try {
      const [result] = await db.$queryRaw<{ busy: bigint | number }[]>`PRAGMA wal_checkpoint(FULL)`;
      if (result && Number(result.busy) !== 0) console.warn("[db] checkpoint kept waiting by another process's reader");
      return;
    } catch (error) {
      if (!/locked|busy/i.test(error instanceof Error ? error.message : "")) throw error;
      if (attempt === 4) {
        console.warn("[db] checkpoint not done: the database stayed locked; the commit stands");
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 10 * 2 ** attempt));
    }
  }
}

export type { Db };
export * from "./generated/prisma/sqlite/enums";
