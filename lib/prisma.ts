import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { DatabaseTarget } from "./database-url";
import { PrismaClient as PostgresClient } from "./generated/prisma/postgres/client";
import { PrismaClient } from "./generated/prisma/sqlite/client";

/**
 * Both generated clients expose the same model API (they come from one schema), so the
 * SQLite client's type stands for both. It also keeps queries portable: PostgreSQL-only
 * options such as `mode: "insensitive"` do not type-check.
 */
export type Db = PrismaClient;

/** Opens a Prisma client on the adapter the URL calls for. Prefer `db` from lib/db.ts. */
export function createPrismaClient(target: DatabaseTarget): Db {
  if (target.provider === "postgresql") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return client as unknown as Db;
  }
  mkdirSync(path.dirname(target.filePath), { recursive: true });
  const adapter = new PrismaBetterSQLite3({ url: target.url });
  return new PrismaClient({ adapter });
}
