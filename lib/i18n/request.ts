import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getAgencyForClients } from "../data/agency";
import { resolveLink } from "../data/onboarding/signup";
import { isLocale, LANGUAGE_COOKIE, localeDirection, ONBOARD_TOKEN_HEADER, type Locale } from "./locales";
import { localeFromAcceptLanguage } from "./negotiate";

/** The link behind an onboarding address, read once per request (the layout and the page both ask). */
export const resolveLinkOnce = cache((token: string) => resolveLink(token));

/** The agency's branding and default language, read once per request (the metadata, the layout and the page ask). */
export const agencyOnce = cache(getAgencyForClients);

/**
 * The language an onboarding page is shown in: the end client's own choice on this link (a
 * cookie scoped to its address), else the client's language set by the admin, else the
 * agency's default, else the browser's Accept-Language.
 */
export const onboardLocale = cache(async (token: string): Promise<Locale> => {
  const [link, agency, cookieStore, headerStore] = await Promise.all([
    resolveLinkOnce(token),
    agencyOnce(),
    cookies(),
    headers(),
  ]);
  const chosen = cookieStore.get(LANGUAGE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  const clientLanguage = link.state === "unknown" ? null : link.language;
  if (isLocale(clientLanguage)) return clientLanguage;
  if (isLocale(agency.defaultLanguage)) return agency.defaultLanguage;
  return localeFromAcceptLanguage(headerStore.get("accept-language"));
});

/** The document's language and direction: the onboarding page's language there, English elsewhere. */
export async function documentLanguage(): Promise<{ lang: Locale; dir: "ltr" | "rtl" }> {
  const token = (await headers()).get(ONBOARD_TOKEN_HEADER);
  const lang = token ? await onboardLocale(token) : "en";
  return { lang, dir: localeDirection(lang) };
}
