import compile from "icu-minify/compile";
import type { CompiledMessage } from "icu-minify/format";
import { CATALOGS, type Messages } from "./catalogs";
import type { Locale } from "./locales";

/*
 * The end client's browser gets its messages precompiled (icu-minify, the compiler of
 * next-intl's own precompile option): it formats them with icu-minify's small formatter
 * (components/onboarding/words.tsx) instead of shipping an ICU parser.
 */

/** The namespaces the end client's client components use. */
export const CLIENT_NAMESPACES = ["language", "connect", "requestLink", "refusal", "help"] as const;
export type ClientNamespace = (typeof CLIENT_NAMESPACES)[number];

/** A namespace's messages, compiled. */
export type CompiledNamespace<N extends keyof Messages> = Record<keyof Messages[N], CompiledMessage>;
export type ClientMessages = { [N in ClientNamespace]: CompiledNamespace<N> };

// Keyed by the catalog's own namespace object: a catalog replaced (the pseudo-locale test) is compiled anew.
const compiled = new WeakMap<object, Record<string, CompiledMessage>>();

function compileNamespace(messages: Record<string, string>): Record<string, CompiledMessage> {
  let result = compiled.get(messages);
  if (!result) {
    // Through JSON: the compiler's plural and select options are null-prototype objects, which
    // React does not pass to client components.
    result = JSON.parse(
      JSON.stringify(Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, compile(message)]))),
    ) as Record<string, CompiledMessage>;
    compiled.set(messages, result);
  }
  return result;
}

/** The messages of the page's client components, in the language shown (and no other), compiled once per process. */
export function clientMessages(locale: Locale): ClientMessages {
  const catalog = CATALOGS[locale];
  return Object.fromEntries(
    CLIENT_NAMESPACES.map((namespace) => [namespace, compileNamespace(catalog[namespace])]),
  ) as ClientMessages;
}
