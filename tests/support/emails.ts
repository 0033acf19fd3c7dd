import { expect, vi } from "vitest";
import { db } from "@/lib/db";

/** When this test file started: emails queued before it belong to other files. */
const FILE_START = new Date();

/**
 * Waits until every email this test file queued to `to` has left the queue (sent or failed):
 * emails are sent by the "send-email" job, which the tests' own process runs (JOBS_IN_APP,
 * tests/support/global-setup.ts). An earlier file's email to a shared address (one its workers
 * were sending when the file ended) is taken up again only after its job's time limit.
 */
export async function emailsSettled(to: string, timeout = 15_000): Promise<void> {
  await vi.waitFor(
    async () =>
      expect(
        await db.emailDelivery.count({
          where: { to, status: { in: ["QUEUED", "RETRYING"] }, createdAt: { gte: FILE_START } },
        }),
      ).toBe(0),
    { timeout, interval: 100 },
  );
}
