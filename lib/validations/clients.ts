import { z } from "zod";
import { CLIENT_FILTERS } from "../clients/status";
import { emailSchema } from "./auth";

/** A URL-safe reference proposed from a business name: "Café Zoë & Co" → "cafe-zoe-co". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug.length >= 2 ? slug : "";
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

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

const text = (label: string, max = 200) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .min(1, `Enter the ${label}.`)
    .max(max, `At most ${max} characters.`);

/** The client form (create and edit). */
export const clientFormSchema = z.object({
  name: text("business name"),
  contactName: text("contact's name"),
  contactEmail: emailSchema,
  clientReferenceId: referenceSchema,
  notes: z.string().max(5000, "At most 5,000 characters.").optional().default(""),
  pluginId: z
    .union([z.literal(""), pluginIdSchema])
    .optional()
    .transform((v) => v || null),
  /** Save even though ChakraHQ could not be asked about the plugin. */
  saveUnverified: checkbox,
  /** The admin confirmed changing or removing the plugin of an existing client. */
  confirmPluginChange: checkbox,
});
export type ClientFormInput = z.output<typeof clientFormSchema>;

export const clientUpdateSchema = clientFormSchema.extend({ id: z.string().min(1) });
export const clientIdSchema = z.object({ id: z.string().min(1) });

/** One row of an imported CSV file. */
export const clientImportRowSchema = z.object({
  name: text("business name"),
  contactName: text("contact's name"),
  contactEmail: emailSchema,
  clientReferenceId: referenceSchema,
  notes: z.string().max(5000).optional().default(""),
  pluginId: z
    .union([z.literal(""), pluginIdSchema])
    .optional()
    .transform((v) => v || null),
});

export const importSchema = z.object({
  csv: z.string().min(1, "Choose a CSV file or paste its contents.").max(5_000_000),
});

export const SORTS = ["name", "createdAt", "updatedAt", "status"] as const;

/** The clients list's URL: every view can be shared as a link. */
export const clientListQuerySchema = z.object({
  q: z.string().trim().max(200).optional().default(""),
  status: z.enum(CLIENT_FILTERS).optional().catch(undefined),
  sort: z.enum(SORTS).optional().catch("name").default("name"),
  dir: z.enum(["asc", "desc"]).optional().catch("asc").default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(1).default(1),
});
export type ClientListQuery = z.output<typeof clientListQuerySchema>;
