import { connection } from "next/server";
import { Suspense } from "react";
import { Providers } from "@/components/providers";
import { Card, CardTitle } from "@/components/ui/card";
import { StatusLine } from "@/components/ui/status-line";
import { getSystemStatus } from "@/lib/data/system";
import { SystemStatusList } from "./system-status-list";

/**
 * ChakraHQ's and the database's status, for signed-in members only: it names the database
 * kind and ChakraHQ's address. Streamed in; ChakraHQ's check is shared and cached, so the page
 * never waits on it for more than a moment.
 */
export async function SystemStatus() {
  await connection();
  // Its own react-query cache on the home page, which has no member layout around it.
  return (
    <Providers>
      <SystemStatusList initial={await getSystemStatus()} />
    </Providers>
  );
}

/** The "System status" card of the home page and the dashboard (members only). */
export function SystemStatusSection() {
  return (
    <Card aria-labelledby="status-heading">
      <CardTitle id="status-heading">System status</CardTitle>
      <Suspense fallback={<SystemStatusPending />}>
        <SystemStatus />
      </Suspense>
    </Card>
  );
}

function SystemStatusPending() {
  return (
    <dl className="divide-y divide-slate-100" aria-busy="true">
      <StatusLine label="ChakraHQ" tone="pending">
        Checking…
      </StatusLine>
      <StatusLine label="Database" tone="pending">
        Checking…
      </StatusLine>
    </dl>
  );
}
