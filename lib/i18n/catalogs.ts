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

type Translator<N extends keyof Messages> = ReturnType<typeof createTranslator<Messages, N>>;

// Keyed by the catalog object itself: a catalog replaced (the pseudo-locale test) gets translators anew.
const translators = new WeakMap<Messages, Map<string, unknown>>();

/**
 * The translator of one namespace in one language (ICU messages: plurals, selects, dates),
 * made once per process. A translator keeps the messages it parsed and the Intl formatters it
 * built; made per call, every page view parsed each message again and resolved its locale
 * through Intl (~5% of the end client's page's server time under load).
 */
export function translator<N extends keyof Messages>(locale: Locale, namespace: N): Translator<N> {
  const messages = CATALOGS[locale];
  let byNamespace = translators.get(messages);
  if (!byNamespace) translators.set(messages, (byNamespace = new Map()));
  const key = `${locale}/${namespace}`;
  let made = byNamespace.get(key) as Translator<N> | undefined;
  if (!made) byNamespace.set(key, (made = createTranslator({ locale, messages, namespace })));
  return made;
}
