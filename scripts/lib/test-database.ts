import { rmSync } from "node:fs";
import pg from "pg";
import { jobsFileFor, resolveDatabaseUrl, type DatabaseTarget } from "../../lib/database-url";
import { migrateDatabase } from "./migrate";

/** The database the tests use and wipe: TEST_DATABASE_URL, or a SQLite file of their own. */
export function testDatabaseUrl(): string {
  return process.env.TEST_DATABASE_URL || "file:./data/test.db";
}

/** Empties the test database and applies the migrations, so each run starts clean. */
export async function resetTestDatabase(target: DatabaseTarget = resolveDatabaseUrl(testDatabaseUrl())): Promise<void> {
  if (target.provider === "sqlite") {
    // The job queue's own file beside it too (lib/jobs/liteque.ts).
    for (const file of [target.filePath, jobsFileFor(target.filePath)]) {
      for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(`${file}${suffix}`, { force: true });
    }
  } else {
    await createDatabaseIfMissing(target.url);
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      // pg-boss's queue (lib/jobs/pg-boss.ts) too; it installs itself again on first use.
      await client.query(
        "DROP SCHEMA IF EXISTS pgboss CASCADE; DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;",
      );
    } finally {
      await client.end();
    }
  }
  await migrateDatabase(target, () => {});
}

async function createDatabaseIfMissing(url: string): Promise<void> {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error; // 3D000: no such database
  } finally {
    await probe.end().catch(() => {});
  }
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const maintenance = Object.assign(new URL(url), { pathname: "/postgres" }).toString();
  const admin = new pg.Client({ connectionString: maintenance });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}
