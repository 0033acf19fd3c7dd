import type { Metadata, Route } from "next";
import Link from "next/link";
import { RunSweepButton, SweepIntervalForm } from "@/components/health/sweep-controls";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RefreshWhile } from "@/components/ui/refresh-while";
import { requireUser } from "@/lib/auth/guards";
import { getBackgroundWork } from "@/lib/data/health";
import { asSentence, formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Background work" };

const KIND = { SWEEP: "Health sweep", REFRESH_ALL: "Refresh all" } as const;

const count = (n: number, one: string, many: string) => `${n.toLocaleString("en")} ${n === 1 ? one : many}`;

export default async function BackgroundPage() {
  await requireUser("OWNER");
  const work = await getBackgroundWork();
  const last = work.last;
  const sweepRunning = last?.status === "RUNNING";
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      {/* The sweep's counts and "Running now" follow the work while anything runs. */}
      <RefreshWhile active={sweepRunning || work.running.length > 0} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Background work</h1>
        <p className="mt-1 text-slate-600">
          The health sweep checks every client&apos;s WhatsApp with ChakraHQ and alerts the team when something needs
          the agency.
        </p>
      </div>

      <Card aria-labelledby="sweep-heading">
        <CardHeader>
          <div>
            <CardTitle id="sweep-heading">Health sweep</CardTitle>
            <CardDescription>
              {work.nextSweepAt
                ? `Next sweep: ${formatDateTime(work.nextSweepAt)}.`
                : "The scheduled sweep is off. You can still run one now."}
            </CardDescription>
          </div>
          <RunSweepButton running={sweepRunning} />
        </CardHeader>
        <CardContent>
          <h3 className="text-sm font-medium text-slate-900">{sweepRunning ? "This sweep, so far" : "Last sweep"}</h3>
          {!last ? (
            <p className="mt-1 text-sm text-slate-600">No sweep has run yet.</p>
          ) : (
            <dl className="mt-2 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-slate-500">Started</dt>
                <dd className="font-medium">{formatDateTime(last.startedAt)}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Clients checked</dt>
                <dd className="font-medium">
                  {sweepRunning
                    ? `${last.done + last.failed} of ${last.total}`
                    : (last.done + last.failed).toLocaleString("en")}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">{sweepRunning ? "Changes found so far" : "Changes found"}</dt>
                <dd className={`font-medium ${last.alerts > 0 ? "text-amber-800" : ""}`}>
                  {last.alerts.toLocaleString("en")}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Failures</dt>
                <dd className={`font-medium ${last.failed > 0 ? "text-red-700" : ""}`}>
                  {last.failed.toLocaleString("en")}
                </dd>
              </div>
            </dl>
          )}
          {last ? (
            <p className="mt-3 text-sm text-slate-600">
              {sweepRunning
                ? "Running now."
                : last.status === "FAILED"
                  ? `Stopped: ${asSentence(last.lastError ?? "it did not finish")}`
                  : `Finished ${formatDateTime(last.finishedAt)}.${last.lastError ? ` Failed: ${asSentence(last.lastError)}` : ""}`}
            </p>
          ) : null}
        </CardContent>
      </Card>

      <Card aria-labelledby="schedule-heading">
        <CardTitle id="schedule-heading">Schedule</CardTitle>
        <CardDescription className="mb-4">
          Each sweep fetches every mapped plugin once, one client at a time per worker, and waits when ChakraHQ asks to.
        </CardDescription>
        <SweepIntervalForm minutes={work.minutes} isDefault={work.isDefault} />
      </Card>

      <section aria-labelledby="running-heading">
        <h2 id="running-heading" className="mb-3 font-semibold">
          Running now
        </h2>
        {work.running.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            Nothing is running. Sweeps and “Refresh all” appear here while they work.
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm shadow-sm">
            {work.running.map((run) => (
              <li key={run.id} className="flex flex-col gap-1 p-4 sm:flex-row sm:justify-between sm:gap-4">
                <span className="font-medium">{KIND[run.kind]}</span>
                <span className="text-slate-600">
                  {run.done + run.failed} of {count(run.total, "client", "clients")} checked · started{" "}
                  {formatDateTime(run.startedAt)}
                </span>
              </li>
            ))}
            {work.runningClients.map((job) => (
              <li key={job.id} className="flex flex-col gap-1 p-4 pl-8 sm:flex-row sm:justify-between sm:gap-4">
                <span>
                  Fetching <ClientName id={job.clientId} name={job.clientName} />
                </span>
                <span className="text-slate-600">since {formatDateTime(job.claimedAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="refreshes-heading">
        <h2 id="refreshes-heading" className="mb-3 font-semibold">
          Recent “Refresh all” runs
        </h2>
        {work.refreshes.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            None yet. A run started with “Refresh all” on the WhatsApp page is listed here once it ends.
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm shadow-sm">
            {work.refreshes.map((run) => (
              <li key={run.id} className="flex flex-col gap-1 p-4">
                <p className="flex flex-col gap-1 sm:flex-row sm:justify-between sm:gap-4">
                  <span className="font-medium">
                    {run.status === "FAILED" ? "Stopped" : "Finished"} {formatDateTime(run.finishedAt ?? run.startedAt)}
                  </span>
                  <span className="break-words text-slate-500">
                    {run.startedBy ? `Started by ${run.startedBy}` : "Started"} · {formatDateTime(run.startedAt)}
                  </span>
                </p>
                <p className="text-slate-600">
                  {run.done} of {count(run.total, "client", "clients")} fetched
                  {run.failed > 0 ? <span className="text-red-700">, {run.failed} failed</span> : null}.
                </p>
                {run.status === "FAILED" && run.lastError ? (
                  <p className="break-words text-red-700">{asSentence(run.lastError)}</p>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="failed-heading">
        <h2 id="failed-heading" className="mb-3 font-semibold">
          Failed lately
        </h2>
        {work.failures.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            No failures. A client whose plugin could not be fetched is listed here with the reason.
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm shadow-sm">
            {work.failures.map((failure) => (
              <li key={failure.id} className="flex flex-col gap-1 p-4">
                <p className="flex flex-col gap-1 sm:flex-row sm:justify-between sm:gap-4">
                  <span className="font-medium">
                    <ClientName id={failure.clientId} name={failure.clientName} />
                  </span>
                  <span className="text-slate-500">
                    {KIND[failure.refreshJob.kind]} · {formatDateTime(failure.updatedAt)}
                  </span>
                </p>
                <p className="break-words text-red-700">{asSentence(failure.message ?? "Failed")}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

function ClientName({ id, name }: { id: string; name: string | null }) {
  if (!name) return <span className="text-slate-500">A deleted client</span>;
  return (
    <Link href={`/clients/${id}` as Route} className="text-teal-700 underline underline-offset-2">
      {name}
    </Link>
  );
}
