import { connection } from "next/server";
import { StatusLine } from "@/components/ui/status-line";
import { checkChakraHealth, checkDatabase, describeSetup } from "@/lib/data/system";

/** Live checks of ChakraHQ and the database; streamed in so the page never waits on them. */
export async function SystemStatus() {
  await connection();
  const setup = describeSetup();
  const [chakraStatus, database] = await Promise.all([checkChakraHealth(), checkDatabase()]);
  return (
    <dl className="divide-y divide-slate-100">
      <StatusLine label={setup.demoMode ? "Fake ChakraHQ" : "ChakraHQ"} tone={chakraStatus.ok ? "ok" : "error"}>
        {chakraStatus.ok ? `Answering at ${setup.chakraBaseUrl}` : chakraStatus.message}
      </StatusLine>
      <StatusLine label={`Database (${setup.databaseProvider})`} tone={database.ok ? "ok" : "error"}>
        {database.ok ? "Connected, migrations applied" : database.message}
      </StatusLine>
    </dl>
  );
}

export function SystemStatusPending() {
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
