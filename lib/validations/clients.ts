import { z } from "zod";
import { CLIENT_FILTERS } from "../clients/status";
import { LOCALES } from "../i18n/locales";
import { emailSchema } from "./auth";
import { optionalLanguageSchema } from "./language";
import { checkboxSchema, idSchema, stripControlCharacters, userText } from "./text";

/**
 * A URL-safe reference proposed from a business name: "Café Zoë & Co" → "cafe-zoe-co". At most
 * 60 characters, cut between words (a single word longer than that is cut where it must be).
 */
export function slugify(name: string): string {
  const full = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  let slug = full.slice(0, 60);
  if (full.length > 60 && full[60] !== "-" && slug.includes("-")) slug = slug.slice(0, slug.lastIndexOf("-"));
  slug = slug.replace(/-+$/, "");
  if (slug.length >= 2) return slug;
  // A name in another script ("مطعم الشام", "शर्मा स्टोर") has no letters to keep: "client-" and
  // a hash of the name, the same each time, so a CSV's check and its import agree.
  return /[\p{L}\p{N}]/u.test(name) ? `client-${nameHash(name.trim().normalize("NFC").toLowerCase())}` : "";
}

/** FNV-1a (32 bits) in base 36: a short, stable stand-in for a name, not a secret. */
function nameHash(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash.toString(36).padStart(7, "0");
}

export const referenceSchema = z
  .string({ error: "Enter a reference." })
  .trim()
  .toLowerCase()
  .min(2, "At least 2 characters.")
  .max(64, "At most 64 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens, like acme-bakery.");

export const pluginIdSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.guid("A ChakraHQ plugin id looks like d83e1d23-50b8-4d87-8f92-842a0ac516f6."));

const text = (label: string, max = 200) =>
  userText({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `At most ${max} characters.`);

const notesSchema = userText().max(5000, "At most 5,000 characters.").optional().default("");

/** The client form (create and edit). */
export const clientFormSchema = z.object({
  name: text("business name"),
  contactName: text("contact's name"),
  contactEmail: emailSchema,
  clientReferenceId: referenceSchema,
  notes: notesSchema,
  /** The language of the client's onboarding page and emails; null: the agency's default. */
  language: optionalLanguageSchema,
  pluginId: z
    .union([z.literal(""), pluginIdSchema])
    .optional()
    .transform((v) => v || null),
  /** Save even though ChakraHQ could not be asked about the plugin. */
  saveUnverified: checkboxSchema,
  /** The admin confirmed changing or removing the plugin of an existing client. */
  confirmPluginChange: checkboxSchema,
});
export type ClientFormInput = z.output<typeof clientFormSchema>;

export const clientUpdateSchema = clientFormSchema.extend({ id: idSchema });
export const clientIdSchema = z.object({ id: idSchema });

/** Releasing the hold on new plugins: the reference the admin saw, and the box they ticked. */
export const releasePluginHoldSchema = z.object({ id: idSchema, reference: referenceSchema, confirm: checkboxSchema });

/** One row of an imported CSV file. */
export const clientImportRowSchema = z.object({
  name: text("business name"),
  contactName: text("contact's name"),
  contactEmail: emailSchema,
  clientReferenceId: referenceSchema,
  notes: notesSchema,
  pluginId: z
    .union([z.literal(""), pluginIdSchema])
    .optional()
    .transform((v) => v || null),
  /** Empty: the agency's default. */
  language: z
    .string()
    .refine((v) => v === "" || (LOCALES as readonly string[]).includes(v), {
      error: `Use one of ${LOCALES.join(", ")}, or leave it empty for the agency's default.`,
    })
    .optional()
    .transform((v) => (v ? (v as (typeof LOCALES)[number]) : null)),
});

/** The largest CSV one import takes, in bytes as the form sends it (next.config.ts allows a little more). */
export const IMPORT_MAX_BYTES = 2_000_000;

const megabytes = (bytes: number) => `${(bytes / 1_000_000).toFixed(1).replace(/\.0$/, "")} MB`;

/** The size of CSV text in a form submission: UTF-8, with line breaks as CRLF (browsers send them so). */
export function csvSubmissionBytes(text: string): number {
  return new TextEncoder().encode(text.replace(/\r\n|\r|\n/g, "\r\n")).length;
}

/** Why CSV text of `bytes` cannot be imported at once, or null when it can. */
export function importSizeError(bytes: number): string | null {
  return bytes > IMPORT_MAX_BYTES
    ? `This file is ${megabytes(bytes)}: at most ${megabytes(IMPORT_MAX_BYTES)} can be imported at once. Split it into smaller files.`
    : null;
}

export const importSchema = z.object({
  csv: z
    .string({ error: "Choose a CSV file or paste its contents." })
    .min(1, "Choose a CSV file or paste its contents.")
    .superRefine((csv, ctx) => {
      // Characters never outnumber UTF-8 bytes: a cheap bound before encoding.
      const bytes = csv.length > IMPORT_MAX_BYTES ? csv.length : new TextEncoder().encode(csv).length;
      const error = importSizeError(bytes);
      if (error) ctx.addIssue({ code: "custom", message: error });
    }),
});

export const SORTS = ["name", "createdAt", "updatedAt", "status"] as const;

export const SEARCH_MAX = 200;

/** The clients list's URL: every view can be shared as a link. */
export const clientListQuerySchema = z.object({
  // A repeated ?q= counts once; invisible control characters are dropped (PostgreSQL refuses NUL).
  q: z.preprocess(
    (v) => (Array.isArray(v) ? v[0] : v),
    z
      .string()
      .transform(stripControlCharacters)
      .pipe(z.string().trim().max(SEARCH_MAX, `Search at most ${SEARCH_MAX} characters.`))
      .optional()
      .default(""),
  ),
  status: z.enum(CLIENT_FILTERS).optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).optional().catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(1).default(1),
});
export type ClientListQuery = z.output<typeof clientListQuerySchema>;

/**
 * The list's view from the address. A search it cannot run (too long) is dropped with a
 * message to show, so the page and the export never fail on what someone typed in the URL.
 */
export function parseClientListQuery(params: Record<string, string | string[] | undefined>): {
  query: ClientListQuery;
  error?: string;
} {
  const parsed = clientListQuerySchema.safeParse(params);
  if (parsed.success) return { query: parsed.data };
  const error = parsed.error.issues[0]?.message ?? "This search cannot be run.";
  return { query: clientListQuerySchema.parse({ ...params, q: undefined }), error };
}
