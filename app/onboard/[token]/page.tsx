import type { Metadata } from "next";
import { ConnectPanel } from "@/components/onboarding/connect-panel";
import { RequestLinkButton } from "@/components/onboarding/request-link-button";
import { StepList } from "@/components/ui/step-list";
import { getAgencyBranding } from "@/lib/data/agency";
import { resolveLink } from "@/lib/data/onboarding/signup";
import { connectionForClient } from "@/lib/data/snapshots";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { PURPOSE_WORDS } from "@/lib/onboarding/messages";
import { clientPhoneStatus, TONE_BADGE } from "@/lib/whatsapp/client-meaning";

export const metadata: Metadata = { title: "Connect WhatsApp", robots: { index: false, follow: false } };

function steps(button: string, changeNumber: boolean) {
  return [
    [`Press “${button}”`, "A window from Meta opens. Allow pop-ups if your browser asks."],
    ["Log in with Facebook", "Use the account that manages your business, or create a business portfolio on the way."],
    [
      changeNumber ? "Choose your new phone number" : "Choose your phone number",
      "It must be able to receive a code by text message or call.",
    ],
    ["Done", "This page then shows your connected number. About five minutes in all."],
  ] as const;
}

/** The end client's page: public, reached only through the emailed link. */
export default async function OnboardPage({ params }: PageProps<"/onboard/[token]">) {
  const { token } = await params;
  const [agency, link] = await Promise.all([getAgencyBranding(), resolveLink(token)]);
  const status = link.state === "connected" ? await connectionForClient(link.clientId) : null;
  const words = link.state === "active" ? PURPOSE_WORDS[link.purpose] : null;

  return (
    <div className="min-h-dvh bg-slate-50">
      <header style={{ backgroundColor: agency.brandColor }} className="text-white">
        <div className="mx-auto flex max-w-2xl items-center gap-3 px-4 py-4">
          {agency.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- the agency's own logo, any host
            <img src={agency.logoUrl} alt="" className="h-8 w-auto rounded bg-white/90 p-1" />
          ) : null}
          <span className="font-semibold">{agency.name}</span>
        </div>
      </header>
      <main className="mx-auto flex max-w-2xl flex-col gap-6 px-4 py-8">
        {link.state === "active" && words ? (
          <>
            <div>
              <p className="text-sm font-medium text-slate-500">WhatsApp setup for</p>
              <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{link.clientName}</h1>
              <p className="mt-2 text-slate-700">{words.intro(agency.name)}</p>
            </div>
            <StepList
              steps={steps(words.button, link.purpose === "CHANGE_NUMBER")}
              bulletClassName="bg-white shadow-sm ring-1 ring-slate-200"
            />
            <section
              aria-labelledby="connect-heading"
              className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
            >
              <h2 id="connect-heading" className="mb-3 text-lg font-semibold">
                {words.heading}
              </h2>
              <ConnectPanel
                token={token}
                sdkUrl={env.chakra.sdkUrl}
                successPattern={env.chakra.sdkSuccessPattern}
                agencyName={agency.name}
                buttonLabel={words.button}
              />
            </section>
            <p className="text-sm text-slate-500">This link works until {formatDateTime(link.expiresAt)}.</p>
          </>
        ) : link.state === "connected" && status?.removed ? (
          <>
            <div>
              <p className="text-sm font-medium text-slate-500">WhatsApp setup for</p>
              <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{link.clientName}</h1>
            </div>
            <section
              aria-labelledby="status-heading"
              className="rounded-xl border border-amber-200 bg-white p-5 shadow-sm"
            >
              <h2 id="status-heading" className="text-lg font-semibold text-amber-900">
                This WhatsApp connection was removed
              </h2>
              <p className="mt-1 text-slate-700">
                ChakraHQ no longer shows a WhatsApp number connected for your business. Ask {agency.name} for a new link
                to connect again.
              </p>
              <div className="mt-4">
                <RequestLinkButton token={token} agencyName={agency.name} />
              </div>
              <p className="mt-3 text-xs text-slate-500">Last checked {formatDateTime(status.fetchedAt)}.</p>
            </section>
          </>
        ) : link.state === "connected" ? (
          <>
            <div>
              <p className="text-sm font-medium text-slate-500">WhatsApp setup for</p>
              <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">{link.clientName}</h1>
            </div>
            <section
              aria-labelledby="status-heading"
              className="rounded-xl border border-emerald-200 bg-white p-5 shadow-sm"
            >
              <h2 id="status-heading" className="text-lg font-semibold text-emerald-900">
                WhatsApp is connected
              </h2>
              <p className="mt-1 text-slate-700">Nothing more to do. {agency.name} takes it from here.</p>
              {status && status.config.whatsappPhoneNumbers.length ? (
                <ul className="mt-4 divide-y divide-slate-100 rounded-lg border border-slate-200">
                  {status.config.whatsappPhoneNumbers.map((phone) => {
                    const meaning = clientPhoneStatus(phone.status, agency.name);
                    return (
                      <li
                        key={phone.id}
                        className="flex flex-col gap-1 p-3 sm:flex-row sm:items-center sm:justify-between"
                      >
                        <div>
                          <p className="font-medium">{phone.display_phone_number ?? "Number being set up"}</p>
                          <p className="text-sm text-slate-600">
                            Name shown to customers: {phone.verified_name ?? "not set yet"}
                          </p>
                        </div>
                        <p className="text-sm sm:max-w-xs sm:text-right">
                          <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${TONE_BADGE[meaning.tone]}`}>
                            {meaning.label}
                          </span>{" "}
                          <span className="text-slate-600">{meaning.meaning}</span>
                        </p>
                      </li>
                    );
                  })}
                </ul>
              ) : (
                <p className="mt-3 text-sm text-slate-600">
                  Your business account is attached; the number appears here within a few minutes.
                </p>
              )}
              {status ? (
                <p className="mt-3 text-xs text-slate-500">Last checked {formatDateTime(status.fetchedAt)}.</p>
              ) : null}
            </section>
          </>
        ) : (
          <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
            <h1 className="text-2xl font-semibold tracking-tight">
              {link.state === "expired"
                ? "This link has expired"
                : link.state === "revoked"
                  ? "This link is no longer active"
                  : link.state === "replaced"
                    ? "This link was replaced by a newer one"
                    : "This link is not valid"}
            </h1>
            <p className="mt-2 text-slate-700">
              {link.state === "unknown"
                ? `Check that the whole address from the email was opened. If it still does not work, ask ${agency.name} for a new link.`
                : link.state === "replaced"
                  ? `${agency.name} sent you this link again with a new address, and this one no longer works. Open the newest email from ${agency.name}, or ask for a new link.`
                  : `Onboarding links work for a limited time, and a newer link replaces an older one. ${agency.name} can send you a new one.`}
            </p>
            {link.state === "unknown" ? null : (
              <div className="mt-5">
                <RequestLinkButton token={token} agencyName={agency.name} />
              </div>
            )}
          </section>
        )}
      </main>
    </div>
  );
}
