import type { Metadata } from "next";
import { ConnectPanel } from "@/components/onboarding/connect-panel";
import { HelpForm } from "@/components/onboarding/help-form";
import { LanguageSwitch } from "@/components/onboarding/language-switch";
import { LocalTime } from "@/components/onboarding/local-time";
import { NumberWatch } from "@/components/onboarding/number-watch";
import { RequestLinkButton } from "@/components/onboarding/request-link-button";
import { WordsProvider } from "@/components/onboarding/words";
import { StepList } from "@/components/ui/step-list";
import { OnboardStyle } from "@/app/error";
import { connectionForClient } from "@/lib/data/snapshots";
import { env } from "@/lib/env";
import { translator } from "@/lib/i18n/catalogs";
import { clientMessages } from "@/lib/i18n/compiled";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { agencyOnce, onboardLocale, resolveLinkOnce } from "@/lib/i18n/request";
import type { LinkPurpose } from "@/lib/onboarding/rules";
import { clientNumbers, clientPhoneStatus, TONE_BADGE } from "@/lib/whatsapp/client-meaning";
import { textOn } from "@/lib/brand-color";

export async function generateMetadata({ params }: PageProps<"/onboard/[token]">): Promise<Metadata> {
  const [locale, agency] = await Promise.all([onboardLocale((await params).token), agencyOnce()]);
  // The client's tab names their agency, not this app's English name.
  return {
    title: { absolute: `${translator(locale, "page")("title")} · ${agency.name}` },
    robots: { index: false, follow: false },
  };
}

function steps(locale: Locale, purpose: LinkPurpose) {
  const t = translator(locale, "steps");
  const button = translator(locale, "purpose")(`${purpose}.button`);
  return [
    [t("pressTitle", { button }), t("pressText")],
    [t("loginTitle"), t("loginText")],
    [purpose === "CHANGE_NUMBER" ? t("newNumberTitle") : t("numberTitle"), t("numberText")],
    [t("doneTitle"), t("doneText")],
  ] as const;
}

/** The end client's page: public, reached only through the emailed link, in the client's language. */
export default async function OnboardPage({ params }: PageProps<"/onboard/[token]">) {
  const { token } = await params;
  const [agency, link, locale] = await Promise.all([agencyOnce(), resolveLinkOnce(token), onboardLocale(token)]);
  const status = link.state === "connected" ? await connectionForClient(link.clientId) : null;
  const numbers = status ? clientNumbers(status.config) : [];
  const live = numbers.some((phone) => phone.status === "CONNECTED");
  const t = translator(locale, "page");
  const purpose = translator(locale, "purpose");
  const agencyName = agency.name;

  const title = (name: string) => (
    <div>
      <p className="text-sm font-medium text-slate-500">{t("setupFor")}</p>
      <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">
        <bdi>{name}</bdi>
      </h1>
    </div>
  );
  const lastChecked = (date: Date) => (
    <p className="mt-3 text-xs text-slate-500">{t.rich("lastChecked", { time: () => <LocalTime date={date} /> })}</p>
  );

  return (
    <WordsProvider locale={locale} messages={clientMessages(locale)}>
      <OnboardStyle />
      <div className="min-h-dvh bg-slate-50">
        {/* Text in white, or dark where the agency's colour is too light for white. */}
        <header style={{ backgroundColor: agency.brandColor, color: textOn(agency.brandColor) }}>
          <div className="mx-auto flex max-w-2xl flex-wrap items-center gap-3 px-4 py-4">
            {agency.logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- the agency's own logo, any host
              <img src={agency.logoUrl} alt="" className="h-8 w-auto rounded bg-white/90 p-1" />
            ) : null}
            {/* The name in its own direction, placed at the start of the page's. A long one is cut
                at two lines (the intro below says it whole; screen readers read it whole). */}
            <span className="line-clamp-2 min-w-0 flex-1 font-semibold break-words" title={agencyName}>
              <bdi>{agencyName}</bdi>
            </span>
            <LanguageSwitch locale={locale} path={`/onboard/${token}`}>
              {LOCALES.map((code) => (
                <option key={code} value={code} lang={code}>
                  {LOCALE_NAMES[code]}
                </option>
              ))}
            </LanguageSwitch>
          </div>
        </header>
        <main className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-8">
          {link.state === "active" ? (
            <>
              <div>
                {title(link.clientName)}
                <p className="mt-2 text-slate-700">{purpose(`${link.purpose}.intro`, { agency: agencyName })}</p>
              </div>
              <StepList
                steps={steps(locale, link.purpose)}
                bulletClassName="bg-white shadow-sm ring-1 ring-slate-200"
              />
              <section
                aria-labelledby="connect-heading"
                className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
              >
                <h2 id="connect-heading" className="mb-3 text-lg font-semibold">
                  {purpose(`${link.purpose}.heading`)}
                </h2>
                <ConnectPanel
                  token={token}
                  sdkUrl={env.chakra.sdkUrl}
                  successPattern={env.chakra.sdkSuccessPattern}
                  agencyName={agencyName}
                  buttonLabel={purpose(`${link.purpose}.button`)}
                />
              </section>
              <p className="text-sm text-slate-500">
                {t.rich("validUntil", { time: () => <LocalTime date={link.expiresAt} /> })}
              </p>
              <HelpForm token={token} agencyName={agencyName} />
            </>
          ) : link.state === "connected" && status?.removed ? (
            <>
              {title(link.clientName)}
              <section
                aria-labelledby="status-heading"
                className="rounded-xl border border-amber-200 bg-white p-5 shadow-sm"
              >
                <h2 id="status-heading" className="text-lg font-semibold text-amber-900">
                  {t("removedHeading")}
                </h2>
                <p className="mt-1 text-slate-700">{t("removedText", { agency: agencyName })}</p>
                <div className="mt-4">
                  <RequestLinkButton token={token} agencyName={agencyName} />
                </div>
                {lastChecked(status.fetchedAt)}
              </section>
            </>
          ) : link.state === "connected" ? (
            <>
              {title(link.clientName)}
              <section
                aria-labelledby="status-heading"
                className={`rounded-xl border bg-white p-5 shadow-sm ${live ? "border-emerald-200" : "border-amber-200"}`}
              >
                {/* "Connected" only while ChakraHQ shows a number connected: a finished signup
                    whose number is still being set up, or is down, says so. */}
                <h2
                  id="status-heading"
                  className={`text-lg font-semibold ${live ? "text-emerald-900" : "text-amber-900"}`}
                >
                  {t(live ? "connectedHeading" : "notLiveHeading")}
                </h2>
                {live || numbers.length ? (
                  <p className="mt-1 text-slate-700">
                    {t(live ? "connectedText" : "notLiveText", { agency: agencyName })}
                  </p>
                ) : null}
                {numbers.length ? (
                  <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200">
                    {numbers.map((phone) => {
                      const meaning = clientPhoneStatus(phone.status, agencyName, locale);
                      return (
                        <li
                          key={phone.id}
                          className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between"
                        >
                          <div>
                            <p className="font-medium">
                              {phone.display_phone_number ? (
                                <bdi dir="ltr">{phone.display_phone_number}</bdi>
                              ) : (
                                t("numberPending")
                              )}
                            </p>
                            <p className="text-sm text-slate-600">
                              {phone.verified_name
                                ? t("shownName", { name: phone.verified_name })
                                : t("shownNameUnset")}
                            </p>
                          </div>
                          <p className="text-sm sm:max-w-xs sm:text-end">
                            <span
                              className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE_BADGE[meaning.tone]}`}
                            >
                              {meaning.label}
                            </span>{" "}
                            <span className="text-slate-600">{meaning.meaning}</span>
                          </p>
                        </li>
                      );
                    })}
                  </ul>
                ) : (
                  <p className="mt-3 text-sm text-slate-600">{t("accountAttached")}</p>
                )}
                {status ? lastChecked(status.fetchedAt) : null}
                {live ? null : <NumberWatch token={token} />}
              </section>
            </>
          ) : (
            <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
              <h1 className="text-2xl font-semibold tracking-tight">
                {link.state === "expired"
                  ? t("expiredHeading")
                  : link.state === "revoked"
                    ? t("revokedHeading")
                    : link.state === "replaced"
                      ? t("replacedHeading")
                      : t("unknownHeading")}
              </h1>
              <p className="mt-2 text-slate-700">
                {link.state === "unknown"
                  ? t("unknownText", { agency: agencyName })
                  : link.state === "replaced"
                    ? t("replacedText", { agency: agencyName })
                    : t("staleText", { agency: agencyName })}
              </p>
              {link.state === "unknown" ? null : (
                <div className="mt-5">
                  <RequestLinkButton token={token} agencyName={agencyName} />
                </div>
              )}
            </section>
          )}
        </main>
      </div>
    </WordsProvider>
  );
}
