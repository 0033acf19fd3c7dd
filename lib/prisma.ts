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

/*
 * SQLite's defaults (a rollback journal, synchronous=FULL) wait for the disk twice on every
 * commit: on a shared disk that is 5–20 ms per write, and an end client's "Connect WhatsApp"
 * makes about seven. Write-ahead logging with synchronous=NORMAL commits without waiting for
 * the disk, and stays consistent after a crash; what a power cut can lose is the last
 * commits before it (see `makeDurable` for the writes that must not be lost). Readers no
 * longer wait for the writer either. WAL is kept in the file; synchronous is per connection.
 */
const SQLITE_PRAGMAS = "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";

class TunedSQLite extends PrismaBetterSQLite3 {
  override async connect() {
    const adapter = await super.connect();
    await adapter.executeScript(SQLITE_PRAGMAS);
    return adapter;
  }
}

/** Opens a Prisma client on the adapter the URL calls for. Prefer `db` from lib/db.ts. */
export function createPrismaClient(target: DatabaseTarget): Db {
  if (target.provider === "postgresql") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) });
    return client as unknown as Db;
  }
  mkdirSync(path.dirname(target.filePath), { recursive: true });
  // better-sqlite3 waits up to 5 s for another process's write lock (its `timeout`), said here.
  const adapter = new TunedSQLite({ url: target.url, timeout: 5_000 });
  return new PrismaClient({ adapter });
}
