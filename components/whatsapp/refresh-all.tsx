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
} | null;

const jobQuery = {
  queryKey: ["whatsapp", "refresh-all"] as const,
  queryFn: async (): Promise<Job> => {
    const response = await fetch("/overview/refresh", { cache: "no-store" });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return (await response.json()) as Job;
  },
};

/** "Refresh all": starts the background job and follows its progress (it survives leaving the page). */
export function RefreshAll({ canStart }: { canStart: boolean }) {
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
  // When a run finishes (one started here or elsewhere), show the fresh numbers. A run can
  // finish before the first poll sees it running, so compare finish times, not statuses.
  const finishedAt = job.data?.finishedAt;
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!job.isSuccess) return;
    if (seen.current === undefined) seen.current = finishedAt ?? null;
    else if (finishedAt && finishedAt !== seen.current) {
      seen.current = finishedAt;
      router.refresh();
    }
  }, [finishedAt, job.isSuccess, router]);

  const data = job.data;
  const running = data?.status === "RUNNING";
  const processed = data ? data.done + data.failed : 0;
  return (
    <div className="flex flex-col gap-2">
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
              <div className="flex flex-col gap-1">
                <progress
                  max={data.total}
                  value={processed}
                  className="h-2 w-64 max-w-full accent-teal-700"
                  aria-label="Refresh progress"
                />
                <span>
                  {processed} of {data.total} clients fetched{data.failed ? `, ${data.failed} failed` : ""}. You can
                  leave this page; it keeps going.
                </span>
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
