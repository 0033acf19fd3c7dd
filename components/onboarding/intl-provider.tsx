"use client";

import { NextIntlClientProvider, type AbstractIntlMessages } from "next-intl";
import type { Locale } from "@/lib/i18n/locales";

/**
 * next-intl's provider for the end client's components, given the language and only the
 * messages they use. A client module, so the server page passes plain props and the app needs
 * no request-wide i18n configuration (only this page is translated).
 */
export function IntlProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: AbstractIntlMessages;
  children: React.ReactNode;
}) {
  // Times are formatted in the viewer's own zone by LocalTime, never with a default zone.
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
