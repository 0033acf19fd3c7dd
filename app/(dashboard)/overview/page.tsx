import type { Metadata, Route } from "next";
import Link from "next/link";
import { StageCounts } from "@/components/clients/stage-counts";
import { MeaningBadge } from "@/components/whatsapp/badge";
import { RefreshAll } from "@/components/whatsapp/refresh-all";
import { Pager } from "@/components/ui/pager";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { SearchFilters } from "@/components/ui/search-filters";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/guards";
import { stripControlCharacters } from "@/lib/validations/text";
import { hasRole } from "@/lib/auth/roles";
import { countClientsByStatus } from "@/lib/data/clients/list";
import { latestRefreshJob, NUMBER_FILTERS, overviewNumbers, type NumberFilter } from "@/lib/data/whatsapp";
import { formatDateTime } from "@/lib/format";
import { meaningOf, PHONE_STATUS, QUALITY } from "@/lib/whatsapp/meaning";

export const metadata: Metadata = { title: "WhatsApp overview" };

const FILTER_LABELS: Record<NumberFilter, string> = {
  not_connected: "Not connected",
  attention: "Needs attention",
  coexistence: "On the WhatsApp Business app",
};

const href = (params: { filter?: string; q?: string; page?: number }) => {
  const entries = Object.entries(params).filter(([k, v]) => v && !(k === "page" && v === 1));
  const search = new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString();
  return (search ? `/overview?${search}` : "/overview") as Route;
};

export default async function OverviewPage({ searchParams }: PageProps<"/overview">) {
  const user = await requireUser();
  const params = await searchParams;
  const filter = NUMBER_FILTERS.find((f) => f === params.filter);
  const q = typeof params.q === "string" ? stripControlCharacters(params.q).slice(0, 100) : "";
  const askedPage = typeof params.page === "string" ? Number.parseInt(params.page, 10) : 1;
  // Read before the numbers: the page's data includes at least this run's results, so the
  // refresh control knows which finished run it still has to show (components/whatsapp/refresh-all.tsx).
  const lastRun = await latestRefreshJob();
  const [clients, { byStatus: numbers, rows, total, page, pageCount }] = await Promise.all([
    countClientsByStatus({ q }),
    overviewNumbers({ filter, q, page: Number.isFinite(askedPage) ? askedPage : 1 }),
  ]);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">WhatsApp overview</h1>
          <p className="mt-1 text-slate-600">Every client&apos;s numbers, as last fetched from ChakraHQ.</p>
        </div>
        <RefreshAll
          canStart={hasRole(user.role, "ADMIN")}
          shownRunFinishedAt={lastRun?.finishedAt?.toISOString() ?? null}
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <StageCounts counts={clients} gridClassName="grid-cols-2 sm:grid-cols-3" q={q} />
        <Card aria-labelledby="numbers-heading">
          <CardTitle id="numbers-heading">Numbers by status</CardTitle>
          {q ? <CardDescription>Numbers matching “{q}”.</CardDescription> : null}
          {numbers.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">{q ? "None." : "No phone numbers fetched yet."}</p>
          ) : (
            <ul className="mt-3 flex flex-col gap-2">
              {numbers.map((n) => (
                <li key={n.status} className="flex items-center justify-between gap-2">
                  <MeaningBadge meaning={meaningOf(PHONE_STATUS, n.status === "UNKNOWN" ? null : n.status)} />
                  <span className="font-semibold tabular-nums">{n.count}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <section aria-labelledby="all-numbers-heading" className="flex flex-col gap-3">
        <h2 id="all-numbers-heading" className="font-semibold">
          Phone numbers
        </h2>
        <SearchFilters
          action="/overview"
          label="Search numbers"
          defaultValue={q}
          placeholder="Number or client"
          maxLength={100}
          hidden={{ filter }}
          filtersLabel="Filter numbers"
          filters={[undefined, ...NUMBER_FILTERS].map((f) => ({
            key: f ?? "all",
            label: f ? FILTER_LABELS[f] : "All",
            href: href({ filter: f, q }),
            current: filter === f,
          }))}
        />
        <p className="text-sm text-slate-600" aria-live="polite">
          {total === 0
            ? "No number matches."
            : `${total} ${total === 1 ? "number" : "numbers"}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}.`}
        </p>
        {rows.length ? (
          <Table>
            <TableHead>
              <TableRow>
                <TableHeader>Number</TableHeader>
                <TableHeader>Client</TableHeader>
                <TableHeader>Status</TableHeader>
                <TableHeader className="hidden md:table-cell">Quality</TableHeader>
                <TableHeader className="hidden lg:table-cell">Fetched</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => {
                const quality = row.qualityRating ? meaningOf(QUALITY, row.qualityRating) : null;
                return (
                  <TableRow key={row.id}>
                    <TableCell>
                      <span className="font-medium whitespace-nowrap">{row.displayPhoneNumber || "unknown"}</span>
                      <span className="block text-slate-500">
                        {row.verifiedName ?? "no verified name"}
                        {row.isOnBizApp ? " · Business app" : ""}
                      </span>
                    </TableCell>
                    <TableCell>
                      {row.snapshot.client ? (
                        <Link
                          href={`/clients/${row.snapshot.client.id}` as Route}
                          className="font-medium hover:underline"
                        >
                          {row.snapshot.client.name}
                        </Link>
                      ) : (
                        "unknown"
                      )}
                    </TableCell>
                    <TableCell>
                      <MeaningBadge meaning={meaningOf(PHONE_STATUS, row.status)} />
                      {/* On a phone the Quality column is hidden: a red rating shows here, in one short line
                        (a badge like the column's made the page's HTML 7 kB larger at 50 rows). */}
                      {quality?.tone === "bad" ? (
                        <span className="mt-1 block text-xs font-semibold text-red-800 md:hidden">
                          {quality.label} quality: act now
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell className="hidden md:table-cell">
                      {quality ? <MeaningBadge meaning={quality} /> : <span className="text-slate-500">unknown</span>}
                    </TableCell>
                    <TableCell className="hidden whitespace-nowrap text-slate-500 lg:table-cell">
                      {formatDateTime(row.snapshot.fetchedAt)}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        ) : null}
        <Pager page={page} pageCount={pageCount} hrefFor={(to) => href({ filter, q, page: to })} />
      </section>
    </div>
  );
}
