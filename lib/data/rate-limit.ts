import "server-only";
import { db } from "../db";
import { env } from "../env";
import { Prisma } from "../generated/prisma/sqlite/client";
import { dateOf, newId } from "./sql";

/*
 * Attempts on one key take turns: each runs in a transaction that first writes the key's
 * RateLimitLock row, and only then counts and records. On PostgreSQL the write holds the
 * row's lock until commit, so the next attempt waits for it and then (READ COMMITTED: a fresh
 * snapshot per statement) counts the hit it recorded; on SQLite the first write takes the
 * database's one write lock. An attempt counted against several keys locks them in sorted
 * order, so attempts cannot deadlock, and under READ COMMITTED a waiting upsert proceeds
 * instead of failing with a serialization error.
 */
const TRANSACTION = {
  // Prisma's defaults (2 s to start, 5 s to finish) are short for a burst on one key that
  // queues for the lock and, on PostgreSQL, for a pool connection.
  maxWait: 10_000,
  timeout: 10_000,
  // The SQLite client's types know only Serializable (all SQLite has); PostgreSQL is told
  // READ COMMITTED explicitly, whatever the server's default.
  ...(env.database.provider === "postgresql"
    ? { isolationLevel: "ReadCommitted" as unknown as Prisma.TransactionIsolationLevel }
    : {}),
};

/** One limit an attempt counts against: at most `limit` attempts per `windowMs` under `key`. */
export type RateLimit = { key: string; limit: number; windowMs: number };

/** allowed, or the first limit (its index in the list) that refused the attempt, and when to try again. */
export type RateLimitVerdict = { allowed: true } | { allowed: false; refusedBy: number; retryAfterSeconds: number };

/**
 * Counts one attempt against each limit in turn, in one transaction, and says whether it is
 * within all of them. Kept in the database so every app instance sees the same counts;
 * concurrent attempts on a key are counted one after another, so no more than `limit` get
 * through. As if each limit were consumed alone, in order: the first that refuses stops the
 * count, and the limits before it keep their hit. The keys are locked in a fixed (sorted) order,
 * so attempts that share keys cannot deadlock.
 */
export async function consumeRateLimits(
  limits: readonly RateLimit[],
  /** The attempt's time (ms); by default, once the keys' turn comes. Tests pass their own clock. */
  clock?: number,
): Promise<RateLimitVerdict> {
  const keys = [...new Set(limits.map((l) => l.key))].sort();
  // In SQL (see ./sql.ts): 3 statements, and a 4th now and then, instead of as many Prisma
  // queries and one more per key. The same rows as before.
  return db.$transaction(async (tx) => {
    // A native upsert (INSERT … ON CONFLICT DO UPDATE) on both databases: the first attempt
    // on a key creates the row, later ones wait for whoever holds it. One statement for all the
    // keys: its rows are written, and locked, in the (sorted) order of its VALUES.
    const lockedAt = new Date();
    await tx.$executeRaw`
      INSERT INTO "RateLimitLock" ("id", "key", "createdAt", "updatedAt")
      VALUES ${Prisma.join(keys.map((key) => Prisma.sql`(${newId()}, ${key}, ${lockedAt}, ${lockedAt})`))}
      ON CONFLICT ("key") DO UPDATE SET "updatedAt" = excluded."updatedAt"`;
    const now = clock ?? Date.now();
    // Every hit of these keys: those in a window, and those that left it since the key's last
    // counted attempt (cleared below), so no more than about twice the limit per key.
    const hits = (
      await tx.$queryRaw<{ id: string; key: string; createdAt: Date | string }[]>`
        SELECT "id", "key", "createdAt" FROM "RateLimitHit" WHERE "key" IN (${Prisma.join(keys)})`
    ).map((h) => ({ ...h, createdAt: dateOf(h.createdAt) }));
    const counted: RateLimit[] = [];
    let verdict: RateLimitVerdict = { allowed: true };
    for (const [index, limit] of limits.entries()) {
      const since = now - limit.windowMs;
      const recent = hits
        .filter((h) => h.key === limit.key && h.createdAt.getTime() > since)
        .map((h) => h.createdAt.getTime())
        .sort((a, b) => a - b);
      if (recent.length >= limit.limit) {
        const oldest = recent[recent.length - limit.limit]!;
        verdict = { allowed: false, refusedBy: index, retryAfterSeconds: Math.max(1, Math.ceil((oldest + limit.windowMs - now) / 1000)) };
        break;
      }
      counted.push(limit);
    }
    if (counted.length === 0) return verdict;
    const [at, written] = [new Date(now), new Date()];
    await tx.$executeRaw`
      INSERT INTO "RateLimitHit" ("id", "key", "createdAt", "updatedAt")
      VALUES ${Prisma.join(counted.map((l) => Prisma.sql`(${newId()}, ${l.key}, ${at}, ${written})`))}`;
    // Old hits of the keys just counted are of no further use; clearing them keeps the table small.
    const old = hits.filter((h) => counted.some((l) => l.key === h.key && h.createdAt.getTime() <= now - l.windowMs));
    if (old.length > 0) await tx.$executeRaw`DELETE FROM "RateLimitHit" WHERE "id" IN (${Prisma.join(old.map((h) => h.id))})`;
    return verdict;
  }, TRANSACTION);
}

/** Counts one attempt under `key` and says whether it is within `limit` attempts per `windowMs` (see consumeRateLimits). */
export async function consumeRateLimit({
  key,
  limit,
  windowMs,
  now,
}: RateLimit & {
  /** The attempt's time (ms); by default, once the key's turn comes. Tests pass their own clock. */
  now?: number;
}): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const verdict = await consumeRateLimits([{ key, limit, windowMs }], now);
  return verdict.allowed ? { allowed: true, retryAfterSeconds: 0 } : { allowed: false, retryAfterSeconds: verdict.retryAfterSeconds };
}
