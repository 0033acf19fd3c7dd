import "server-only";
import Papa from "papaparse";
import { chakra as defaultChakra, type ChakraClient, type ChakraError } from "../../chakra";
import { db } from "../../db";
import { fieldErrorsOf } from "../../validations/errors";
import { LOCALES } from "../../i18n/locales";
import { clientImportRowSchema, pluginIdSchema, referenceSchema, slugify } from "../../validations/clients";
import type { Actor } from "../team";
import { fail, type Failure } from "../../result";
import { checkPlugin, type PluginCheck } from "./plugin-check";
import { nameOfOwner, uniqueViolation } from "./records";
import { buildSearchText } from "./search-text";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
  language: "language",
  lang: "language",
  locale: "language",
};

type ImportValues = { name: string; contactName: string; contactEmail: string; clientReferenceId: string; notes: string; pluginId: string; language: string };

/** A language column's value as our code ("pt-br" → "pt-BR"); anything else stays as written, and is refused. */
const languageCode = (value: string) => LOCALES.find((code) => code.toLowerCase() === value.toLowerCase()) ?? value;

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
  // An image, a spreadsheet (.xlsx is a zip) or another binary file read as text.
  if (/[\u0000\uFFFD]/.test(csv)) {
    const message = "This is not a CSV file: it holds binary data. In your spreadsheet, save or export the sheet as CSV, then choose that file.";
    return { rows: [], fileErrors: [message], validCount: 0, errorCount: 0, plugins: { checked: 0, unverified: 0 } };
  }
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
      language: languageCode(record.language?.trim() ?? ""),
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
  language: "Language",
};

/** How many clients were imported; a failed import carries the file's new preview. */
export type ImportResult = { ok: true; created: number } | (Failure & { preview: ImportPreview });

/** The file does not check out at import time (the file, or the clients, changed since its preview). */
const noLongerChecksOut = (preview: ImportPreview): Failure & { preview: ImportPreview } => ({
  ...fail("The file no longer checks out (see below). Nothing was imported."),
  preview,
});

/**
 * Imports every row of a CSV, or none: the file is checked again first, plugins with ChakraHQ
 * included. A plugin is saved "not verified" only when ChakraHQ could not be asked about it.
 */
export async function importClients({
  actor,
  csv,
  ...options
}: { actor: Actor; csv: string } & ImportCheckOptions): Promise<ImportResult> {
  const preview = await previewImport(csv, options);
  if (preview.fileErrors.length || preview.errorCount) return noLongerChecksOut(preview);
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
    return { ok: true, created };
  } catch (error) {
    // Someone created a clashing client between the check and the write: nothing was imported.
    if (uniqueViolation(error)) return noLongerChecksOut(await previewImport(csv, options));
    throw error;
  }
}

