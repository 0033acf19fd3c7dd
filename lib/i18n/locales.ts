/*
 * The languages the end client's side speaks (the admin UI stays English). Each has a catalog
 * in messages/<locale>.json; README "Adding a language" says how to add one.
 */

export const LOCALES = ["en", "hi", "es", "pt-BR", "id", "ar"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language's name in its own words, as the language switch lists it. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  hi: "हिन्दी",
  es: "Español",
  "pt-BR": "Português (Brasil)",
  id: "Bahasa Indonesia",
  ar: "العربية",
};

/** Languages written right to left. */
const RTL = new Set<Locale>(["ar"]);

export const isLocale = (value: unknown): value is Locale =>
  typeof value === "string" && (LOCALES as readonly string[]).includes(value);

export const localeDirection = (locale: Locale): "ltr" | "rtl" => (RTL.has(locale) ? "rtl" : "ltr");

// In its own module: the end client's language switch needs only this name in the browser.
export { LANGUAGE_COOKIE } from "./language-cookie";

/** Header set by proxy.ts on onboarding addresses: the root layout's `lang` and `dir` follow the page. */
export const ONBOARD_TOKEN_HEADER = "x-onboard-token";
