import "server-only";
import { db } from "../db";

/**
 * Counts one attempt under `key` and says whether it is within `limit` attempts per
 * `windowMs`. Kept in the database so every app instance sees the same count.
 */
export async function consumeRateLimit({
  key,
  limit,
  windowMs,
}: {
  key: string;
  limit: number;
  windowMs: number;
}): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const since = new Date(Date.now() - windowMs);
  const recent = await db.rateLimitHit.findMany({
    where: { key, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
    take: limit,
  });
  if (recent.length >= limit) {
    const oldest = recent[0]!.createdAt.getTime();
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - Date.now()) / 1000)) };
  }
  await db.rateLimitHit.create({ data: { key } });
  // Old hits are of no further use; clearing them here keeps the table small.
  await db.rateLimitHit.deleteMany({ where: { key, createdAt: { lte: since } } });
  return { allowed: true, retryAfterSeconds: 0 };
}
