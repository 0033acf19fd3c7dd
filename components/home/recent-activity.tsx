import type { Route } from "next";
import Link from "next/link";
import { Card, CardContent, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import type { Activity } from "@/lib/home/activity";
import { formatSpan } from "@/lib/home/needs";

const DOT: Record<Activity["tone"], string> = {
  good: "bg-emerald-500",
  bad: "bg-red-500",
  neutral: "bg-slate-300",
};

/** The last connections, failures, alerts and team changes across clients, newest first. */
export function RecentActivity({ items, now }: { items: Activity[]; now: Date }) {
  return (
    <Card aria-labelledby="activity-heading">
      <CardTitle id="activity-heading">Recent activity</CardTitle>
      <CardContent>
        {items.length === 0 ? (
          <p className="text-sm text-slate-600">
            Nothing yet: connections, failed signups, alerts from ChakraHQ and team changes appear here.
          </p>
        ) : (
          <ol className="flex flex-col gap-3 text-sm">
            {items.map((item) => (
              <li key={item.id} className="flex gap-2.5">
                <span aria-hidden className={`mt-1.5 size-2 shrink-0 rounded-full ${DOT[item.tone]}`} />
                <div className="min-w-0">
                  <p className="break-words">
                    {item.client ? (
                      <>
                        {item.href ? (
                          <Link
                            href={item.href as Route}
                            className="font-medium text-teal-800 underline underline-offset-2"
                          >
                            {item.client.name}
                          </Link>
                        ) : (
                          <span className="font-medium">{item.client.name}</span>
                        )}
                        : {item.text}
                      </>
                    ) : item.href ? (
                      <Link href={item.href as Route} className="underline underline-offset-2">
                        {item.text}
                      </Link>
                    ) : (
                      item.text
                    )}
                  </p>
                  <p className="text-xs text-slate-500">
                    {item.by} ·{" "}
                    <time dateTime={item.at.toISOString()} title={formatDateTime(item.at)}>
                      {now.getTime() - item.at.getTime() < 60_000
                        ? "just now"
                        : `${formatSpan(now.getTime() - item.at.getTime())} ago`}
                    </time>
                  </p>
                </div>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
