import "server-only";
import { db } from "../db";

/**
 * ChakraHQ's rate limit, shared by every worker through the database: after one of them is
 * answered 429, none calls ChakraHQ before the time its Retry-After named.
 */

const GATE = "chakra";

/** When ChakraHQ may be called again, or null when it may be now. */
export async function chakraBlockedUntil(now = new Date()): Promise<Date | null> {
  const gate = await db.chakraRateLimit.findUnique({ where: { id: GATE }, select: { blockedUntil: true } });
  return gate && gate.blockedUntil > now ? gate.blockedUntil : null;
}

/** Records a 429: no worker calls ChakraHQ before `until` (a later time already recorded stays). */
export async function blockChakraUntil(until: Date): Promise<void> {
  const moved = await db.chakraRateLimit.updateMany({
    where: { id: GATE, blockedUntil: { lt: until } },
    data: { blockedUntil: until },
  });
  if (moved.count > 0) return;
  try {
    await db.chakraRateLimit.create({ data: { id: GATE, blockedUntil: until } });
  } catch (error) {
    // The row exists: with a later time (nothing to do), or another worker created it meanwhile.
    if ((error as { code?: string }).code !== "P2002") throw error;
    await db.chakraRateLimit.updateMany({ where: { id: GATE, blockedUntil: { lt: until } }, data: { blockedUntil: until } });
  }
}

/** How long to wait when ChakraHQ names no Retry-After. */
const RATE_LIMIT_DEFAULT_MS = 30_000;

/** How long a 429 asks to wait: its Retry-After, else RATE_LIMIT_DEFAULT_MS. */
export const rateLimitWaitMs = (error: { retryAfterSeconds: number | null }) =>
  error.retryAfterSeconds === null ? RATE_LIMIT_DEFAULT_MS : error.retryAfterSeconds * 1000;

/** Puts a 429 on record for every worker: nobody calls ChakraHQ before its wait has passed. */
export const recordRateLimited = (error: { retryAfterSeconds: number | null }) =>
  blockChakraUntil(new Date(Date.now() + rateLimitWaitMs(error)));
