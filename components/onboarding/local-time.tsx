"use client";

import { usePageLocale } from "./words";
import { useHydrated } from "@/components/ui/use-hydrated";

// One formatter per language and zone for the process (or the tab): toLocaleString built a new
// Intl.DateTimeFormat at every call, ~2% of the server's time on the end client's page.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, utc: boolean): Intl.DateTimeFormat {
  const key = `${locale}|${utc ? "UTC" : ""}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      ...(utc ? { timeZone: "UTC" } : {}),
    });
    formatters.set(key, made);
  }
  return made;
}

/**
 * A date and time in the page's language and the viewer's own time zone. The server does not
 * know that zone: its HTML says the time in UTC (marked so) until the browser takes over.
 */
export function LocalTime({ date }: { date: Date | string }) {
  const locale = usePageLocale();
  const hydrated = useHydrated();
  const value = new Date(date);
  const text = formatter(locale, !hydrated).format(value);
  return (
    <time dateTime={value.toISOString()} suppressHydrationWarning>
      {hydrated ? text : `${text} UTC`}
    </time>
  );
}
