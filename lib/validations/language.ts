import { z } from "zod";
import { LOCALES } from "../i18n/locales";

/** A language chosen in a form: one of ours, or "" for none (the default applies). */
export const optionalLanguageSchema = z
  .union([z.literal(""), z.enum(LOCALES, { error: "Choose one of the languages listed." })])
  .optional()
  .transform((v) => v || null);
