"use client";

import format, { type FormatOptions, type FormatValues } from "icu-minify/format";
import { createContext, createElement, Fragment, use, type ReactNode } from "react";
import type { Messages } from "@/lib/i18n/catalogs";
import type { ClientMessages, ClientNamespace } from "@/lib/i18n/compiled";
import type { Locale } from "@/lib/i18n/locales";

/*
 * The end client's words in the browser: the page's messages, precompiled on the server
 * (lib/i18n/compiled.ts), formatted by icu-minify's formatter. next-intl's client provider
 * would ship an ICU parser (about 12 kB gzip) for the few messages these components show.
 */

const WordsContext = createContext<{ locale: Locale; messages: ClientMessages } | null>(null);

/** Gives the components below the page's language and its client messages. */
export function WordsProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: ClientMessages;
  children: ReactNode;
}) {
  return <WordsContext value={{ locale, messages }}>{children}</WordsContext>;
}

function useWordsContext() {
  const context = use(WordsContext);
  if (!context) throw new Error("WordsProvider is missing above this component.");
  return context;
}

/** The page's language. */
export function usePageLocale(): Locale {
  return useWordsContext().locale;
}

const OPTIONS: FormatOptions = {
  formatters: {
    getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
    getNumberFormat: (...args) => new Intl.NumberFormat(...args),
    getPluralRules: (...args) => new Intl.PluralRules(...args),
  },
  // Times are formatted in the viewer's own zone by LocalTime, never through a message.
  timeZone: "UTC",
};

/** A translator of one namespace: `t(key, values)` gives text; `t.rich` also takes tags (`<ltr>…</ltr>`). */
export function useWords<N extends ClientNamespace>(namespace: N) {
  const { locale, messages } = useWordsContext();
  type Key = keyof Messages[N] & string;
  const run = (key: Key, values?: FormatValues<ReactNode>) => {
    const message = (messages[namespace] as Record<string, Parameters<typeof format>[0]>)[key];
    if (message === undefined) {
      // As next-intl does: said on the console (the i18n tests watch it), the key shown.
      console.error(`Missing message: ${namespace}.${key} (${locale})`);
      return `${namespace}.${key}`;
    }
    return format<ReactNode>(message, locale, values, OPTIONS);
  };
  const rich = (key: Key, values: FormatValues<ReactNode>): ReactNode => {
    const result = run(key, values);
    return Array.isArray(result) ? createElement(Fragment, null, ...result) : result;
  };
  return Object.assign(
    (key: Key, values?: Record<string, string | number>): string => {
      const result = run(key, values);
      return Array.isArray(result) ? result.join("") : String(result);
    },
    { rich },
  );
}
