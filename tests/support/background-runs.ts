import { db } from "@/lib/db";
import { stopJobs } from "@/lib/jobs";

/**
 * Ends what a test file started in the background: its workers stop, and the "Refresh all" and
 * health-sweep runs still going are removed, so their queued per-client jobs find no run and do
 * nothing in the next file. (A suite that calls every action, as guards and hostile-input do,
 * starts runs over every client in the shared database; left going, their fetches and alert
 * emails would hold up the next files' own jobs.)
 */
export async function endBackgroundRuns(): Promise<void> {
  await stopJobs();
  await db.refreshJob.deleteMany({ where: { status: "RUNNING" } });
}
