import type { Route } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button-class";
import {
  formatDate,
  formatDay,
  formatDuration,
  funnelSteps,
  type FunnelCounts,
  type WeekBucket,
} from "@/lib/home/funnel";
import { FUNNEL_PERIODS, type FunnelPeriod } from "@/lib/validations/home";

/** "in the last 30 days", "from 1 Mar 2026 to 31 Mar 2026" */
function describePeriod(period: FunnelPeriod): string {
  if (period.days !== null) return `in the last ${period.days} days`;
  const last = new Date(period.to.getTime() - 86_400_000);
  return period.from.getTime() === last.getTime()
    ? `on ${formatDate(period.from)}`
    : `from ${formatDate(period.from)} to ${formatDate(last)}`;
}

/** The onboarding funnel of the links created in a period, drawn, with its figures as text. */
export function Funnel({
  period,
  counts,
  medianToConnectMs,
  weeks,
}: {
  period: FunnelPeriod;
  counts: FunnelCounts;
  medianToConnectMs: number | null;
  weeks: WeekBucket[];
}) {
  const steps = funnelSteps(counts);
  return (
    <Card aria-labelledby="funnel-heading">
      <CardHeader>
        <div>
          <CardTitle id="funnel-heading">Onboarding funnel</CardTitle>
          <CardDescription>Links created {describePeriod(period)}, and how far they got.</CardDescription>
        </div>
        <PeriodPicker period={period} />
      </CardHeader>
      {period.error ? (
        <p role="alert" className="mt-3 text-sm text-red-700">
          {period.error} Showing the last 30 days.
        </p>
      ) : null}
      <CardContent className="flex flex-col gap-6">
        {counts.sent === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
            No onboarding links were created {describePeriod(period)}.
          </p>
        ) : (
          <div>
            <ol className="flex flex-col gap-3" aria-label="Funnel steps">
              {steps.map((step) => (
                <li key={step.key} data-step={step.key}>
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
                    <span>
                      <span className="font-medium">{step.label}</span>{" "}
                      <span className="text-slate-500">({step.description})</span>
                    </span>
                    <span className="tabular-nums">
                      <span className="font-semibold" data-figure="count">
                        {step.count}
                      </span>
                      {step.key === "sent" ? null : (
                        <span className="text-slate-600">
                          {" "}
                          · <span data-figure="of-sent">{step.ofSent}%</span> of sent
                          {step.fromPrevious === null ? null : (
                            <>
                              , <span data-figure="from-previous">{step.fromPrevious}%</span> of the step before
                            </>
                          )}
                        </span>
                      )}
                    </span>
                  </div>
                  <div aria-hidden className="mt-1 h-3 rounded-full bg-slate-100">
                    <div
                      className={`h-3 rounded-full ${step.key === "connected" ? "bg-emerald-600" : "bg-teal-600"}`}
                      style={{ width: `${Math.max(step.count > 0 ? 2 : 0, step.ofSent)}%` }}
                    />
                  </div>
                </li>
              ))}
            </ol>
            <p className="mt-4 text-sm text-slate-700" data-figure="median">
              {medianToConnectMs === null
                ? "None of these links is connected yet."
                : `Median time from sent to connected: ${formatDuration(medianToConnectMs)}.`}
            </p>
          </div>
        )}
        <WeeklyConnections weeks={weeks} />
      </CardContent>
    </Card>
  );
}

function PeriodPicker({ period }: { period: FunnelPeriod }) {
  return (
    <div className="flex flex-col items-start gap-2 sm:items-end">
      <nav aria-label="Funnel period">
        <ul className="flex flex-wrap gap-1">
          {FUNNEL_PERIODS.map((days) => {
            const current = period.days === days;
            return (
              <li key={days}>
                <Link
                  href={`/dashboard?period=${days}` as Route}
                  aria-current={current ? "true" : undefined}
                  scroll={false}
                  className={`inline-flex min-h-9 items-center rounded-lg px-3 text-sm font-medium focus-visible:outline-3 focus-visible:outline-teal-500 ${
                    current ? "bg-slate-900 text-white" : "border border-slate-300 text-slate-700 hover:bg-slate-50"
                  }`}
                >
                  {days} days
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <details className="text-sm" open={period.range !== null || Boolean(period.error)}>
        <summary className="cursor-pointer rounded text-teal-700 underline underline-offset-4 focus-visible:outline-3 focus-visible:outline-teal-500">
          Choose dates
        </summary>
        <form method="get" action="/dashboard" className="mt-2 flex flex-wrap items-end gap-2">
          <label className="flex flex-col gap-1">
            <span className="text-slate-600">From</span>
            <input
              type="date"
              name="from"
              required
              defaultValue={period.range?.from}
              className="min-h-9 rounded-lg border border-slate-300 px-2"
            />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-slate-600">To</span>
            <input
              type="date"
              name="to"
              required
              defaultValue={period.range?.to}
              className="min-h-9 rounded-lg border border-slate-300 px-2"
            />
          </label>
          <button type="submit" className={buttonClass("secondary", "min-h-9")}>
            Show
          </button>
        </form>
      </details>
    </div>
  );
}

/** Connections per week as bars, with the same figures in a table for screen readers and anyone who wants numbers. */
function WeeklyConnections({ weeks }: { weeks: WeekBucket[] }) {
  const total = weeks.reduce((sum, w) => sum + w.count, 0);
  const max = Math.max(1, ...weeks.map((w) => w.count));
  const best = weeks.reduce((a, b) => (b.count > a.count ? b : a), weeks[0]!);
  const summary =
    total === 0
      ? `No connections in these ${weeks.length === 1 ? "days" : `${weeks.length} weeks`}.`
      : `${total} ${total === 1 ? "connection" : "connections"} in ${weeks.length} ${weeks.length === 1 ? "week" : "weeks"}; the most (${best.count}) in the 7 days from ${formatDay(best.start)}.`;
  return (
    <figure aria-labelledby="weekly-caption">
      <h3 className="text-sm font-medium">Connections per week</h3>
      {/* No bars to draw: the caption says so, without an empty chart. */}
      {total === 0 ? null : (
        <>
          <div aria-hidden className="mt-3 flex h-28 items-end gap-1 border-b border-slate-300">
            {weeks.map((week) => (
              <div key={week.start.toISOString()} className="flex h-full min-w-0 flex-1 flex-col justify-end">
                {week.count > 0 ? (
                  <span className="mb-0.5 text-center text-[0.7rem] text-slate-600 tabular-nums">{week.count}</span>
                ) : null}
                <div
                  className="rounded-t bg-emerald-600"
                  style={{ height: `${(week.count / max) * 80}%`, minHeight: week.count > 0 ? 2 : 0 }}
                />
              </div>
            ))}
          </div>
          <div aria-hidden className="mt-1 flex justify-between text-xs text-slate-500">
            <span>{formatDay(weeks[0]!.start)}</span>
            <span>{formatDay(new Date(weeks.at(-1)!.end.getTime() - 1))}</span>
          </div>
        </>
      )}
      <figcaption id="weekly-caption" className="mt-2 text-sm text-slate-600">
        {summary}
      </figcaption>
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer rounded text-teal-700 underline underline-offset-4 focus-visible:outline-3 focus-visible:outline-teal-500">
          Show the figures
        </summary>
        <table className="mt-2 w-full text-left">
          <caption className="sr-only">Connections per week</caption>
          <thead>
            <tr className="text-slate-500">
              <th scope="col" className="py-1 font-medium">
                Week
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                Connections
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {weeks.map((week) => (
              <tr key={week.start.toISOString()}>
                <td className="py-1">
                  {formatDay(week.start)} to {formatDay(new Date(week.end.getTime() - 1))}
                </td>
                <td className="py-1 text-right tabular-nums">{week.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
