import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { CATALOGS } from "@/lib/i18n/catalogs";
import { isLocale, LOCALE_NAMES, LOCALES, localeDirection } from "@/lib/i18n/locales";
import { localeFromAcceptLanguage } from "@/lib/i18n/negotiate";
import { pseudoMessage } from "../support/pseudo-locale";

/* Every language's catalog holds every message of the English one, translated, with the same placeholders. */

type Tree = { [key: string]: string | Tree };
const flatten = (tree: Tree, prefix = ""): [string, string][] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [[`${prefix}${key}`, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  );
const english = new Map(flatten(CATALOGS.en));
/** The argument names ({agency}, {minutes, plural, …}) and tags (<ltr>) of a message. */
const placeholders = (message: string) =>
  [...new Set([...message.matchAll(/\{\s*(\w+)\s*[,}]|<(\w+)>/g)].map((m) => m[1] ?? `<${m[2]}>`))].sort();
const PRODUCT_NAMES = ["WhatsApp", "Meta", "Facebook", "ChakraHQ"];

describe("the catalogs", () => {
  it("exist for every language, with its own name", () => {
    expect(Object.keys(CATALOGS).sort()).toEqual([...LOCALES].sort());
    for (const locale of LOCALES) expect(LOCALE_NAMES[locale].length).toBeGreaterThan(1);
    expect(localeDirection("ar")).toBe("rtl");
    expect(LOCALES.filter((l) => localeDirection(l) === "rtl")).toEqual(["ar"]);
  });

  for (const locale of LOCALES.filter((l) => l !== "en")) {
    describe(locale, () => {
      const messages = new Map(flatten(CATALOGS[locale]));

      it("has every English message and no other", () => {
        expect([...messages.keys()].sort()).toEqual([...english.keys()].sort());
      });

      it("translates every message, keeps the placeholders and the product names", () => {
        for (const [key, source] of english) {
          const translated = messages.get(key) ?? "";
          expect(translated, key).not.toBe(source);
          expect(translated.trim(), key).not.toBe("");
          expect(placeholders(translated), key).toEqual(placeholders(source));
          for (const name of PRODUCT_NAMES)
            if (source.includes(name)) expect(translated, `${key} keeps ${name}`).toContain(name);
        }
      });
    });
  }

  it("formats every message in every language, plurals included", () => {
    const values = {
      agency: "Acme",
      client: "Bakery",
      name: "Ana",
      status: "X",
      button: "B",
      date: "1",
      numbers: "+1",
      detail: "D",
    };
    for (const locale of LOCALES) {
      const t = createTranslator({
        locale,
        messages: CATALOGS[locale],
        onError: (error) => {
          throw error;
        },
      });
      for (const key of english.keys()) {
        const format = t.rich as (key: string, values: Record<string, unknown>) => unknown;
        for (const minutes of [1, 2, 5, 11, 100])
          expect(
            () => format(key, { ...values, minutes, time: () => "T", ltr: (c: unknown) => c, src: (c: unknown) => c }),
            key,
          ).not.toThrow();
      }
    }
    const wait = (locale: "en" | "ar" | "hi", minutes: number) =>
      createTranslator({ locale, messages: CATALOGS[locale], namespace: "refusal" })("rate_limited", {
        agency: "A",
        minutes,
      });
    expect(wait("en", 1)).toContain("wait 1 minute and");
    expect(wait("en", 12)).toContain("wait 12 minutes and");
    expect(wait("ar", 2)).toContain("دقيقتين");
    expect(wait("ar", 1)).toContain("دقيقة واحدة");
  });
});

describe("the pseudo-locale", () => {
  it("swaps the text's letters and leaves ICU syntax alone", () => {
    expect(pseudoMessage("Ask {agency} for a new link.")).toBe("Åšķ {agency} ƒöŕ å ñéŵ łíñķ.");
    expect(pseudoMessage("Wait {minutes, plural, one {# minute} other {# minutes}}.")).toBe(
      "Ŵåíŧ {minutes, plural, one {# ɱíñüŧé} other {# ɱíñüŧéš}}.",
    );
    expect(pseudoMessage("Connected: <ltr>{numbers}</ltr>")).toBe("Çöññéçŧéđ: <ltr>{numbers}</ltr>");
  });
});

describe("the browser's language", () => {
  it("picks the best of ours from Accept-Language, English when none fits", () => {
    expect(localeFromAcceptLanguage("es-MX,es;q=0.9,en;q=0.8")).toBe("es");
    expect(localeFromAcceptLanguage("pt-BR,pt;q=0.9")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("pt")).toBe("pt-BR");
    expect(localeFromAcceptLanguage("hi-IN")).toBe("hi");
    expect(localeFromAcceptLanguage("ar-EG,ar;q=0.9")).toBe("ar");
    expect(localeFromAcceptLanguage("id-ID,id;q=0.9,en-US;q=0.8")).toBe("id");
    expect(localeFromAcceptLanguage("de-DE,fr;q=0.5,hi;q=0.3")).toBe("hi");
    expect(localeFromAcceptLanguage("de-DE")).toBe("en");
    expect(localeFromAcceptLanguage("")).toBe("en");
    expect(localeFromAcceptLanguage(null)).toBe("en");
    expect(localeFromAcceptLanguage("*;q=0.5,@@@")).toBe("en");
    expect(isLocale("fr")).toBe(false);
  });
});
