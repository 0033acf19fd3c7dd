import type { ReactNode } from "react";
import type { PluginConfig } from "@/lib/chakra/schemas";
import { attentionItems } from "@/lib/whatsapp/attention";
import {
  meaningOf,
  messagingLimit,
  NAME_STATUS,
  OBA,
  PHONE_STATUS,
  QUALITY,
  REVIEW,
  VERIFICATION,
} from "@/lib/whatsapp/meaning";
import { MeaningBadge } from "./badge";

const unknown = <span className="text-slate-400">unknown</span>;
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

/**
 * A plugin's WhatsApp Business Accounts and phone numbers as ChakraHQ reported them, with
 * what needs attention first. `wabaActions` adds controls (disconnect) per account.
 */
export function PluginConfigView({
  config,
  wabaActions,
}: {
  config: PluginConfig;
  wabaActions?: (waba: { id: string; name: string }) => ReactNode;
}) {
  const attention = attentionItems(config);
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
                <p className="font-mono text-xs text-slate-500">WABA {waba.id}</p>
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
              <Row label="Time zone">{waba.timezone_id ? `Meta time zone id ${waba.timezone_id}` : unknown}</Row>
            </dl>
          </section>
        ))
      )}

      {config.whatsappPhoneNumbers.length ? (
        <ul className="flex flex-col gap-3" aria-label="Phone numbers">
          {config.whatsappPhoneNumbers.map((phone) => (
            <li key={phone.id} className="rounded-lg border border-slate-200 p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <p className="text-base font-semibold">
                  {phone.display_phone_number ?? "Number without a display form"}
                </p>
                <MeaningBadge meaning={meaningOf(PHONE_STATUS, phone.status)} />
              </div>
              <dl className="mt-3 grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
                <Row label="Verified name">{text(phone.verified_name)}</Row>
                <Row label="Phone number id">
                  <span className="font-mono text-xs">{phone.id}</span>
                </Row>
                <Row label="Quality rating">
                  {phone.quality_rating ? <MeaningBadge meaning={meaningOf(QUALITY, phone.quality_rating)} /> : unknown}
                </Row>
                <Row label="Messaging limit">
                  {messagingLimit(phone.messaging_limit_tier) ?? text(phone.messaging_limit_tier)}
                </Row>
                <Row label="Display name status">
                  {phone.name_status ? <MeaningBadge meaning={meaningOf(NAME_STATUS, phone.name_status)} /> : unknown}
                </Row>
                <Row label="Throughput">{text(phone.throughput?.level)}</Row>
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
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
