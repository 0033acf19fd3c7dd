import type { Route } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button-class";
import { formatDateTime } from "@/lib/format";
import { describeWhen, NEED_INFO, needAction, type Need } from "@/lib/home/needs";

const TONE: Record<(typeof NEED_INFO)[keyof typeof NEED_INFO]["tone"], string> = {
  bad: "bg-red-100 text-red-800",
  warn: "bg-amber-100 text-amber-900",
  neutral: "bg-slate-100 text-slate-700",
};

/** "Needs you now": one list across clients, most urgent first, each with the action that resolves it. */
export function NeedsYou({ items, total, now, canAct }: { items: Need[]; total: number; now: Date; canAct: boolean }) {
  return (
    <Card aria-labelledby="needs-heading">
      <CardHeader>
        <div>
          <CardTitle id="needs-heading">Needs you now</CardTitle>
          <CardDescription>
            {items.length === 0
              ? "What needs the agency, across every client."
              : total > items.length
                ? `The ${items.length} most urgent of ${total}, most urgent first.`
                : "Most urgent first."}
          </CardDescription>
        </div>
      </CardHeader>
      <CardContent>
        {items.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 px-4 py-6 text-center text-sm text-slate-600">
            <span className="block font-medium text-slate-900">Nothing needs you</span>
            Numbers down, failed signups, links left unfinished or about to expire show up here.
          </p>
        ) : (
          <ul className="-mx-2 divide-y divide-slate-100">
            {items.map((item) => {
              const info = NEED_INFO[item.kind];
              const action = needAction(item, canAct);
              return (
                <li
                  key={item.key}
                  data-need={item.kind}
                  className="flex flex-col gap-2 px-2 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-4"
                >
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
                      <span className="font-medium break-words">{item.clientName}</span>
                      <span
                        className={`rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONE[info.tone]}`}
                      >
                        {info.label}
                      </span>
                    </p>
                    <p className="mt-0.5 text-sm break-words text-slate-700">{item.what}</p>
                    <p className="mt-0.5 text-xs text-slate-500">
                      <time dateTime={(item.due ?? item.at).toISOString()} title={formatDateTime(item.due ?? item.at)}>
                        {describeWhen(item, now)}
                      </time>
                    </p>
                  </div>
                  <Link
                    href={action.href as Route}
                    // Rows repeat the same few actions: the name says whose each is.
                    aria-label={`${action.label}: ${item.clientName}`}
                    className={buttonClass("secondary", "shrink-0 self-start sm:self-center")}
                  >
                    {action.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
