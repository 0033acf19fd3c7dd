import type { ReactNode } from "react";
import type { PhoneNumber, PluginConfig, Waba } from "@/lib/chakra/schemas";
import { attentionItems } from "@/lib/whatsapp/attention";
import { detailValue, moreDetails, type Detail } from "@/lib/whatsapp/details";
import { guidanceFor, nameRejectionReason, type Guidance } from "@/lib/whatsapp/guidance";
import {
  CODE_VERIFICATION,
  meaningOf,
  messagingLimitOf,
  NAME_STATUS,
  OBA,
  PHONE_STATUS,
  QUALITY,
  REVIEW,
  VERIFICATION,
} from "@/lib/whatsapp/meaning";
import { metaTimeZone } from "@/lib/whatsapp/timezones";
import { MeaningBadge } from "./badge";

/** The fields each card has a row for; everything else ChakraHQ sends is under "More details". */
const WABA_FIELDS = ["id", "name", "timezone_id", "account_review_status", "business_verification_status"] as const;
const PHONE_FIELDS = [
  "id",
  "display_phone_number",
  "verified_name",
  "status",
  "throughput",
  "account_mode",
  "platform_type",
  "is_on_biz_app",
  "official_business_account",
  "is_official_business_account",
  "quality_rating",
  "messaging_limit_tier",
  "whatsapp_business_manager_messaging_limit",
  "name_status",
  "rejection_reason",
  "code_verification_status",
] as const;

const unknown = <span className="text-slate-500">unknown</span>;
const text = (value: string | null | undefined) => (value ? <span className="break-all">{value}</span> : unknown);
const yesNo = (value: boolean | null | undefined, yes: string, no: string) =>
  value === true ? yes : value === false ? no : unknown;

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}

function TimeZoneValue({ id }: { id: Waba["timezone_id"] }) {
  const zone = metaTimeZone(id);
  if (!zone) return unknown;
  if (zone.kind === "named")
    return (
      <span>
        {zone.name} <span className="text-xs text-slate-500">(Meta id {zone.id})</span>
      </span>
    );
  if (zone.kind === "unknown_zone") return <span>not set (Meta reports “unknown”, id 0)</span>;
  // Meta's id list is published, but past the ids we could confirm the copies disagree: no guess.
  return <span>time zone id {zone.id}</span>;
}

function MessagingLimitValue({ phone }: { phone: PhoneNumber }) {
  const limit = messagingLimitOf(phone);
  if (!limit) return unknown;
  return (
    <span className="flex flex-col">
      <span>{limit.meaning ?? <span className="break-all">{detailValue(limit.raw)}</span>}</span>
      <span className="text-xs text-slate-500">
        {limit.scope === "portfolio"
          ? "Set by Meta for the client's whole business portfolio, shared by all its numbers."
          : "This number's own limit (an older field; Meta now sets the limit per business portfolio)."}
      </span>
    </span>
  );
}

function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer"
      className="font-medium text-teal-800 underline underline-offset-4 hover:text-teal-950"
    >
      {children}
      <span className="sr-only"> (opens in a new tab)</span>
    </a>
  );
}

function GuidanceList({ items }: { items: Guidance[] }) {
  if (items.length === 0) return null;
  return (
    <div className="mt-3 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950">
      <p className="font-semibold">What to do</p>
      <ul className="mt-1 flex flex-col gap-2">
        {items.map((item) => (
          <li key={item.key}>
            {item.text} <ExternalLink href={item.href}>{item.linkLabel}</ExternalLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

function MoreDetails({ details }: { details: Detail[] }) {
  if (details.length === 0) return null;
  return (
    <details className="mt-3 text-sm">
      <summary className="cursor-pointer text-slate-600 select-none hover:text-slate-900">
        More details from ChakraHQ ({details.length} {details.length === 1 ? "field" : "fields"})
      </summary>
      <dl className="mt-2 grid gap-x-4 gap-y-1.5 rounded-lg bg-slate-50 p-3 sm:grid-cols-[12rem_1fr]">
        {details.map((d) => (
          <div key={d.key} className="contents">
            <dt className="font-mono text-xs break-all text-slate-500">{d.key}</dt>
            <dd className="min-w-0 font-mono text-xs break-all">{d.value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/**
 * A plugin's WhatsApp Business Accounts and phone numbers as ChakraHQ reported them, with
 * what needs attention first, Meta's meaning of each value, advice where a number's state
 * calls for it, and every field this app has no row for. `wabaActions` adds controls
 * (disconnect) per account.
 */
export function PluginConfigView({
  config,
  wabaActions,
}: {
  config: PluginConfig;
  wabaActions?: (waba: { id: string; name: string }) => ReactNode;
}) {
  const attention = attentionItems(config);
  // Advice mentions the account's business verification; with one account it is unambiguous.
  const onlyWaba = config.whatsappBusinessAccounts.length === 1 ? config.whatsappBusinessAccounts[0] : null;
  return (
    <div className="flex flex-col gap-5">
      {attention.length ? (
        <div role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
          <p className="font-semibold">Needs attention</p>
          <ul className="mt-1 list-disc pl-5">
            {attention.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {config.whatsappBusinessAccounts.length === 0 ? (
        <p className="text-sm text-slate-600">No WhatsApp Business Account is connected to this plugin.</p>
      ) : (
        config.whatsappBusinessAccounts.map((waba) => (
          <section
            key={waba.id}
            aria-label={`Business account ${waba.name ?? waba.id}`}
            className="rounded-lg border border-slate-200 p-4"
          >
            <div className="flex flex-wrap items-start justify-between gap-3">
              <div className="min-w-0">
                <h3 className="font-semibold break-words">{waba.name ?? "Unnamed business account"}</h3>
                <p className="font-mono text-xs break-all text-slate-500">WABA {waba.id}</p>
              </div>
              {wabaActions?.({ id: waba.id, name: waba.name ?? waba.id })}
            </div>
            <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
              <Row label="Account review">
                <MeaningBadge meaning={meaningOf(REVIEW, waba.account_review_status)} />
              </Row>
              <Row label="Business verification">
                <MeaningBadge meaning={meaningOf(VERIFICATION, waba.business_verification_status)} />
              </Row>
              <Row label="Time zone">
                <TimeZoneValue id={waba.timezone_id} />
              </Row>
            </dl>
            <MoreDetails details={moreDetails(waba, WABA_FIELDS)} />
          </section>
        ))
      )}

      {config.whatsappPhoneNumbers.length ? (
        <ul className="flex flex-col gap-3" aria-label="Phone numbers">
          {config.whatsappPhoneNumbers.map((phone) => {
            const reason = nameRejectionReason(phone);
            return (
              <li
                key={phone.id}
                aria-label={`Number ${phone.display_phone_number ?? phone.id}`}
                className="rounded-lg border border-slate-200 p-4"
              >
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <p className="text-base font-semibold break-all">
                    {phone.display_phone_number ?? "Number without a display form"}
                  </p>
                  <MeaningBadge meaning={meaningOf(PHONE_STATUS, phone.status)} />
                </div>
                <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
                  <Row label="Verified name">{text(phone.verified_name)}</Row>
                  <Row label="Phone number id">
                    <span className="font-mono text-xs break-all">{phone.id}</span>
                  </Row>
                  <Row label="Quality rating">
                    {phone.quality_rating ? (
                      <MeaningBadge meaning={meaningOf(QUALITY, phone.quality_rating)} />
                    ) : (
                      unknown
                    )}
                  </Row>
                  <Row label="Messaging limit">
                    <MessagingLimitValue phone={phone} />
                  </Row>
                  <Row label="Display name status">
                    {phone.name_status ? (
                      <span className="flex flex-col gap-1">
                        <MeaningBadge meaning={meaningOf(NAME_STATUS, phone.name_status)} />
                        {reason ? <span className="text-xs break-words">Reason given: {reason}</span> : null}
                      </span>
                    ) : (
                      unknown
                    )}
                  </Row>
                  <Row label="Code verification">
                    {phone.code_verification_status ? (
                      <MeaningBadge meaning={meaningOf(CODE_VERIFICATION, phone.code_verification_status)} />
                    ) : (
                      unknown
                    )}
                  </Row>
                  <Row label="Throughput">
                    {/* https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput:
                        numbers also on the Business app have a fixed 20 messages per second. */}
                    {phone.is_on_biz_app === true ? (
                      <span>
                        {phone.throughput?.level ? `${phone.throughput.level}: ` : ""}20 messages per second (fixed for
                        numbers also on the Business app)
                      </span>
                    ) : (
                      text(phone.throughput?.level)
                    )}
                  </Row>
                  <Row label="Account mode">{text(phone.account_mode)}</Row>
                  <Row label="Platform">{text(phone.platform_type)}</Row>
                  <Row label="WhatsApp Business app">
                    {yesNo(phone.is_on_biz_app, "Yes: coexistence with the app", "No")}
                  </Row>
                  <Row label="Official business account">
                    <span className="inline-flex flex-wrap items-baseline gap-2">
                      {yesNo(phone.is_official_business_account, "Yes", "No")}
                      {phone.official_business_account?.oba_status ? (
                        <MeaningBadge meaning={meaningOf(OBA, phone.official_business_account.oba_status)} />
                      ) : null}
                    </span>
                  </Row>
                </dl>
                <GuidanceList items={guidanceFor(phone, onlyWaba)} />
                <MoreDetails details={moreDetails(phone, PHONE_FIELDS)} />
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
