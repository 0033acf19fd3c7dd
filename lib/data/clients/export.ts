import "server-only";
import Papa from "papaparse";
import { Prisma } from "../../generated/prisma/sqlite/client";
import { db } from "../../db";
import type { ClientListQuery } from "../../validations/clients";
import { LIST_SELECT, orderFor, sortField, whereFor } from "./list";

// Each batch is two reads (the clients, then their numbers): fewer, larger batches spend less
// in Prisma's per-query work (about 3 ms a query at 10,000 clients). An IN list is one bound
// parameter per value: 2,000 stays far under SQLite's limit (32,766) and PostgreSQL's (65,535).
const EXPORT_BATCH = 2000;
const EXPORT_COLUMNS = ["name", "contactName", "contactEmail", "clientReferenceId", "pluginId", "pluginVerified", "onboardingStatus", "phoneNumbers", "phoneStatuses", "notes", "createdAt"];

type ExportQuery = Pick<ClientListQuery, "q" | "status" | "sort" | "dir">;

// The list's columns without its last-update time (unless the export is sorted by it, below),
// with those only the file has.
const EXPORT_SELECT = { ...LIST_SELECT, updatedAt: false, notes: true, createdAt: true } as const;

type ExportRow = Prisma.ClientGetPayload<{ select: typeof EXPORT_SELECT }>;

type ExportPhone = { clientId: string; displayPhoneNumber: string; status: string | null };

/**
 * The numbers of the clients' latest snapshots, in ChakraHQ's order (the order they were
 * stored in). One join in SQL: the same read through Prisma's relation loading took 30–50 ms
 * per 500 clients (most of an export's time), this takes 2–5 ms.
 */
function latestPhonesOf(clientIds: string[]): Promise<ExportPhone[]> {
  return db.$queryRaw<ExportPhone[]>`
    SELECT s."clientId", p."displayPhoneNumber", p."status"
    FROM "PluginConfigSnapshot" s JOIN "SnapshotPhoneNumber" p ON p."snapshotId" = s."id"
    WHERE s."isLatest" = true AND s."clientId" IN (${Prisma.join(clientIds)})
    ORDER BY p."id"`;
}

/**
 * The current view as CSV, in pieces of EXPORT_BATCH clients: every matching client (not just
 * one page), with its plugin and numbers. Keyset paging (after the last row's sort value and
 * id) instead of OFFSET: each batch is an index range, not a rescan of all the rows before it.
 */
export async function* clientsCsvChunks(query: ExportQuery, batchSize = EXPORT_BATCH): AsyncGenerator<string> {
  const where = whereFor(query);
  const field = sortField(query.sort);
  const after = (last: Record<string, unknown> & { id: string }): Prisma.ClientWhereInput => ({
    OR: [
      { [field]: { [query.dir === "asc" ? "gt" : "lt"]: last[field] } },
      { [field]: last[field], id: { gt: last.id } },
    ],
  });
  let last: (Record<string, unknown> & { id: string }) | null = null;
  let first = true;
  for (;;) {
    const batch: ExportRow[] = await db.client.findMany({
      where: last ? { AND: [where, after(last)] } : where,
      orderBy: orderFor(query),
      take: batchSize,
      // The columns the file has, and the sort's column for the next batch's start.
      select: { ...EXPORT_SELECT, [field]: true },
    });
    const latest = new Map<string, ExportPhone[]>();
    for (const phone of batch.length ? await latestPhonesOf(batch.map((c) => c.id)) : []) {
      latest.set(phone.clientId, [...(latest.get(phone.clientId) ?? []), phone]);
    }
    const lines = batch.map((c) => {
      const phones = latest.get(c.id) ?? [];
      const line: Record<string, string> = {
        name: c.name,
        contactName: c.contactName,
        contactEmail: c.contactEmail,
        clientReferenceId: c.clientReferenceId,
        pluginId: c.pluginId ?? "",
        pluginVerified: c.pluginId ? (c.pluginVerifiedAt ? "yes" : "no") : "",
        onboardingStatus: c.archived ? "ARCHIVED" : c.onboardingStatus,
        phoneNumbers: phones.map((p) => p.displayPhoneNumber).join("; "),
        phoneStatuses: phones.map((p) => p.status ?? "UNKNOWN").join("; "),
        notes: c.notes,
        createdAt: c.createdAt.toISOString(),
      };
      return EXPORT_COLUMNS.map((column) => line[column] ?? "");
    });
    if (first || lines.length) {
      // escapeFormulae: a cell starting with = + - @ is not run as a formula by spreadsheets.
      const text = Papa.unparse({ fields: EXPORT_COLUMNS, data: lines }, { escapeFormulae: true, header: first });
      yield first ? text : `\r\n${text}`;
    }
    first = false;
    if (batch.length < batchSize) return;
    last = batch.at(-1)! as unknown as Record<string, unknown> & { id: string };
  }
}

/** The current view as one CSV text (see clientsCsvChunks). */
export async function exportClientsCsv(query: ExportQuery, batchSize = EXPORT_BATCH): Promise<string> {
  let csv = "";
  for await (const chunk of clientsCsvChunks(query, batchSize)) csv += chunk;
  return csv;
}
