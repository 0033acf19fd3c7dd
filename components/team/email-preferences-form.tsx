"use client";

import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateEmailPreferencesAction } from "@/lib/actions/preferences";

type Choice = "ALL" | "MINE" | "NONE";

const CHOICES: { value: Choice; label: string; hint: string; sendsLinks?: true }[] = [
  { value: "ALL", label: "All clients", hint: "An email whenever a client's WhatsApp needs the agency." },
  {
    value: "MINE",
    label: "Only clients I sent links to",
    hint: "Clients you emailed an onboarding, reconnect or change-number link.",
    sendsLinks: true,
  },
  { value: "NONE", label: "None", hint: "Alerts still show on each client's page and history." },
];

/** The signed-in member's own emails, with one Save: which alerts, and the weekly digest. */
export function EmailPreferencesForm({
  alerts,
  weeklyDigest,
  sendsLinks,
}: {
  alerts: Choice;
  weeklyDigest: boolean;
  sendsLinks: boolean;
}) {
  const { state, dispatch, pending, onSubmit } = useFormAction(updateEmailPreferencesAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium text-slate-900">Email me alerts about</legend>
        {CHOICES.filter((c) => sendsLinks || !c.sendsLinks).map((choice) => (
          <label key={choice.value} className="flex items-start gap-3 text-sm">
            <input
              type="radio"
              name="alerts"
              value={choice.value}
              defaultChecked={alerts === choice.value}
              className="mt-0.5 size-4 accent-teal-700"
            />
            <span>
              <span className="font-medium text-slate-900">{choice.label}</span>
              <span className="block text-slate-500">{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <label className="flex items-start gap-3 border-t border-slate-100 pt-4 text-sm text-slate-900">
        <input
          type="checkbox"
          name="weeklyDigest"
          value="on"
          defaultChecked={weeklyDigest}
          className="mt-0.5 size-4 shrink-0 accent-teal-700"
        />
        <span>
          <span className="font-medium">Weekly digest</span>
          <span className="block text-slate-500">
            Once a week: clients newly connected, links opened but not finished, links about to expire and numbers
            needing attention, with links to each. Not sent in a week with nothing to report.
          </span>
        </span>
      </label>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pending={pending} pendingLabel="Saving…">
          Save my emails
        </SubmitButton>
        <ActionMessage state={state} className="min-h-0" />
      </div>
    </form>
  );
}
