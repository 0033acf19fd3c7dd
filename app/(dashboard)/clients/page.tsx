import type { Metadata, Route } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/clients/status-badge";
import { buttonClass } from "@/components/ui/button-class";
import { requireUser } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { clientListHref } from "@/lib/clients/list-url";
import { CLIENT_FILTERS, STATUS_INFO } from "@/lib/clients/status";
import { countAllClients, countClientsByStatus, listClients } from "@/lib/data/clients";
import { formatDateTime } from "@/lib/format";
import { parseClientListQuery, SEARCH_MAX, type ClientListQuery } from "@/lib/validations/clients";

export const metadata: Metadata = { title: "Clients" };

const COLUMNS: { sort: ClientListQuery["sort"]; label: string; className?: string }[] = [
  { sort: "name", label: "Client" },
  { sort: "status", label: "Status" },
  { sort: "updatedAt", label: "Updated", className: "hidden md:table-cell" },
];

export default async function ClientsPage({ searchParams }: PageProps<"/clients">) {
  const user = await requireUser();
  // A search that cannot run (too long) is dropped and said so; the list still shows.
  const { query, error: searchError } = parseClientListQuery(await searchParams);
  const canEdit = hasRole(user.role, "ADMIN");
  const [{ rows, total, page, pageCount }, counts, everything] = await Promise.all([
    listClients(query),
    countClientsByStatus(),
    countAllClients(),
  ]);
  const filtered = Boolean(query.q || query.status);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Clients</h1>
          <p className="mt-1 text-slate-600">The businesses you onboard onto WhatsApp.</p>
        </div>
        {canEdit ? (
          <div className="flex flex-wrap gap-2">
            <Link href="/clients/import" className={buttonClass("secondary")}>
              Import CSV
            </Link>
            <Link href="/clients/new" className={buttonClass("primary")}>
              New client
            </Link>
          </div>
        ) : null}
      </div>

      {everything === 0 ? (
        <section className="rounded-xl border border-dashed border-slate-300 bg-white p-8 text-center">
          <h2 className="text-lg font-semibold">No clients yet</h2>
          <p className="mx-auto mt-2 max-w-prose text-slate-600">
            Start by adding the first business you want to bring onto WhatsApp: its name and who to send the onboarding
            link to. If it already has a ChakraHQ WhatsApp plugin, paste its id and we check it with ChakraHQ.
          </p>
          {canEdit ? (
            <div className="mt-5 flex flex-wrap justify-center gap-2">
              <Link href="/clients/new" className={buttonClass("primary")}>
                Add your first client
              </Link>
              <Link href="/clients/import" className={buttonClass("secondary")}>
                Import a CSV file
              </Link>
            </div>
          ) : (
            <p className="mt-3 text-sm text-slate-500">An admin or owner of the team adds clients.</p>
          )}
        </section>
      ) : (
        <>
          <form role="search" action="/clients" className="flex flex-wrap gap-2">
            {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
            {query.sort !== "name" ? <input type="hidden" name="sort" value={query.sort} /> : null}
            {query.dir !== "asc" ? <input type="hidden" name="dir" value={query.dir} /> : null}
            <label htmlFor="q" className="sr-only">
              Search clients
            </label>
            <input
              id="q"
              name="q"
              type="search"
              maxLength={SEARCH_MAX}
              defaultValue={query.q}
              aria-invalid={searchError ? true : undefined}
              aria-describedby={searchError ? "q-error" : undefined}
              placeholder="Name, email, reference, plugin id or phone number"
              className="min-w-0 flex-1 basis-64 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-xs focus:border-teal-600 focus:outline-3 focus:outline-teal-500/30 sm:text-sm"
            />
            <button type="submit" className={buttonClass("secondary")}>
              Search
            </button>
            {searchError ? (
              <p id="q-error" role="alert" className="basis-full text-sm text-red-700">
                {searchError} Showing the list without it.
              </p>
            ) : null}
          </form>

          <nav aria-label="Filter by status" className="-mx-1 flex gap-1 overflow-x-auto px-1 pb-1">
            {[undefined, ...CLIENT_FILTERS].map((status) => {
              const current = query.status === status;
              const count = status ? counts[status] : total;
              return (
                <Link
                  key={status ?? "all"}
                  href={clientListHref({ ...query, status, page: 1 })}
                  aria-current={current ? "page" : undefined}
                  className={`inline-flex min-h-9 shrink-0 items-center gap-1.5 rounded-full border px-3 text-sm whitespace-nowrap ${current ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
                >
                  {status ? STATUS_INFO[status].label : "All active"}
                  {status ? <span className={current ? "text-slate-300" : "text-slate-500"}>{count}</span> : null}
                </Link>
              );
            })}
          </nav>

          <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
            <p aria-live="polite">
              {total === 0
                ? "No client matches."
                : `${total} ${total === 1 ? "client" : "clients"}${filtered ? " match" : ""}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}.`}
            </p>
            <a
              href={clientListHref(query, "/clients/export")}
              className="font-medium text-teal-700 underline underline-offset-4"
              download
            >
              Export this view as CSV
            </a>
          </div>

          {rows.length === 0 ? (
            <div className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-600">
              Nothing here{query.q ? ` for "${query.q}"` : ""}.{" "}
              <Link href="/clients" className="font-medium text-teal-700 underline underline-offset-4">
                Clear the search and filters
              </Link>
            </div>
          ) : (
            <div className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm">
              <table className="w-full text-left text-sm">
                <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
                  <tr>
                    {COLUMNS.map((column) => {
                      const active = query.sort === column.sort;
                      const dir = active && query.dir === "asc" ? "desc" : "asc";
                      return (
                        <th
                          key={column.sort}
                          scope="col"
                          aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                          className={`px-4 py-2.5 font-medium ${column.className ?? ""}`}
                        >
                          <Link
                            href={clientListHref({ ...query, sort: column.sort, dir, page: 1 })}
                            className="hover:underline"
                          >
                            {column.label}
                            {active ? (query.dir === "asc" ? " ↑" : " ↓") : ""}
                          </Link>
                        </th>
                      );
                    })}
                    <th scope="col" className="hidden px-4 py-2.5 font-medium lg:table-cell">
                      Plugin
                    </th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {rows.map((client) => (
                    <tr key={client.id} className="hover:bg-slate-50">
                      <td className="max-w-0 px-4 py-3">
                        <Link
                          href={`/clients/${client.id}` as Route}
                          className="block truncate font-medium text-slate-900 hover:underline"
                        >
                          {client.name}
                        </Link>
                        <span className="block truncate text-slate-500">
                          {client.contactName} · {client.contactEmail}
                        </span>
                      </td>
                      <td className="px-4 py-3 align-top">
                        <StatusBadge status={client.archived ? "ARCHIVED" : client.onboardingStatus} />
                      </td>
                      <td className="hidden px-4 py-3 align-top whitespace-nowrap text-slate-500 md:table-cell">
                        {formatDateTime(client.updatedAt)}
                      </td>
                      <td className="hidden px-4 py-3 align-top lg:table-cell">
                        {client.pluginId ? (
                          <span className="font-mono text-xs text-slate-600">
                            {client.pluginId.slice(0, 8)}…{client.pluginVerifiedAt ? "" : " (not verified)"}
                          </span>
                        ) : (
                          <span className="text-slate-500">none yet</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}

          {pageCount > 1 ? (
            <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
              {page > 1 ? (
                <Link href={clientListHref({ ...query, page: page - 1 })} className={buttonClass("secondary")}>
                  ← Previous
                </Link>
              ) : (
                <span />
              )}
              <span className="text-slate-600">
                Page {page} of {pageCount}
              </span>
              {page < pageCount ? (
                <Link href={clientListHref({ ...query, page: page + 1 })} className={buttonClass("secondary")}>
                  Next →
                </Link>
              ) : (
                <span />
              )}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
