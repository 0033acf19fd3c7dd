import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { prismaBin, run } from "./run";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const SQLITE_SCHEMA = path.join(ROOT, "prisma/schema.prisma");
export const POSTGRES_SCHEMA = path.join(ROOT, "prisma/generated/postgres/schema.prisma");
export const MIGRATIONS = { sqlite: "prisma/migrations", postgresql: "prisma/migrations-postgres" } as const;

function replaceOnce(text: string, pattern: RegExp, replacement: string): string {
  if (!pattern.test(text)) throw new Error(`prisma/schema.prisma: expected to find ${pattern}`);
  return text.replace(pattern, replacement);
}

/** The PostgreSQL version of a schema text: only the provider, url and output differ. */
export function toPostgresSchema(sqliteSchema: string): string {
  let text = replaceOnce(sqliteSchema, /provider = "sqlite"/, 'provider = "postgresql"');
  text = replaceOnce(text, /url\s+= "file:[^"]*"/, 'url      = "postgresql://localhost/placeholder"');
  text = replaceOnce(
    text,
    /output\s+= "\.\.\/lib\/generated\/prisma\/sqlite"/,
    'output       = "../../../lib/generated/prisma/postgres"',
  );
  return "// GENERATED from prisma/schema.prisma by scripts/lib/prisma-schema.ts: do not edit.\n" + text;
}

/** Writes the derived PostgreSQL schema next to the generated clients. */
export function writePostgresSchema(): string {
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, toPostgresSchema(readFileSync(SQLITE_SCHEMA, "utf8")));
  return POSTGRES_SCHEMA;
}

/** Generates both Prisma clients (SQLite and PostgreSQL) from the one schema. */
export function generateClients(): void {
  writePostgresSchema();
  for (const schema of [SQLITE_SCHEMA, POSTGRES_SCHEMA]) {
    run(prismaBin, ["generate", "--no-hints", "--schema", schema]);
  }
  console.log("Prisma clients generated (SQLite and PostgreSQL).");
}
