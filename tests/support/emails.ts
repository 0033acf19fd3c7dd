import { expect, vi } from "vitest";
import { db } from "@/lib/db";

/**
 * Waits until every email queued to `to` has left the queue (sent or failed): emails are sent by
 * the "send-email" job, which the tests' own process runs (JOBS_IN_APP, tests/support/global-setup.ts).
 */
export async function emailsSettled(to: string, timeout = 15_000): Promise<void> {
  await vi.waitFor(
    async () => expect(await db.emailDelivery.count({ where: { to, status: { in: ["QUEUED", "RETRYING"] } } })).toBe(0),
    { timeout, interval: 100 },
  );
}
