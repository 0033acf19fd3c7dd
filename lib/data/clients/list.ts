import "server-only";
import { CLIENT_FILTERS, type ClientFilter } from "../../clients/status";
import type { Prisma } from "../../generated/prisma/sqlite/client";
import { db } from "../../db";
import type { ClientListQuery } from "../../validations/clients";
import { searchTerm, searchTerms, termStarts } from "./search-text";

/** The search alone: every term (up to 8) in the client's lower-cased search text (searchTerms, termStarts). */
function searchFor(q: string): Prisma.ClientWhereInput[] {
  return searchTerms(q).map((term) => {
    const starts = termStarts(term);
    if (!starts) return { searchText: { contains: searchTerm(term) } };
    return { OR: [{ searchText: { startsWith: term } }, ...starts.map((s) => ({ searchText: { contains: searchTerm(s) } }))] };
  });
}

export function whereFor({ q, status }: { q: string; status?: ClientFilter }): Prisma.ClientWhereInput {
  return {
    ...(status === "ARCHIVED" ? { archived: true } : { archived: false, ...(status ? { onboardingStatus: status } : {}) }),
    AND: searchFor(q),
  };
}

/** The client column a list's sort key orders by. */
export function sortField(sort: ClientListQuery["sort"]) {
  return sort === "status" ? "onboardingStatus" : sort;
}

export function orderFor({ sort, dir }: Pick<ClientListQuery, "sort" | "dir">): Prisma.ClientOrderByWithRelationInput[] {
  return [{ [sortField(sort)]: dir }, { id: "asc" }];
}

export const LIST_SELECT = {
  id: true,
  name: true,
  contactName: true,
  contactEmail: true,
  clientReferenceId: true,
  pluginId: true,
  pluginVerifiedAt: true,
  onboardingStatus: true,
  archived: true,
  updatedAt: true,
} as const;

export type ClientRow = Prisma.ClientGetPayload<{ select: typeof LIST_SELECT }>;

export const PAGE_SIZE = 25;

/** The rows of one page of the view, given how many clients the view has. */
async function pageOf(query: ClientListQuery, total: number, pageSize: number) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db.client.findMany({
    where: whereFor(query),
    orderBy: orderFor(query),
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: LIST_SELECT,
  });
  return { rows, total, page, pageCount };
}

/** One page of the clients list: filtered, searched and sorted in the database. */
export async function listClients(query: ClientListQuery, pageSize = PAGE_SIZE) {
  return pageOf(query, await db.client.count({ where: whereFor(query) }), pageSize);
}

/**
 * What the clients page shows: one page of the view, the count per stage (with the search),
 * and whether there is any client at all (none: a brand-new agency, welcomed apart). The view's
 * total is one of the stage counts (or their sum), so the clients are counted once, not again
 * for the total; and a search that finds someone proves there are clients without asking again.
 */
export async function clientsListPage(query: ClientListQuery, pageSize = PAGE_SIZE) {
  const counts = await countClientsByStatus({ q: query.q });
  const active = CLIENT_FILTERS.reduce((sum, status) => (status === "ARCHIVED" ? sum : sum + counts[status]), 0);
  const total = query.status ? counts[query.status] : active;
  const [view, anyClient] = await Promise.all([
    pageOf(query, total, pageSize),
    active + counts.ARCHIVED > 0 ? true : hasAnyClient(),
  ]);
  return { ...view, counts, anyClient };
}

/** Whether there is any client at all (archived too): none means a brand-new agency. */
async function hasAnyClient(): Promise<boolean> {
  return (await db.client.findFirst({ select: { id: true } })) !== null;
}

/**
 * Clients per onboarding stage, archived ones apart; with `q`, only those the search finds.
 * One read of an index that holds the search text (see prisma/schema.prisma), not of the table.
 */
export async function countClientsByStatus({ q = "" }: { q?: string } = {}): Promise<Record<ClientFilter, number>> {
  const groups = await db.client.groupBy({
    by: ["archived", "onboardingStatus"],
    where: { AND: searchFor(q) },
    _count: { _all: true },
  });
  const counts = { NOT_INVITED: 0, INVITED: 0, OPENED: 0, CONNECTED: 0, ATTENTION: 0, ARCHIVED: 0 };
  for (const g of groups) {
    if (g.archived) counts.ARCHIVED += g._count._all;
    else counts[g.onboardingStatus] = g._count._all;
  }
  return counts;
}
