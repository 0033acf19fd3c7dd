"use client";

import { useWords } from "./words";
import { useRouter } from "next/navigation";
import { useTransition, type ReactNode } from "react";
import { LANGUAGE_COOKIE } from "@/lib/i18n/language-cookie";
import type { Locale } from "@/lib/i18n/locales";

/**
 * The end client's choice of language, kept for this link: a cookie scoped to the link's
 * address (a year), read by the server on every view of it. Its <option>s come from the server
 * (the page): the languages' names are not in the browser's bundle.
 */
export function LanguageSwitch({ locale, path, children }: { locale: Locale; path: string; children: ReactNode }) {
  const t = useWords("language");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  // Dark on white whatever the agency's colour behind it: white text on a tint of the brand
  // colour fell below 4.5:1 (axe).
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only sm:not-sr-only">{t("label")}</span>
      <select
        value={locale}
        disabled={pending}
        onChange={(event) => {
          const next = event.target.value;
          const secure = window.location.protocol === "https:" ? "; secure" : "";
          document.cookie = `${LANGUAGE_COOKIE}=${encodeURIComponent(next)}; path=${path}; max-age=31536000; samesite=lax${secure}`;
          startTransition(() => router.refresh());
        }}
        className="rounded-md border border-white/60 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-current"
      >
        {children}
      </select>
    </label>
  );
}
