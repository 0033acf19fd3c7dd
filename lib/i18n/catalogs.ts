// use-intl/core (what next-intl re-exports) has no React: `npm run worker` renders emails too.
import { createTranslator } from "use-intl/core";
import ar from "../../messages/ar.json";
import en from "../../messages/en.json";
import es from "../../messages/es.json";
import hi from "../../messages/hi.json";
import id from "../../messages/id.json";
import ptBR from "../../messages/pt-BR.json";
import type { Locale } from "./locales";

/*
 * Every catalog, for the server (pages, emails): the browser gets only the namespaces its
 * client components use, in the language shown, precompiled (lib/i18n/compiled.ts).
 */

export type Messages = typeof en;

export const CATALOGS: Record<Locale, Messages> = { en, hi, es, "pt-BR": ptBR, id, ar };

/** The translator of one namespace in one language (ICU messages: plurals, selects, dates). */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: CATALOGS[locale], namespace });
}
