"use client";

import { useQuery } from "@tanstack/react-query";
import { StatusLine } from "@/components/ui/status-line";

/** The shape of getSystemStatus() in lib/data/system.ts (a client component may not import it). */
type SystemStatusReport = {
  demoMode: boolean;
  chakraBaseUrl: string;
  chakra: { state: "ok" } | { state: "error"; message: string } | { state: "pending" };
  databaseProvider: string;
  database: { ready: boolean; reasons: string[] };
};

const POLL_MS = 3_000;
const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const MAX_POLLS = 10;

/** The status lines; while ChakraHQ's first check is still running, asks the server again every few seconds. */
export function SystemStatusList({ initial }: { initial: SystemStatusReport }) {
  const { data: status } = useQuery({
    queryKey: ["system", "status"],
    queryFn: async (): Promise<SystemStatusReport> => {
      const response = await fetch("/api/health/status", { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (await response.json()) as SystemStatusReport;
    },
    initialData: initial,
    enabled: initial.chakra.state === "pending",
    refetchInterval: (query) =>
      query.state.data?.chakra.state === "pending" &&
      query.state.status !== "error" &&
      query.state.dataUpdateCount <= MAX_POLLS
        ? POLL_MS
        : false,
  });
  const { chakra, database } = status;
  return (
    <dl className="divide-y divide-slate-100" aria-live="polite" aria-busy={chakra.state === "pending"}>
      <StatusLine
        label={status.demoMode ? "Fake ChakraHQ" : "ChakraHQ"}
        tone={chakra.state === "ok" ? "ok" : chakra.state === "error" ? "error" : "pending"}
      >
        {chakra.state === "ok"
          ? `Answering at ${status.chakraBaseUrl}`
          : chakra.state === "error"
            ? chakra.message
            : "Checking…"}
      </StatusLine>
      <StatusLine label={`Database (${status.databaseProvider})`} tone={database.ready ? "ok" : "error"}>
        {database.ready ? "Connected, migrations applied" : sentence(database.reasons.join("; "))}
      </StatusLine>
    </dl>
  );
}
