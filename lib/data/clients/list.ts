import "server-only";
import type { ClientFilter } from "../../clients/status";
import type { Prisma } from "../../generated/prisma/sqlite/client";
import { db } from "../../db";
import type { ClientListQuery } from "../../validations/clients";

export function whereFor({ q, status }: { q: string; status?: ClientFilter }): Prisma.ClientWhereInput {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  return {
    ...(status === "ARCHIVED" ? { archived: true } : { archived: false, ...(status ? { onboardingStatus: status } : {}) }),
    AND: terms.map((term) => ({ searchText: { contains: term } })),
  };
}

export function orderFor({ sort, dir }: Pick<ClientListQuery, "sort" | "dir">): Prisma.ClientOrderByWithRelationInput[] {
  const field = sort === "status" ? "onboardingStatus" : sort;
  return [{ [field]: dir }, { id: "asc" }];
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

/** One page of the clients list: filtered, searched and sorted in the database. */
export async function listClients(query: ClientListQuery, pageSize = PAGE_SIZE) {
  const where = whereFor(query);
  const total = await db.client.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(query.page, pageCount);
  const rows = await db.client.findMany({
    where,
    orderBy: orderFor(query),
    skip: (page - 1) * pageSize,
    take: pageSize,
    select: LIST_SELECT,
  });
  return { rows, total, page, pageCount };
}

/** How many clients there are at all (archived too): zero means a brand-new agency. */
export function countAllClients(): Promise<number> {
  return db.client.count();
}

/** Clients per onboarding stage, archived ones apart; with `q`, only those the search finds. */
export async function countClientsByStatus({ q = "" }: { q?: string } = {}): Promise<Record<ClientFilter, number>> {
  const [groups, archived] = await Promise.all([
    db.client.groupBy({ by: ["onboardingStatus"], where: whereFor({ q }), _count: { _all: true } }),
    db.client.count({ where: whereFor({ q, status: "ARCHIVED" }) }),
  ]);
  const counts = { NOT_INVITED: 0, INVITED: 0, OPENED: 0, CONNECTED: 0, ATTENTION: 0, ARCHIVED: archived };
  for (const g of groups) counts[g.onboardingStatus] = g._count._all;
  return counts;
}
