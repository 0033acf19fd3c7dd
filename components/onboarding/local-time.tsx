"use client";

import { usePageLocale } from "./words";
import { useHydrated } from "@/components/ui/use-hydrated";

/**
 * A date and time in the page's language and the viewer's own time zone. The server does not
 * know that zone: its HTML says the time in UTC (marked so) until the browser takes over.
 */
export function LocalTime({ date }: { date: Date | string }) {
  const locale = usePageLocale();
  const hydrated = useHydrated();
  const value = new Date(date);
  const text = value.toLocaleString(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    ...(hydrated ? {} : { timeZone: "UTC" }),
  });
  return (
    <time dateTime={value.toISOString()} suppressHydrationWarning>
      {hydrated ? text : `${text} UTC`}
    </time>
  );
}
