// Runs once when a Next.js server starts: where the app process runs the background workers
// (JOBS_IN_APP; by default the embedded SQLite setup), they start here, so jobs queued before
// a restart (or cut short by a crash) are taken up again without waiting for a new one.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("./lib/env");
  if (!env.jobs.inApp) return;
  const { startWorkers } = await import("./lib/jobs");
  try {
    await startWorkers();
  } catch (error) {
    // The pages still serve; the jobs wait in their queue for the next start.
    console.error(`[jobs] the background workers did not start: ${(error as Error).message}`);
  }
}
