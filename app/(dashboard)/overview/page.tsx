import type { Metadata, Route } from "next";
import Link from "next/link";
import { StageCounts } from "@/components/clients/stage-counts";
import { MeaningBadge } from "@/components/whatsapp/badge";
import { RefreshAll } from "@/components/whatsapp/refresh-all";
import { buttonClass } from "@/components/ui/button-class";
import { requireUser } from "@/lib/auth/guards";
import { stripControlCharacters } from "@/lib/validations/text";
import { hasRole } from "@/lib/auth/roles";
import { countClientsByStatus } from "@/lib/data/clients";
import {
  countNumbersByStatus,
  latestRefreshJob,
  listPhoneNumbers,
  NUMBER_FILTERS,
  type NumberFilter,
} from "@/lib/data/whatsapp";
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
  const [clients, numbers, { rows, total, page, pageCount }] = await Promise.all([
    countClientsByStatus(),
    countNumbersByStatus(),
    listPhoneNumbers({ filter, q, page: Number.isFinite(askedPage) ? askedPage : 1 }),
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
        <StageCounts counts={clients} gridClassName="grid-cols-2 sm:grid-cols-3" />
        <section
          aria-labelledby="numbers-heading"
          className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
        >
          <h2 id="numbers-heading" className="font-semibold">
            Numbers by status
          </h2>
          {numbers.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">No phone numbers fetched yet.</p>
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
        </section>
      </div>

      <section aria-labelledby="all-numbers-heading" className="flex flex-col gap-3">
        <h2 id="all-numbers-heading" className="font-semibold">
          Phone numbers
        </h2>
        <form role="search" action="/overview" className="flex flex-wrap gap-2">
          {filter ? <input type="hidden" name="filter" value={filter} /> : null}
          <label htmlFor="q" className="sr-only">
            Search numbers
          </label>
          <input
            id="q"
            name="q"
            type="search"
            defaultValue={q}
            placeholder="Number or client"
            className="min-w-0 flex-1 basis-56 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-xs sm:text-sm"
          />
          <button type="submit" className={buttonClass("secondary")}>
            Search
          </button>
        </form>
        <nav aria-label="Filter numbers" className="flex flex-wrap gap-1">
          {[undefined, ...NUMBER_FILTERS].map((f) => (
            <Link
              key={f ?? "all"}
              href={href({ filter: f, q })}
              aria-current={filter === f ? "page" : undefined}
              className={`rounded-full border px-3 py-1 text-sm ${filter === f ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {f ? FILTER_LABELS[f] : "All"}
            </Link>
          ))}
        </nav>
        <p className="text-sm text-slate-600" aria-live="polite">
          {total === 0
            ? "No number matches."
            : `${total} ${total === 1 ? "number" : "numbers"}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}.`}
        </p>
        {rows.length ? (
          <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm">
            <table className="w-full text-left text-sm">
              <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
                <tr>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    Number
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    Client
                  </th>
                  <th scope="col" className="px-4 py-2.5 font-medium">
                    Status
                  </th>
                  <th scope="col" className="hidden px-4 py-2.5 font-medium md:table-cell">
                    Quality
                  </th>
                  <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">
                    Fetched
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {rows.map((row) => (
                  <tr key={row.id}>
                    <td className="px-4 py-3">
                      <span className="font-medium whitespace-nowrap">{row.displayPhoneNumber || "unknown"}</span>
                      <span className="block text-slate-500">
                        {row.verifiedName ?? "no verified name"}
                        {row.isOnBizApp ? " · Business app" : ""}
                      </span>
                    </td>
                    <td className="px-4 py-3">
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
                    </td>
                    <td className="px-4 py-3">
                      <MeaningBadge meaning={meaningOf(PHONE_STATUS, row.status)} />
                    </td>
                    <td className="hidden px-4 py-3 md:table-cell">
                      {row.qualityRating ? (
                        <MeaningBadge meaning={meaningOf(QUALITY, row.qualityRating)} />
                      ) : (
                        <span className="text-slate-500">unknown</span>
                      )}
                    </td>
                    <td className="hidden px-4 py-3 whitespace-nowrap text-slate-500 lg:table-cell">
                      {formatDateTime(row.snapshot.fetchedAt)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {pageCount > 1 ? (
          <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
            {page > 1 ? (
              <Link href={href({ filter, q, page: page - 1 })} className={buttonClass("secondary")}>
                ← Previous
              </Link>
            ) : (
              <span />
            )}
            <span className="text-slate-600">
              Page {page} of {pageCount}
            </span>
            {page < pageCount ? (
              <Link href={href({ filter, q, page: page + 1 })} className={buttonClass("secondary")}>
                Next →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        ) : null}
      </section>
    </div>
  );
}
