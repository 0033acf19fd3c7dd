import type { Metadata, Route } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/clients/status-badge";
import { InviteAll } from "@/components/links/invite-all";
import { OutcomeNotice } from "@/components/ui/outcome-notice";
import { buttonClass } from "@/components/ui/button-class";
import { Pager } from "@/components/ui/pager";
import { SearchFilters } from "@/components/ui/search-filters";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/guards";
import { hasRole } from "@/lib/auth/roles";
import { clientListHref } from "@/lib/clients/list-url";
import { CLIENT_FILTERS, STATUS_INFO } from "@/lib/clients/status";
import { clientsListPage } from "@/lib/data/clients/list";
import { BULK_INVITE_MAX, countInvitable } from "@/lib/data/onboarding/links";
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
  // "Not invited" in view: how many of them were never sent a link (a copied link counts), for
  // "Email a link to each". Read only there.
  const offerInviteAll = canEdit && query.status === "NOT_INVITED";
  const [{ rows, total, page, pageCount, counts, anyClient }, { invitable, toChoose }] = await Promise.all([
    clientsListPage(query),
    offerInviteAll ? countInvitable() : { invitable: 0, toChoose: 0 },
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

      {!anyClient ? (
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
          <SearchFilters
            action="/clients"
            label="Search clients"
            defaultValue={query.q}
            placeholder="Name, email, reference, plugin id or phone number"
            maxLength={SEARCH_MAX}
            hidden={{
              status: query.status,
              sort: query.sort !== "name" ? query.sort : undefined,
              dir: query.dir !== "asc" ? query.dir : undefined,
            }}
            error={searchError}
            filtersLabel="Filter by status"
            filters={[undefined, ...CLIENT_FILTERS].map((status) => ({
              key: status ?? "all",
              label: status ? STATUS_INFO[status].label : "All active",
              href: clientListHref({ ...query, status, page: 1 }),
              current: query.status === status,
              count: status ? counts[status] : undefined,
            }))}
          />

          {/* The outcome stays said once the button goes with the last client it was for. */}
          {offerInviteAll ? (
            <OutcomeNotice>
              {invitable > 0 ? (
                <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between">
                  <p className="text-sm text-slate-700">
                    {invitable} {invitable === 1 ? "client was" : "clients were"} never sent an onboarding link.
                    {toChoose > 0
                      ? ` ${toChoose} more ${toChoose === 1 ? "has" : "have"} a WhatsApp account on ${toChoose === 1 ? "its" : "their"} plugin: choose each one's link on its page.`
                      : ""}
                  </p>
                  <InviteAll waiting={invitable} batch={BULK_INVITE_MAX} />
                </div>
              ) : null}
            </OutcomeNotice>
          ) : null}

          <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
            <p aria-live="polite">
              {total === 0
                ? "No client matches."
                : `${total} ${total === 1 ? "client" : "clients"}${filtered ? " match" : ""}${pageCount > 1 ? `, page ${page} of ${pageCount}` : ""}.`}
            </p>
            {/* An empty view has nothing to export: no link to a file of headers alone. */}
            {total > 0 ? (
              <a
                href={clientListHref(query, "/clients/export")}
                className="font-medium text-teal-700 underline underline-offset-4"
                download
              >
                Export this view as CSV
              </a>
            ) : null}
          </div>

          {rows.length === 0 ? (
            <div className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-600">
              Nothing here{query.q ? ` for "${query.q}"` : ""}.{" "}
              <Link href="/clients" className="font-medium text-teal-700 underline underline-offset-4">
                Clear the search and filters
              </Link>
            </div>
          ) : (
            <Table>
              <TableHead>
                <TableRow>
                  {COLUMNS.map((column) => {
                    const active = query.sort === column.sort;
                    const dir = active && query.dir === "asc" ? "desc" : "asc";
                    return (
                      <TableHeader
                        key={column.sort}
                        aria-sort={active ? (query.dir === "asc" ? "ascending" : "descending") : undefined}
                        className={`whitespace-nowrap ${column.className ?? ""}`}
                      >
                        <Link
                          href={clientListHref({ ...query, sort: column.sort, dir, page: 1 })}
                          className="hover:underline"
                        >
                          {column.label}
                          {active ? (query.dir === "asc" ? " ↑" : " ↓") : ""}
                        </Link>
                      </TableHeader>
                    );
                  })}
                  <TableHeader className="hidden lg:table-cell">Plugin</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {rows.map((client) => (
                  <TableRow key={client.id} className="hover:bg-slate-50">
                    {/* The name takes the room the other columns leave, and wraps rather than being cut
                        (a cut can fall mid-script in a mixed Arabic/Latin name); dir="auto" sets each
                        line's direction from its own text. */}
                    <TableCell className="w-full [overflow-wrap:anywhere]">
                      <Link
                        href={`/clients/${client.id}` as Route}
                        dir="auto"
                        className="block font-medium text-slate-900 hover:underline"
                      >
                        {client.name}
                      </Link>
                      <span className="block text-slate-500">
                        <span dir="auto">{client.contactName}</span> · {client.contactEmail}
                      </span>
                    </TableCell>
                    <TableCell className="align-top whitespace-nowrap">
                      <StatusBadge status={client.archived ? "ARCHIVED" : client.onboardingStatus} />
                    </TableCell>
                    <TableCell className="hidden align-top whitespace-nowrap text-slate-500 md:table-cell">
                      {formatDateTime(client.updatedAt)}
                    </TableCell>
                    <TableCell className="hidden align-top whitespace-nowrap lg:table-cell">
                      {client.pluginId ? (
                        <span className="font-mono text-xs text-slate-600">
                          {client.pluginId.slice(0, 8)}…{client.pluginVerifiedAt ? "" : " (not verified)"}
                        </span>
                      ) : (
                        <span className="text-slate-500">none yet</span>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}

          <Pager page={page} pageCount={pageCount} hrefFor={(to) => clientListHref({ ...query, page: to })} />
        </>
      )}
    </div>
  );
}
