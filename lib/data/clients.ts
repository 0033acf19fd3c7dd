import "server-only";
import Papa from "papaparse";
import { cache } from "react";
import {
  chakra as defaultChakra,
  isChakraError,
  type ChakraClient,
  type ChakraError,
  type PluginConfig,
} from "../chakra";
import type { ClientFilter } from "../clients/status";
import { Prisma } from "../generated/prisma/sqlite/client";
import { db } from "../db";
import { fieldErrorsOf } from "../validations/errors";
import {
  clientImportRowSchema,
  pluginIdSchema,
  referenceSchema,
  slugify,
  type ClientFormInput,
  type ClientListQuery,
} from "../validations/clients";
import { recordAudit } from "./audit";
import type { Actor } from "./team";

// ---------------------------------------------------------------- search

type Searchable = { name: string; contactName: string; contactEmail: string; clientReferenceId: string; pluginId: string | null };

/** The one lower-cased column the list searches: every field, and phone numbers with and without punctuation. */
export function buildSearchText(client: Searchable, phones: string[] = []): string {
  const digits = phones.map((p) => p.replace(/\D/g, ""));
  return [client.name, client.contactName, client.contactEmail, client.clientReferenceId, client.pluginId ?? "", ...phones, ...digits]
    .join(" ")
    .toLowerCase();
}

function whereFor({ q, status }: { q: string; status?: ClientFilter }): Prisma.ClientWhereInput {
  const terms = q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  return {
    ...(status === "ARCHIVED" ? { archived: true } : { archived: false, ...(status ? { onboardingStatus: status } : {}) }),
    AND: terms.map((term) => ({ searchText: { contains: term } })),
  };
}

function orderFor({ sort, dir }: Pick<ClientListQuery, "sort" | "dir">): Prisma.ClientOrderByWithRelationInput[] {
  const field = sort === "status" ? "onboardingStatus" : sort;
  return [{ [field]: dir }, { id: "asc" }];
}

const LIST_SELECT = {
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

// ---------------------------------------------------------------- one client

/**
 * A client with who created and mapped it, and its latest plugin snapshot's summary.
 * Cached per request: a page and its metadata ask for the same client once.
 */
export const getClient = cache(async (id: string) => {
  return db.client.findUnique({
    where: { id },
    include: {
      createdBy: { select: { email: true } },
      pluginMappedBy: { select: { email: true } },
      snapshots: {
        orderBy: { fetchedAt: "desc" },
        take: 1,
        select: { fetchedAt: true, wabaCount: true, phoneCount: true, connectedPhoneCount: true, needsAttention: true },
      },
    },
  });
});

/** The client's timeline from the audit log, newest first. */
export async function getClientHistory(clientId: string, take = 50) {
  return db.auditLog.findMany({
    where: { clientId },
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, action: true, actorEmail: true, metadata: true, createdAt: true },
  });
}

// ---------------------------------------------------------------- plugin verification

/** `error`: ChakraHQ's own failure, for callers that tell its kinds apart (a 429, a 5xx, a refusal). */
export type PluginCheck =
  | { status: "verified"; config: PluginConfig }
  | { status: "not_found"; message: string; error: ChakraError }
  | { status: "unreachable"; message: string; error: ChakraError };

/** Asks ChakraHQ whether it knows the plugin (and keeps what it answers as a snapshot). */
export async function checkPlugin(pluginId: string, client: ChakraClient = defaultChakra): Promise<PluginCheck> {
  try {
    return { status: "verified", config: await client.getPluginConfig(pluginId) };
  } catch (error) {
    if (!isChakraError(error)) throw error;
    if (error.isPluginNotFound)
      return { status: "not_found", message: `ChakraHQ does not know this plugin: ${error.message}`, error };
    return { status: "unreachable", message: error.message, error };
  }
}

// ---------------------------------------------------------------- saving

export type SaveResult = { ok: true; id: string } | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

/** Which unique field a failed write ran into, if that is why it failed. */
function uniqueViolation(error: unknown): "clientReferenceId" | "pluginId" | null {
  if ((error as { code?: string }).code !== "P2002") return null;
  const text = JSON.stringify((error as { meta?: unknown }).meta ?? {}) + String(error);
  if (text.includes("pluginId")) return "pluginId";
  if (text.includes("clientReferenceId")) return "clientReferenceId";
  return null;
}

/** "Acme Bakery (acme-bakery)": how a message names the client a plugin belongs to. */
function nameOfOwner(owner: { name: string; clientReferenceId: string; archived: boolean }): string {
  return `${owner.name} (${owner.clientReferenceId}${owner.archived ? ", archived" : ""})`;
}

async function duplicateResult(field: "clientReferenceId" | "pluginId", pluginId: string | null): Promise<SaveResult> {
  let message = "Another client already has this reference.";
  if (field === "pluginId") {
    const owner = pluginId
      ? await db.client.findUnique({ where: { pluginId }, select: { name: true, clientReferenceId: true, archived: true } })
      : null;
    message = `This plugin already belongs to ${owner ? nameOfOwner(owner) : "another client"}: one plugin, one client.`;
  }
  return { ok: false, message, fieldErrors: { [field]: [message] } };
}

// The language as stored (the form's schema allows only lib/i18n/locales.ts's).
type SaveInput = Omit<ClientFormInput, "saveUnverified" | "confirmPluginChange" | "language"> & {
  language?: string | null;
};

/** Creates a client, with its plugin mapping if it has one; audited. */
export async function createClient({
  actor,
  input,
  pluginVerified,
}: {
  actor: Actor;
  input: SaveInput;
  pluginVerified: boolean;
}): Promise<SaveResult> {
  const now = new Date();
  try {
    const client = await db.$transaction(async (tx) => {
      const created = await tx.client.create({
        data: {
          ...input,
          searchText: buildSearchText(input),
          createdById: actor.id,
          ...(input.pluginId
            ? { pluginMappedAt: now, pluginMappedById: actor.id, pluginVerifiedAt: pluginVerified ? now : null }
            : {}),
        },
        select: { id: true },
      });
      await recordAudit({ actor, action: "client.created", targetType: "client", targetId: created.id, clientId: created.id, metadata: { name: input.name } }, tx);
      if (input.pluginId) {
        await recordAudit(
          { actor, action: "client.plugin_mapped", targetType: "client", targetId: created.id, clientId: created.id, metadata: { pluginId: input.pluginId, verified: pluginVerified } },
          tx,
        );
      }
      return created;
    });
    return { ok: true, id: client.id };
  } catch (error) {
    const field = uniqueViolation(error);
    if (field) return duplicateResult(field, input.pluginId);
    throw error;
  }
}

/**
 * Changing or removing a client's plugin moves it to another WhatsApp setup, so it needs an
 * explicit confirmation; returns the refusal when it is missing.
 */
export function pluginChangeUnconfirmed(from: string | null, to: string | null, confirmed: boolean): SaveResult | null {
  if (!from || from === to || confirmed) return null;
  const message = to
    ? "Changing the plugin moves this client to another WhatsApp setup: tick the box to confirm."
    : "Removing the plugin detaches this client from its WhatsApp setup in this app: tick the box to confirm.";
  return { ok: false, message, fieldErrors: { confirmPluginChange: [message] } };
}

const EDITABLE = ["name", "contactName", "contactEmail", "clientReferenceId", "notes", "language", "pluginId"] as const;

/**
 * Saves an edited client. A changed or removed plugin needs `confirmPluginChange` and is
 * audited with the old and new plugin. `pluginVerified` matters only when the plugin changed.
 */
export async function updateClient({
  actor,
  id,
  input,
  confirmPluginChange,
  pluginVerified,
}: {
  actor: Actor;
  id: string;
  input: SaveInput;
  confirmPluginChange: boolean;
  pluginVerified: boolean;
}): Promise<SaveResult> {
  const before = await db.client.findUnique({
    where: { id },
    select: {
      name: true,
      contactName: true,
      contactEmail: true,
      clientReferenceId: true,
      notes: true,
      language: true,
      pluginId: true,
      pluginHoldReference: true,
    },
  });
  if (!before) return { ok: false, message: "This client no longer exists." };
  input = { ...input, language: input.language ?? null };
  const pluginChanged = before.pluginId !== input.pluginId;
  const unconfirmed = pluginChangeUnconfirmed(before.pluginId, input.pluginId, confirmPluginChange);
  if (unconfirmed) return unconfirmed;
  const changed = EDITABLE.filter((f) => before[f] !== input[f]);
  if (changed.length === 0) return { ok: true, id };
  const now = new Date();
  try {
    await db.$transaction(async (tx) => {
      const phones = await latestPhoneNumbers(tx, id);
      await tx.client.update({
        where: { id },
        data: {
          ...input,
          searchText: buildSearchText(input, pluginChanged ? [] : phones),
          ...(pluginChanged
            ? {
                pluginMappedAt: input.pluginId ? now : null,
                pluginMappedById: input.pluginId ? actor.id : null,
                pluginVerifiedAt: input.pluginId && pluginVerified ? now : null,
                // Whatever ChakraHQ said of the old plugin says nothing of the new one.
                pluginMissingAt: null,
                // Mapping the plugin ChakraHQ may have created lifts the hold on new ones.
                ...(input.pluginId ? NO_HOLD : {}),
              }
            : {}),
        },
      });
      const fields = changed.filter((f) => f !== "pluginId");
      if (fields.length) {
        await recordAudit({ actor, action: "client.updated", targetType: "client", targetId: id, clientId: id, metadata: { fields } }, tx);
      }
      if (pluginChanged) {
        await recordAudit(
          {
            actor,
            action: input.pluginId ? (before.pluginId ? "client.plugin_changed" : "client.plugin_mapped") : "client.plugin_removed",
            targetType: "client",
            targetId: id,
            clientId: id,
            metadata: {
              from: before.pluginId,
              to: input.pluginId,
              verified: input.pluginId ? pluginVerified : null,
              ...(input.pluginId && before.pluginHoldReference ? { heldReference: before.pluginHoldReference } : {}),
            },
          },
          tx,
        );
      }
    });
    return { ok: true, id };
  } catch (error) {
    const field = uniqueViolation(error);
    if (field) return duplicateResult(field, input.pluginId);
    throw error;
  }
}

async function latestPhoneNumbers(tx: Prisma.TransactionClient, clientId: string): Promise<string[]> {
  const latest = await tx.pluginConfigSnapshot.findFirst({
    where: { clientId, isLatest: true },
    select: { phoneNumbers: { select: { displayPhoneNumber: true } } },
  });
  return latest?.phoneNumbers.map((p) => p.displayPhoneNumber) ?? [];
}

/** Archives or restores a client (never a hard delete); audited. */
export async function setClientArchived({ actor, id, archived }: { actor: Actor; id: string; archived: boolean }): Promise<SaveResult> {
  return db.$transaction(async (tx) => {
    const updated = await tx.client.updateMany({
      where: { id, archived: !archived },
      data: { archived, archivedAt: archived ? new Date() : null },
    });
    if (updated.count === 0) return { ok: false, message: archived ? "This client is already archived." : "This client is not archived." } as const;
    await recordAudit({ actor, action: archived ? "client.archived" : "client.restored", targetType: "client", targetId: id, clientId: id }, tx);
    return { ok: true, id } as const;
  });
}

/** A client's hold on new plugins, lifted (see lib/data/onboarding/mint.ts). */
export const NO_HOLD = {
  pluginHoldAt: null,
  pluginHoldReference: null,
  pluginHoldReason: null,
  pluginHoldNotifiedAt: null,
} as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- import and export

const HEADER_ALIASES: Record<string, keyof ImportValues> = {
  name: "name",
  businessname: "name",
  business: "name",
  contactname: "contactName",
  contact: "contactName",
  contactemail: "contactEmail",
  email: "contactEmail",
  clientreferenceid: "clientReferenceId",
  reference: "clientReferenceId",
  ref: "clientReferenceId",
  notes: "notes",
  pluginid: "pluginId",
  plugin: "pluginId",
};

type ImportValues = { name: string; contactName: string; contactEmail: string; clientReferenceId: string; notes: string; pluginId: string };

/** What ChakraHQ said about a row's plugin: known, or not asked (`message` says why). */
export type ImportPluginCheck = { status: "verified" } | { status: "unverified"; message: string };
export type ImportPreviewRow = { line: number; values: ImportValues; errors: string[]; plugin?: ImportPluginCheck };
export type ImportPreview = {
  rows: ImportPreviewRow[];
  fileErrors: string[];
  validCount: number;
  errorCount: number;
  /** Distinct plugin ids asked about, and how many ChakraHQ could not be asked about. */
  plugins: { checked: number; unverified: number };
};

export const IMPORT_MAX_ROWS = 5000;
/** ChakraHQ's rate limits are unknown: one import asks it about this many plugins at most. */
export const IMPORT_MAX_PLUGIN_CHECKS = 50;
/** Plugins checked at once, as "refresh all" does. */
const IMPORT_CHECK_CONCURRENCY = 3;
/** Rate-limited checks are tried again this often, after the wait ChakraHQ asks for. */
const IMPORT_RATE_LIMIT_RETRIES = 3;

export type ImportCheckOptions = {
  chakra?: ChakraClient;
  /** Longest wait for one Retry-After. */
  maxWaitMs?: number;
  wait?: (ms: number) => Promise<void>;
};

/**
 * Asks ChakraHQ about one imported plugin; a 429 is waited out (Retry-After, or a growing
 * backoff) a few times. Other refusals (401, 403, ...) come back as they are.
 */
async function checkImportedPlugin(
  pluginId: string,
  { chakra = defaultChakra, maxWaitMs = 30_000, wait = (ms) => sleep(ms).then(() => {}) }: ImportCheckOptions,
): Promise<PluginCheck> {
  let check = await checkPlugin(pluginId, chakra);
  for (
    let attempt = 0;
    check.status === "unreachable" && check.error.isRateLimited && attempt < IMPORT_RATE_LIMIT_RETRIES;
    attempt++
  ) {
    await wait(Math.min(maxWaitMs, (check.error.retryAfterSeconds ?? 2 ** attempt) * 1000));
    check = await checkPlugin(pluginId, chakra);
  }
  return check;
}

/** True when ChakraHQ could not be asked at all: no answer, a 5xx, an unreadable answer, or still rate-limited. */
function notAsked(error: ChakraError): boolean {
  return error.status === null || error.status >= 500 || error.isRateLimited || error.kind === "invalid_response";
}

/**
 * Checks each distinct, well-formed plugin id of the rows with ChakraHQ, a few at a time:
 * an unknown plugin (or a refusal) is a row error naming it; a plugin ChakraHQ could not be
 * asked about is marked unverified, with the reason.
 */
async function checkImportedPlugins(rows: ImportPreviewRow[], ids: string[], options: ImportCheckOptions) {
  const results = new Map<string, PluginCheck>();
  const queue = [...ids];
  async function worker() {
    for (let id = queue.shift(); id; id = queue.shift()) results.set(id, await checkImportedPlugin(id, options));
  }
  await Promise.all(Array.from({ length: Math.min(IMPORT_CHECK_CONCURRENCY, ids.length) }, worker));
  for (const row of rows) {
    const id = row.values.pluginId.toLowerCase();
    const check = results.get(id);
    if (!check) continue;
    if (check.status === "verified") row.plugin = { status: "verified" };
    else if (check.status === "not_found") row.errors.push(`Plugin id: ChakraHQ does not know the plugin ${id} (${check.error.message}).`);
    else if (notAsked(check.error)) {
      const reason = check.error.isRateLimited ? `it kept rate-limiting the checks: ${check.error.message}` : check.error.message;
      row.plugin = { status: "unverified", message: reason };
    }
    else row.errors.push(`Plugin id: ChakraHQ refused to check the plugin ${id} (${check.error.message}).`);
  }
  return { checked: results.size, unverified: [...results.values()].filter((c) => c.status === "unreachable" && notAsked(c.error)).length };
}

/** Runs a query per slice of `values` (IN lists stay under the databases' parameter limits). */
async function inBatches<T>(values: string[], query: (batch: string[]) => Promise<T[]>, size = 500): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < values.length; i += size) results.push(...(await query(values.slice(i, i + size))));
  return results;
}

/**
 * Reads a CSV of new clients and reports, per row, what would stop it being imported; every
 * plugin id is checked with ChakraHQ. Writes nothing.
 */
export async function previewImport(csv: string, options: ImportCheckOptions = {}): Promise<ImportPreview> {
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => HEADER_ALIASES[h.toLowerCase().replace(/[^a-z]/g, "")] ?? h,
  });
  const fields = parsed.meta.fields ?? [];
  const fileErrors: string[] = [];
  for (const [column, label] of [["name", "name"], ["contactName", "contact name"], ["contactEmail", "contact email"]] as const) {
    if (!fields.includes(column)) fileErrors.push(`The file has no "${label}" column.`);
  }
  if (parsed.data.length > IMPORT_MAX_ROWS) fileErrors.push(`At most ${IMPORT_MAX_ROWS} clients per import; this file has ${parsed.data.length}.`);
  if (parsed.data.length === 0) fileErrors.push("The file has no rows under its header.");
  if (fileErrors.length) return { rows: [], fileErrors, validCount: 0, errorCount: 0, plugins: { checked: 0, unverified: 0 } };

  const rows: ImportPreviewRow[] = parsed.data.map((record, index) => {
    const values: ImportValues = {
      name: record.name?.trim() ?? "",
      contactName: record.contactName?.trim() ?? "",
      contactEmail: record.contactEmail?.trim() ?? "",
      clientReferenceId: record.clientReferenceId?.trim() || slugify(record.name ?? ""),
      notes: record.notes ?? "",
      pluginId: record.pluginId?.trim() ?? "",
    };
    const check = clientImportRowSchema.safeParse(values);
    const errors = check.success ? [] : Object.entries(fieldErrorsOf(check.error)).map(([field, messages]) => `${LABELS[field] ?? field}: ${messages.join(" ")}`);
    return { line: index + 2, values, errors };
  });

  // Duplicates inside the file, then against the clients already there (one query each).
  const seen = { clientReferenceId: new Map<string, number>(), pluginId: new Map<string, number>() };
  for (const row of rows) {
    for (const field of ["clientReferenceId", "pluginId"] as const) {
      const value = row.values[field].toLowerCase();
      if (!value) continue;
      const first = seen[field].get(value);
      if (first) row.errors.push(`${LABELS[field]}: the same as line ${first}.`);
      else seen[field].set(value, row.line);
    }
  }
  // Only well-formed values are looked up: the rest are refused already, and PostgreSQL
  // would throw on a NUL in a query.
  const lookup = (field: "clientReferenceId" | "pluginId") =>
    [...seen[field].keys()].filter((v) => (field === "pluginId" ? pluginIdSchema : referenceSchema).safeParse(v).success);
  const [references, plugins] = await Promise.all([
    inBatches(lookup("clientReferenceId"), (batch) =>
      db.client.findMany({ where: { clientReferenceId: { in: batch } }, select: { clientReferenceId: true } }),
    ),
    inBatches(lookup("pluginId"), (batch) =>
      db.client.findMany({
        where: { pluginId: { in: batch } },
        select: { pluginId: true, name: true, clientReferenceId: true, archived: true },
      }),
    ),
  ]);
  const takenReferences = new Set(references.map((c) => c.clientReferenceId));
  const takenPlugins = new Map(plugins.map((c) => [c.pluginId, c]));
  for (const row of rows) {
    if (takenReferences.has(row.values.clientReferenceId.toLowerCase())) row.errors.push("Reference: another client already has it.");
    const owner = row.values.pluginId ? takenPlugins.get(row.values.pluginId.toLowerCase()) : undefined;
    if (owner) row.errors.push(`Plugin id: it already belongs to ${nameOfOwner(owner)}.`);
  }
  // Then ChakraHQ, about the plugins no other client has.
  const toCheck = lookup("pluginId").filter((id) => !takenPlugins.has(id));
  if (toCheck.length > IMPORT_MAX_PLUGIN_CHECKS) {
    const message = `ChakraHQ is asked about every plugin id, a few at a time, so one import checks at most ${IMPORT_MAX_PLUGIN_CHECKS} plugins; this file has ${toCheck.length}. Split it into smaller files.`;
    return { rows: [], fileErrors: [message], validCount: 0, errorCount: 0, plugins: { checked: 0, unverified: 0 } };
  }
  const checked = await checkImportedPlugins(rows, toCheck, options);
  const errorCount = rows.filter((r) => r.errors.length).length;
  return { rows, fileErrors, validCount: rows.length - errorCount, errorCount, plugins: checked };
}

const LABELS: Record<string, string> = {
  name: "Business name",
  contactName: "Contact name",
  contactEmail: "Contact email",
  clientReferenceId: "Reference",
  notes: "Notes",
  pluginId: "Plugin id",
};

/**
 * Imports every row of a CSV, or none: the file is checked again first, plugins with ChakraHQ
 * included. A plugin is saved "not verified" only when ChakraHQ could not be asked about it.
 */
export async function importClients({ actor, csv, ...options }: { actor: Actor; csv: string } & ImportCheckOptions) {
  const preview = await previewImport(csv, options);
  if (preview.fileErrors.length || preview.errorCount) return { ok: false as const, preview };
  try {
    const created = await db.$transaction(async (tx) => {
      const now = new Date();
      const rows = preview.rows.map(({ values, plugin }) => {
        const input = clientImportRowSchema.parse(values);
        const mapping = input.pluginId
          ? { pluginMappedAt: now, pluginMappedById: actor.id, pluginVerifiedAt: plugin?.status === "verified" ? now : null }
          : {};
        return { ...input, searchText: buildSearchText(input), createdById: actor.id, ...mapping };
      });
      const clients = await tx.client.createManyAndReturn({
        data: rows,
        select: { id: true, name: true, pluginId: true, pluginVerifiedAt: true },
      });
      await tx.auditLog.createMany({
        data: clients.map((c) => ({
          actorId: actor.id,
          actorEmail: actor.email,
          action: "client.imported",
          targetType: "client",
          targetId: c.id,
          clientId: c.id,
          metadata: c.pluginId ? { name: c.name, pluginId: c.pluginId, verified: Boolean(c.pluginVerifiedAt) } : { name: c.name },
        })),
      });
      return clients.length;
    });
    return { ok: true as const, created };
  } catch (error) {
    // Someone created a clashing client between the check and the write: nothing was imported.
    if (uniqueViolation(error)) return { ok: false as const, preview: await previewImport(csv, options) };
    throw error;
  }
}

// Kept under the bound-parameter limit of the SQLite driver adapter (an IN list is one
// parameter per value).
const EXPORT_BATCH = 500;
const EXPORT_COLUMNS = ["name", "contactName", "contactEmail", "clientReferenceId", "pluginId", "pluginVerified", "onboardingStatus", "phoneNumbers", "phoneStatuses", "notes", "createdAt"];

type ExportQuery = Pick<ClientListQuery, "q" | "status" | "sort" | "dir">;

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
export async function* clientsCsvChunks(query: ExportQuery): AsyncGenerator<string> {
  const where = whereFor(query);
  const field = query.sort === "status" ? "onboardingStatus" : query.sort;
  const after = (last: Record<string, unknown> & { id: string }): Prisma.ClientWhereInput => ({
    OR: [
      { [field]: { [query.dir === "asc" ? "gt" : "lt"]: last[field] } },
      { [field]: last[field], id: { gt: last.id } },
    ],
  });
  let last: (Record<string, unknown> & { id: string }) | null = null;
  let first = true;
  for (;;) {
    const batch: (ClientRow & { notes: string; createdAt: Date })[] = await db.client.findMany({
      where: last ? { AND: [where, after(last)] } : where,
      orderBy: orderFor(query),
      take: EXPORT_BATCH,
      select: { ...LIST_SELECT, notes: true, createdAt: true },
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
    if (batch.length < EXPORT_BATCH) return;
    last = batch.at(-1)! as unknown as Record<string, unknown> & { id: string };
  }
}

/** The current view as one CSV text (see clientsCsvChunks). */
export async function exportClientsCsv(query: ExportQuery): Promise<string> {
  let csv = "";
  for await (const chunk of clientsCsvChunks(query)) csv += chunk;
  return csv;
}
