"use client";

import { useActionState, useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { Button, SubmitButton } from "@/components/ui/button";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { Field, Input } from "@/components/ui/field";
import { LinkDaysSelect } from "./link-days-select";
import { useFormAction } from "@/components/ui/use-form-action";
import { createLinkAction, resendLinkAction, revokeLinkAction, type LinkState } from "@/lib/actions/links";
import { PURPOSE_INFO, REPLACED_DETAIL, type LinkPurpose } from "@/lib/onboarding/rules";
import type { EmailDeliveryView } from "@/lib/email/delivery";
import { formatDateTime } from "@/lib/format";

type LinkEvent = { type: string; detail: string | null; createdAt: Date };
export type LinkView = {
  id: string;
  purpose: LinkPurpose;
  state: "active" | "expired" | "revoked" | "connected";
  createdAt: Date;
  expiresAt: Date;
  sentTo: string | null;
  createdBy: { email: string } | null;
  events: LinkEvent[];
  emails: EmailDeliveryView[];
};

const STATE_STYLE: Record<LinkView["state"], { label: string; className: string }> = {
  active: { label: "Active", className: "bg-sky-100 text-sky-800" },
  connected: { label: "Connected", className: "bg-emerald-100 text-emerald-800" },
  expired: { label: "Expired", className: "bg-slate-200 text-slate-700" },
  revoked: { label: "Revoked", className: "bg-slate-200 text-slate-700" },
};

/** A link revoked by a newer one, not by an admin's Revoke. */
const wasReplaced = (link: LinkView) =>
  link.events.some((event) => event.type === "REVOKED" && event.detail === REPLACED_DETAIL);

/** "; replaced 23 Nov 2026, 10:00 UTC" or "; revoked … by ana@agency.example" (who, when known). */
function revokedWhen(link: LinkView): string {
  const revoked = link.events.find((event) => event.type === "REVOKED");
  if (!revoked) return "";
  if (revoked.detail === REPLACED_DETAIL) return `; replaced ${formatDateTime(revoked.createdAt)}`;
  return `; revoked ${formatDateTime(revoked.createdAt)}${revoked.detail?.startsWith("by ") ? ` ${revoked.detail}` : ""}`;
}

const FUNNEL = ["SENT", "OPENED", "STARTED", "CONNECTED"] as const;
const EVENT_LABEL: Record<string, string> = {
  CREATED: "Created",
  SENT: "Sent",
  OPENED: "Opened",
  STARTED: "Started",
  CONNECTED: "Connected",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
  REVOKED: "Revoked",
  UNCONFIRMED: "Not confirmed",
  REMINDED: "Reminder sent",
  HELP_REQUESTED: "Asked for help",
};

/** What a REMINDED event's detail ("unopened: to …") names. */
const REMINDER_LABEL: Record<string, string> = {
  unopened: "Reminded (not opened)",
  unfinished: "Reminded (not finished)",
  expiring: "Expiry warning to the team",
};

/** Shows a freshly made link's address once, with a copy button. */
function NewAddress({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-teal-200 bg-teal-50 p-3">
      <p className="text-sm text-teal-900">The address, shown only now (it is stored only as a hash):</p>
      <div className="flex flex-wrap items-center gap-2">
        <code className="min-w-0 flex-1 rounded bg-white px-2 py-1.5 font-mono text-xs break-all">{url}</code>
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
    </div>
  );
}

/**
 * The link's progress. Its first step is "Sent" for an emailed link and "Created" for one the
 * admin copied (and perhaps emailed only after the client opened it), so the ticks read in order.
 */
function Funnel({ events }: { events: LinkEvent[] }) {
  const first = (type: string) => events.find((e) => e.type === type);
  const sent = first("SENT");
  const opened = first("OPENED");
  const copied = !sent || (opened !== undefined && opened.createdAt < sent.createdAt);
  const steps = copied ? (["CREATED", ...FUNNEL.slice(1)] as const) : FUNNEL;
  // A failure or cancel before the connection is history, not a problem left to solve.
  const connected = first("CONNECTED");
  const settled = (event: LinkEvent) => connected !== undefined && event.createdAt <= connected.createdAt;
  const endings = events.filter((e) => e.type === "FAILED" || e.type === "CANCELLED" || e.type === "UNCONFIRMED");
  const said = events.filter((e) => e.type === "SDK_EVENT");
  const reminders = events.filter((e) => e.type === "REMINDED");
  const help = events.filter((e) => e.type === "HELP_REQUESTED");
  return (
    <div className="flex flex-col gap-2">
      <ol className="flex flex-wrap gap-1.5" aria-label="Progress">
        {steps.map((type) => {
          const event = first(type);
          return (
            <li
              key={type}
              className={`rounded-full px-2.5 py-0.5 text-xs ${event ? "bg-emerald-100 text-emerald-900" : "bg-slate-100 text-slate-600"}`}
              title={event ? formatDateTime(event.createdAt) : "not yet"}
            >
              {event ? "✓ " : ""}
              {EVENT_LABEL[type]}
              <span className="sr-only">{event ? `: ${formatDateTime(event.createdAt)}` : ": not yet"}</span>
            </li>
          );
        })}
      </ol>
      {endings.length ? (
        <ul className="flex flex-col gap-1 text-xs text-slate-600">
          {endings.slice(-3).map((event, index) => (
            <li
              key={index}
              className={
                settled(event) ? "text-slate-600" : event.type === "FAILED" ? "text-red-800" : "text-amber-800"
              }
            >
              {settled(event) ? "Before it connected: " : ""}
              {settled(event) ? EVENT_LABEL[event.type]?.toLowerCase() : EVENT_LABEL[event.type]}{" "}
              {formatDateTime(event.createdAt)}
              {event.detail ? `: ${event.detail}` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {reminders.length ? (
        <ul className="flex flex-col gap-1 text-xs text-slate-600" aria-label="Reminders">
          {reminders.map((event, index) => {
            const [kind, rest] = (event.detail ?? "").split(/: (.*)/s);
            return (
              <li key={index}>
                {REMINDER_LABEL[kind ?? ""] ?? EVENT_LABEL.REMINDED} {formatDateTime(event.createdAt)}
                {rest ? ` (${rest})` : ""}
              </li>
            );
          })}
        </ul>
      ) : null}
      {help.length ? (
        <ul className="flex flex-col gap-1 text-xs" aria-label="Help requests">
          {help.slice(-5).map((event, index) => (
            <li key={index} className="rounded bg-amber-50 px-2 py-1 break-words text-amber-900">
              {EVENT_LABEL.HELP_REQUESTED} {formatDateTime(event.createdAt)}: “{event.detail}”
            </li>
          ))}
        </ul>
      ) : null}
      {said.length ? <SdkEvents events={said} /> : null}
    </div>
  );
}

const DELIVERY_STYLE: Record<EmailDeliveryView["status"], { label: string; className: string }> = {
  QUEUED: { label: "Queued", className: "bg-slate-100 text-slate-700" },
  SENT: { label: "Sent", className: "bg-emerald-100 text-emerald-900" },
  RETRYING: { label: "Retrying", className: "bg-amber-100 text-amber-900" },
  FAILED: { label: "Failed", className: "bg-red-100 text-red-900" },
};

function deliveryDetail(email: EmailDeliveryView): string {
  const tries = `${email.attempts} ${email.attempts === 1 ? "attempt" : "attempts"}`;
  switch (email.status) {
    case "QUEUED":
      return `queued ${formatDateTime(email.createdAt)}`;
    case "SENT":
      return `sent ${formatDateTime(email.updatedAt)}`;
    case "RETRYING":
      return `${tries} so far, the last ${formatDateTime(email.updatedAt)}; it is tried again automatically. The mail server said: ${email.lastError ?? "no reason given"}`;
    case "FAILED":
      return `gave up ${formatDateTime(email.updatedAt)} after ${tries}. The mail server said: ${email.lastError ?? "no reason given"}`;
  }
}

/** Each email about this link (to the client, or to the admins) and where its delivery stands. */
function EmailDeliveries({ emails }: { emails: EmailDeliveryView[] }) {
  return (
    <section aria-label="Emails" className="flex flex-col gap-1.5 text-xs text-slate-600">
      <h3 className="font-medium text-slate-700">Emails</h3>
      <ul className="flex flex-col gap-1.5">
        {emails.map((email) => (
          <li key={email.id} className="grid grid-cols-[4.5rem_1fr] items-baseline gap-x-2">
            <span
              className={`justify-self-start rounded-full px-2 py-0.5 font-medium ${DELIVERY_STYLE[email.status].className}`}
            >
              {DELIVERY_STYLE[email.status].label}
            </span>
            <span className="min-w-0 break-words">
              <span className="font-medium text-slate-800">{email.subject}</span> to{" "}
              <span className="break-all">{email.to}</span>: {deliveryDetail(email)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What ChakraHQ's signup SDK told the client's page, raw (tokens removed): evidence for support. */
function SdkEvents({ events }: { events: LinkEvent[] }) {
  const shown = events.slice(-10);
  return (
    <details className="text-xs text-slate-600">
      <summary className="cursor-pointer">
        What ChakraHQ&apos;s signup said ({events.length} {events.length === 1 ? "event" : "events"})
      </summary>
      <ul className="mt-1 flex flex-col gap-1">
        {shown.map((event, index) => (
          <li key={index} className="break-words">
            {formatDateTime(event.createdAt)}: ChakraHQ&apos;s signup said:{" "}
            <code className="font-mono break-all">{event.detail}</code>
          </li>
        ))}
      </ul>
      {events.length > shown.length ? <p className="mt-1">The last {shown.length} are shown.</p> : null}
    </details>
  );
}

/**
 * Send again (a new address, emailed; the current one stops working) and Revoke. Either one
 * makes the address shown since the link was created dead: `onAddressDead` lets the panel
 * stop showing it, so only the live address is on screen.
 */
function LinkActions({
  link,
  contactEmail,
  onAddressDead,
}: {
  link: LinkView;
  contactEmail: string;
  onAddressDead: () => void;
}) {
  const [resend, resendAction] = useActionState<LinkState | null, FormData>(async (previous, form) => {
    const result: LinkState = await resendLinkAction(previous, form);
    // A new address also when only the email failed: the old one is dead either way.
    if (result.url) onAddressDead();
    return result;
  }, null);
  const inputId = `resend-to-${link.id}`;
  const to = link.sentTo ?? contactEmail;
  // A link made with "Create link only" was never emailed: its first email is not "again".
  const verb = link.sentTo ? "Send again" : "Email it";
  return (
    <div className="flex flex-col border-t border-slate-100 pt-3">
      {/* Send again's field, button and hint on the left; Revoke apart at the right, in line with
          the button (on a phone: under the hint, at the right). */}
      <div className="grid items-end gap-x-4 gap-y-1.5 sm:grid-cols-[1fr_auto]">
        <form action={resendAction} className="flex min-w-0 items-end gap-2">
          <input type="hidden" name="linkId" value={link.id} />
          <div className="flex min-w-0 flex-1 flex-col gap-1.5 sm:max-w-sm">
            <label htmlFor={inputId} className="text-sm font-medium text-slate-900">
              {verb} to
            </label>
            <Input
              id={inputId}
              name="sendTo"
              type="email"
              maxLength={254}
              placeholder={to}
              aria-describedby={`${inputId}-hint`}
            />
          </div>
          <SubmitButton variant="secondary" pendingLabel="Sending…">
            {verb}
          </SubmitButton>
        </form>
        <p id={`${inputId}-hint`} className="text-sm text-slate-500 sm:col-start-1 sm:row-start-2">
          Empty: to {to}. It gets a new address; the {link.sentTo ? "current" : "copied"} one stops working.
        </p>
        <ConfirmActionForm
          trigger="Revoke"
          title="Revoke this link?"
          description="The client can no longer use it. You can create a new link at any time."
          action={revokeLinkAction}
          fields={{ linkId: link.id }}
          confirmLabel="Revoke link"
          pendingLabel="Revoking…"
          onDone={onAddressDead}
          className="mt-1.5 justify-self-end sm:col-start-2 sm:row-start-1 sm:mt-0"
        />
      </div>
      <ActionMessage state={resend} className="not-empty:mt-2" />
      {resend?.url ? (
        <div className="mt-2">
          <NewAddress url={resend.url} />
        </div>
      ) : null}
    </div>
  );
}

/** What the new link asks of a client that has a plugin: an explicit choice. */
function PurposeChoice({
  purposes,
  suggested,
  errors,
}: {
  purposes: readonly LinkPurpose[];
  suggested: LinkPurpose | null;
  errors?: string[];
}) {
  return (
    <fieldset aria-describedby={errors?.length ? "purpose-error" : undefined} className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium text-slate-800">What should the client do?</legend>
      {purposes.map((purpose) => (
        <label key={purpose} className="flex items-start gap-2 text-sm text-slate-700">
          <input
            type="radio"
            name="purpose"
            value={purpose}
            defaultChecked={purpose === suggested}
            className="mt-0.5 size-4 accent-teal-700"
          />
          <span>{PURPOSE_INFO[purpose].choice}</span>
        </label>
      ))}
      {errors?.length ? (
        <p id="purpose-error" className="text-sm text-red-700">
          {errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A client's onboarding links: make one (and email it), and each link's progress. */
export function LinkPanel({
  clientId,
  contactEmail,
  links,
  canEdit,
  archived,
  purposes,
  suggestedPurpose,
}: {
  clientId: string;
  contactEmail: string;
  links: LinkView[];
  canEdit: boolean;
  archived: boolean;
  /** What a new link may ask of the client: more than one when the client has a plugin. */
  purposes: readonly LinkPurpose[];
  /** Chosen at first; none when the admin must choose (a client that was connected). */
  suggestedPurpose: LinkPurpose | null;
}) {
  const { state: created, dispatch, pending, onSubmit, fieldErrors } = useFormAction(createLinkAction);
  // The created link's address, until "Send again" or Revoke kills it.
  const [deadUrl, setDeadUrl] = useState<string | null>(null);
  const createdUrl = created?.url && created.url !== deadUrl ? created.url : null;
  return (
    <div className="flex flex-col gap-5">
      {canEdit && !archived ? (
        <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
          <input type="hidden" name="clientId" value={clientId} />
          {purposes.length > 1 ? (
            // Remounted when ChakraHQ's answer changes the suggestion (a refresh shows a removed
            // connection): a radio's default applies only when it is first drawn.
            <PurposeChoice
              key={suggestedPurpose ?? "none"}
              purposes={purposes}
              suggested={suggestedPurpose}
              errors={fieldErrors?.purpose}
            />
          ) : null}
          <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
            <Field id="validDays" label="Works for" errors={fieldErrors?.validDays}>
              <LinkDaysSelect id="validDays" />
            </Field>
            <Field
              id="sendTo"
              label="Send to"
              hint={`Empty: the contact, ${contactEmail}.`}
              errors={fieldErrors?.sendTo}
            >
              <Input
                id="sendTo"
                name="sendTo"
                type="email"
                maxLength={254}
                placeholder={contactEmail}
                hasHint
                errors={fieldErrors?.sendTo}
              />
            </Field>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <SubmitButton name="mode" value="email" pending={pending} pendingLabel="Working…">
              Create and email link
            </SubmitButton>
            <SubmitButton name="mode" value="copy" variant="secondary" pending={pending} pendingLabel="Working…">
              Create link only
            </SubmitButton>
          </div>
          <p className="text-sm text-slate-500">A new link replaces the client&apos;s earlier ones.</p>
          {/* "Copy it now" no longer holds once the address is dead. */}
          <ActionMessage
            state={created?.url && !createdUrl ? null : created}
            // Empty, it takes no room (the form's gap cancelled) but stays a live region.
            className="-mt-4 not-empty:mt-0"
          />
          {createdUrl ? <NewAddress url={createdUrl} /> : null}
        </form>
      ) : null}

      {links.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          No onboarding link yet.
          {canEdit && !archived ? " Create one above: the client connects WhatsApp through it." : ""}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200">
          {links.map((link) => (
            <li key={link.id} className="flex flex-col gap-3 p-4">
              <div className="flex flex-wrap items-center gap-2 text-sm">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLE[link.state].className}`}>
                  {link.state === "revoked" && wasReplaced(link) ? "Replaced" : STATE_STYLE[link.state].label}
                </span>
                {link.purpose === "CONNECT" ? null : (
                  <span className="rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-800">
                    {PURPOSE_INFO[link.purpose].history}
                  </span>
                )}
                <span className="text-slate-600">
                  Created {formatDateTime(link.createdAt)}
                  {link.createdBy ? ` by ${link.createdBy.email}` : ""}
                  {link.state === "active" ? `; works until ${formatDateTime(link.expiresAt)}` : ""}
                  {link.state === "revoked" ? revokedWhen(link) : ""}
                  {link.sentTo ? `; sent to ${link.sentTo}` : ""}
                </span>
              </div>
              <Funnel events={link.events} />
              {link.emails.length ? <EmailDeliveries emails={link.emails} /> : null}
              {canEdit && link.state === "active" ? (
                <LinkActions
                  link={link}
                  contactEmail={contactEmail}
                  onAddressDead={() => setDeadUrl(created?.url ?? null)}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
