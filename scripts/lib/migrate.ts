import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import type { DatabaseTarget } from "../../lib/database-url";
import { MIGRATIONS, ROOT } from "./prisma-schema";
import { prismaBin, run } from "./run";

/** Applies the committed migrations of the target's provider. */
export async function migrateDatabase(target: DatabaseTarget, log = console.log): Promise<void> {
  if (target.provider === "sqlite") {
    if (sqliteUpToDate(target.filePath)) {
      log(`Database ready (SQLite, ${path.relative(ROOT, target.filePath) || target.filePath}, up to date).`);
      return;
    }
    run(prismaBin, ["migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: target.url },
    });
    log(`Database ready (SQLite, ${path.relative(ROOT, target.filePath) || target.filePath}).`);
    return;
  }
  const applied = await migratePostgres(target.url);
  log(`Database ready (PostgreSQL${applied.length ? `, applied ${applied.join(", ")}` : ", up to date"}).`);
}

/**
 * Whether every committed SQLite migration is applied, as written (read only, through a
 * read-only connection): then a start needs no `migrate deploy`, whose write transaction can
 * meet another process's writes (an app and its worker starting beside each other, on a
 * database in WAL mode) and fail with SQLITE_BUSY.
 */
function sqliteUpToDate(filePath: string): boolean {
  if (!existsSync(filePath)) return false;
  const database = new Database(filePath, { readonly: true, fileMustExist: true, timeout: 5_000 });
  try {
    const table = database
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`)
      .get();
    if (!table) return false;
    const rows = database
      .prepare(
        `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
      .all() as { name: string; checksum: string }[];
    const applied = new Map(rows.map((r) => [r.name, r.checksum]));
    return listMigrations(path.join(ROOT, MIGRATIONS.sqlite)).every((m) => applied.get(m.name) === m.checksum);
  } finally {
    database.close();
  }
}

function listMigrations(dir: string) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

// The same lock id and table layout as `prisma migrate deploy`, so Prisma's CLI can take
// over once prisma/orm#27403 (the pg adapter cannot read the `name` type) is fixed.
const LOCK_ID = 72707369;
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

type Row = { migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null };

/** Applies pending PostgreSQL migrations, each in its own transaction; returns their names. */
export async function migratePostgres(url: string): Promise<string[]> {
  const migrations = listMigrations(path.join(ROOT, MIGRATIONS.postgresql));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<Row>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and is not marked rolled back; ` +
          `fix the database, then set rolled_back_at on its _prisma_migrations row.`,
      );
    }
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r]));
    for (const migration of migrations) {
      const previous = done.get(migration.name);
      if (previous) {
        if (previous.checksum !== migration.checksum) {
          console.warn(`Warning: migration ${migration.name} was changed after it was applied.`);
        }
        continue;
      }
      const id = randomUUID();
      await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name) VALUES ($1, $2, $3)`, [
        id,
        migration.checksum,
        migration.name,
      ]);
      try {
        await client.query("BEGIN");
        await client.query(migration.sql);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        // Rolled back as a whole, so the row says so and a fixed migration can run again.
        await client.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [
          id,
          String(error),
        ]);
        throw new Error(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [
        id,
      ]);
      applied.push(migration.name);
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    await client.end();
  }
  return applied;
}
