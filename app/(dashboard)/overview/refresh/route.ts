import { authorizeRoute } from "@/lib/auth/guards";
import { latestRefreshJob } from "@/lib/data/whatsapp";

/** GET /overview/refresh: the progress of the latest "refresh all", polled by the overview page. */
export async function GET() {
  const { response } = await authorizeRoute("VIEWER");
  if (response) return response;
  const job = await latestRefreshJob();
  return Response.json(
    job && {
      status: job.status,
      total: job.total,
      done: job.done,
      failed: job.failed,
      lastError: job.lastError,
      startedAt: job.startedAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
