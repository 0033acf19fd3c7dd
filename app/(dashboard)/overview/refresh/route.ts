import { authorizeRoute } from "@/lib/auth/guards";
import { chakraBlockedUntil } from "@/lib/data/chakra-rate-limit";
import { latestRefreshJob } from "@/lib/data/whatsapp";

/** GET /overview/refresh: the progress of the latest "refresh all", polled by the overview page. */
export async function GET() {
  const { response } = await authorizeRoute("VIEWER");
  if (response) return response;
  const job = await latestRefreshJob();
  // While a run waits out ChakraHQ's rate limit, the page says until when.
  const waitingUntil = job?.status === "RUNNING" ? await chakraBlockedUntil() : null;
  return Response.json(
    job && {
      status: job.status,
      total: job.total,
      done: job.done,
      failed: job.failed,
      lastError: job.lastError,
      startedAt: job.startedAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
      rateLimitedUntil: waitingUntil?.toISOString() ?? null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
}
