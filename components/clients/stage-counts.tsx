import Link from "next/link";
import { clientListHref } from "@/lib/clients/list-url";
import { CLIENT_FILTERS, type ClientFilter } from "@/lib/clients/status";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { StatusBadge } from "./status-badge";

/**
 * "Clients by stage": a count per onboarding stage, each a link to that view of the list.
 * `q`: the page's search, which the counts follow (and the links keep).
 */
export function StageCounts({
  counts,
  gridClassName,
  q = "",
}: {
  counts: Record<ClientFilter, number>;
  gridClassName: string;
  q?: string;
}) {
  return (
    <Card aria-labelledby="stages-heading">
      <CardTitle id="stages-heading">Clients by stage</CardTitle>
      {q ? <CardDescription>Clients matching “{q}”.</CardDescription> : null}
      <ul className={`mt-3 grid gap-2 ${gridClassName}`}>
        {CLIENT_FILTERS.map((status) => (
          <li key={status}>
            <Link
              href={clientListHref({ status, q })}
              className="flex items-center justify-between gap-2 rounded-lg border border-slate-200 px-3 py-2 hover:bg-slate-50 focus-visible:outline-3 focus-visible:outline-teal-500"
            >
              <StatusBadge status={status} />
              <span className="font-semibold tabular-nums">{counts[status]}</span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}
