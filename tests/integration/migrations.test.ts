import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { resolveDatabaseUrl } from "@/lib/database-url";
import { migrateDatabase } from "@/scripts/lib/migrate";
import { POSTGRES_SCHEMA, SQLITE_SCHEMA, writePostgresSchema } from "@/scripts/lib/prisma-schema";
import { prismaBin, run } from "@/scripts/lib/run";
import { postgresFingerprint, sqliteFingerprint } from "../support/schema-fingerprint";

/*
 * The drift check: a database built from the committed migrations must have exactly the
 * structure that prisma/schema.prisma describes. If this fails, a model changed without a
 * migration (or the other way round): run `npm run db:migration -- <name>` (see README).
 */

/** The DDL that creates the schema from nothing, as Prisma would write it. */
function schemaScript(schema: string, databaseUrl: string): string {
  return run(prismaBin, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", schema, "--script"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

const dir = mkdtempSync(path.join(tmpdir(), "drift-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("migrations match the schema", () => {
  it("on SQLite", async () => {
    const migrated = path.join(dir, "migrated.db");
    const fromSchema = path.join(dir, "from-schema.db");
    await migrateDatabase(resolveDatabaseUrl(`file:${migrated}`), () => {});
    const script = schemaScript(SQLITE_SCHEMA, `file:${fromSchema}`);
    const db = new Database(fromSchema);
    db.exec(script);
    db.close();

    const expected = sqliteFingerprint(fromSchema);
    expect(Object.keys(expected)).toContain("Client");
    expect(sqliteFingerprint(migrated)).toEqual(expected);

    // The comparison notices a difference (so a passing run means something).
    const changed = new Database(migrated);
    changed.exec('ALTER TABLE "Client" ADD COLUMN "unplanned" TEXT');
    changed.close();
    expect(sqliteFingerprint(migrated)).not.toEqual(expected);
  });

  const testUrl = process.env.DATABASE_URL ?? "";
  it.runIf(resolveDatabaseUrl(testUrl).provider === "postgresql")("on PostgreSQL", async () => {
    writePostgresSchema(); // the derived schema, fresh from schema.prisma
    const admin = new pg.Client({ connectionString: testUrl });
    await admin.connect();
    const base = new URL(testUrl);
    const urlFor = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
    // Names of this run's own: two suites on one server (two clones, say) do not drop each other's.
    const run = `${process.pid}_${Date.now().toString(36)}`;
    const names = [`po_drift_migrated_${run}`, `po_drift_from_schema_${run}`];
    try {
      for (const name of names) {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.query(`CREATE DATABASE ${name}`);
      }
      const [migrated, fromSchema] = names.map(urlFor) as [string, string];
      await migrateDatabase(resolveDatabaseUrl(migrated), () => {});
      const target = new pg.Client({ connectionString: fromSchema });
      await target.connect();
      await target.query(schemaScript(POSTGRES_SCHEMA, fromSchema));
      await target.end();

      const expected = await postgresFingerprint(fromSchema);
      expect(expected.columns.length).toBeGreaterThan(50);
      expect(await postgresFingerprint(migrated)).toEqual(expected);

      const changed = new pg.Client({ connectionString: migrated });
      await changed.connect();
      await changed.query('ALTER TABLE "Client" ADD COLUMN "unplanned" TEXT');
      await changed.end();
      expect(await postgresFingerprint(migrated)).not.toEqual(expected);
    } finally {
      for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => {});
      await admin.end();
    }
  });
});
