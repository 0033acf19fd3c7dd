"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { startRefreshAllAction } from "@/lib/actions/whatsapp";

type Job = {
  status: "RUNNING" | "DONE" | "FAILED";
  total: number;
  done: number;
  failed: number;
  lastError: string | null;
  finishedAt: string | null;
  /** Set while the run waits out ChakraHQ's rate limit. */
  rateLimitedUntil?: string | null;
} | null;

const jobQuery = {
  queryKey: ["whatsapp", "refresh-all"] as const,
  queryFn: async (): Promise<Job> => {
    const response = await fetch("/overview/refresh", { cache: "no-store" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as Job;
  },
};

/**
 * "Refresh all": starts the background job and follows its progress (it survives leaving the
 * page). `shownRunFinishedAt` is the finish time of the last run the server-rendered page
 * already includes; when a later run finishes, the page is fetched again.
 */
export function RefreshAll({ canStart, shownRunFinishedAt }: { canStart: boolean; shownRunFinishedAt: string | null }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const job = useQuery({
    ...jobQuery,
    refetchInterval: (query) => (query.state.data?.status === "RUNNING" ? 1500 : false),
  });
  const start = useMutation({
    mutationFn: () => startRefreshAllAction(null, new FormData()),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobQuery.queryKey }),
  });
  // Compared with what the page shows, not with the first poll: a run started at once after
  // the page loaded can finish before the first poll answers, and would never be shown.
  const finishedAt = job.data?.finishedAt;
  const shown = useRef(shownRunFinishedAt);
  useEffect(() => {
    if (finishedAt && finishedAt !== shown.current) {
      shown.current = finishedAt;
      router.refresh();
    }
  }, [finishedAt, router]);

  const data = job.data;
  const running = data?.status === "RUNNING";
  const processed = data ? data.done + data.failed : 0;
  // On a wider screen the control sits at the header's right edge, in line with the cards'
  // right edge below it; on a phone it takes the full width under the title.
  return (
    <div className="flex w-full flex-col gap-2 sm:w-80 sm:items-end sm:text-right">
      {canStart ? (
        <div>
          <Button variant="secondary" onClick={() => start.mutate()} disabled={running || start.isPending}>
            {running ? "Refreshing…" : "Refresh all from ChakraHQ"}
          </Button>
        </div>
      ) : null}
      <div aria-live="polite" className="text-sm text-slate-600">
        {data ? (
          <>
            {running ? (
              <div className="flex flex-col gap-1 sm:items-end">
                {processed === 0 ? (
                  // Nothing fetched yet: a moving segment says it is under way (an empty bar said nothing).
                  <div
                    role="progressbar"
                    aria-label="Refresh progress"
                    aria-valuetext="Starting"
                    className="h-2 w-full overflow-hidden rounded-full bg-slate-200"
                  >
                    <div className="h-full w-1/3 animate-pulse rounded-full bg-teal-600" />
                  </div>
                ) : (
                  <progress
                    max={data.total}
                    value={processed}
                    className="h-2 w-full accent-teal-700"
                    aria-label="Refresh progress"
                  />
                )}
                <span>
                  {processed === 0
                    ? `Starting: fetching ${data.total} ${data.total === 1 ? "client" : "clients"} from ChakraHQ.`
                    : `${processed} of ${data.total} clients fetched${data.failed ? `, ${data.failed} failed` : ""}.`}{" "}
                  You can leave this page; it keeps going.
                </span>
                {data.rateLimitedUntil ? (
                  <span>
                    ChakraHQ asked to slow down: waiting until{" "}
                    {new Date(data.rateLimitedUntil).toLocaleTimeString([], { timeStyle: "medium" })}.
                  </span>
                ) : null}
              </div>
            ) : (
              <span>
                Last refresh {data.status === "FAILED" ? "stopped" : "finished"}: {data.done} of {data.total} clients
                fetched
                {data.failed ? `, ${data.failed} failed (${data.lastError ?? "see each client"})` : ""}.
              </span>
            )}
          </>
        ) : job.isError ? (
          <span className="text-red-700">The refresh status could not be read.</span>
        ) : null}
        {start.data && !start.data.ok ? <span className="text-red-700">{start.data.message}</span> : null}
        {start.isError ? (
          <span role="alert" className="text-red-700">
            The refresh could not be started. Check your connection and try again.
          </span>
        ) : null}
      </div>
    </div>
  );
}
