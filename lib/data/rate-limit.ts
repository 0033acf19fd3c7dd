import "server-only";
import { db } from "../db";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/sqlite/client";

/*
 * Attempts on one key take turns: each runs in a transaction that first writes the key's
 * RateLimitLock row, and only then counts and records. On PostgreSQL the write holds the
 * row's lock until commit, so the next attempt waits for it and then (READ COMMITTED: a fresh
 * snapshot per statement) counts the hit it recorded; on SQLite the first write takes the
 * database's one write lock. Only one lock is held, so attempts cannot deadlock, and under
 * READ COMMITTED a waiting upsert proceeds instead of failing with a serialization error.
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

/**
 * Counts one attempt under `key` and says whether it is within `limit` attempts per
 * `windowMs`. Kept in the database so every app instance sees the same count; concurrent
 * attempts on a key are counted one after another, so no more than `limit` get through.
 */
export async function consumeRateLimit({
  key,
  limit,
  windowMs,
  now: clock,
}: {
  key: string;
  limit: number;
  windowMs: number;
  /** The attempt's time (ms); by default, once the key's turn comes. Tests pass their own clock. */
  now?: number;
}): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  let now = clock ?? Date.now();
  const result = await db.$transaction(async (tx) => {
    // A native upsert (INSERT … ON CONFLICT DO UPDATE) on both databases: the first attempt
    // on a key creates the row, later ones wait for whoever holds it.
    await tx.rateLimitLock.upsert({ where: { key }, create: { key }, update: { updatedAt: new Date() } });
    now = clock ?? Date.now();
    const recent = await tx.rateLimitHit.findMany({
      where: { key, createdAt: { gt: new Date(now - windowMs) } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
      take: limit,
    });
    if (recent.length >= limit) {
      const oldest = recent[0]!.createdAt.getTime();
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
    }
    await tx.rateLimitHit.create({ data: { key, createdAt: new Date(now) } });
    return { allowed: true, retryAfterSeconds: 0 };
  }, TRANSACTION);
  // Old hits are of no further use; clearing them here keeps the table small. Outside the
  // transaction, so the key's lock is held no longer than the count needs.
  if (result.allowed) await db.rateLimitHit.deleteMany({ where: { key, createdAt: { lte: new Date(now - windowMs) } } });
  return result;
}
