import "server-only";
import cuid from "@bugsnag/cuid";
import Database from "better-sqlite3";
import { db } from "../db";
import { env } from "../env";

/*
 * Helpers for the few statements written in SQL on a hot path (the end client's "Connect
 * WhatsApp": each Prisma query costs ~1.3 ms of CPU in its query compiler, a tagged-template
 * query ~0.3 ms). Such SQL runs unchanged on SQLite and PostgreSQL (quoted identifiers, bound
 * parameters; PostgreSQL infers an enum column's type from an untyped parameter) and writes the
 * rows Prisma would: the same ids, dates as Prisma's adapters store them (a Date parameter is
 * written by the adapter, as for Prisma's own queries), `updatedAt` set on every write.
 */

/**
 * A new row id, as `@default(cuid())` makes it: @bugsnag/cuid is the cuid (v1) generator
 * Prisma's client bundles, so ids written in SQL look and sort like the others.
 */
export const newId = (): string => cuid();

/** A date read by a raw query: a Date from PostgreSQL, an ISO text from SQLite. */
export function dateOf(value: Date | string): Date;
export function dateOf(value: Date | string | null): Date | null;
export function dateOf(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

type Reader = { database: Database.Database; statements: Map<string, Database.Statement> };
// One per process, kept across development's hot reloads as lib/db.ts keeps its client.
const globalForReader = globalThis as unknown as { sqlReader?: Reader };

function sqliteReader(filePath: string): Reader {
  if (!globalForReader.sqlReader) {
    // The database exists by now (the server's start applied the migrations): never create one.
    const database = new Database(filePath, { fileMustExist: true, timeout: 5_000 });
    // Reads only, whatever the SQL says.
    database.pragma("query_only = ON");
    globalForReader.sqlReader = { database, statements: new Map() };
  }
  return globalForReader.sqlReader;
}

/**
 * The rows of a read on the end client's page (its link, the agency's branding), the app's
 * busiest public address: opened by every client who follows an email, at any scale, without
 * a session. Parameters are `?` in the SQL (none inside its literals).
 *
 * On SQLite, from a connection of this process's own, with each statement prepared once. A
 * tagged-template query through Prisma spends ~0.3 ms of CPU per call (its request pipeline,
 * and a statement prepared again each time); under 200 simultaneous opens that was most of
 * the page's database cost. Like any query outside a transaction, it reads what is committed
 * (the database is in WAL mode, lib/prisma.ts: readers never wait for the writer). On
 * PostgreSQL, through Prisma, numbered `$1…`: a round trip costs more there than the pipeline.
 */
export async function readRows<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const target = env.database;
  if (target.provider === "postgresql") {
    let n = 0;
    return db.$queryRawUnsafe<T[]>(sql.replace(/\?/g, () => `$${++n}`), ...params);
  }
  const reader = sqliteReader(target.filePath);
  let statement = reader.statements.get(sql);
  if (!statement) reader.statements.set(sql, (statement = reader.database.prepare(sql)));
  return statement.all(...params) as T[];
}
