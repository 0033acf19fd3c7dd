"use client";

import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateAlertPreferenceAction } from "@/lib/actions/health";

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

/** The signed-in member's own choice of alert emails. */
export function AlertPreferenceForm({ current, sendsLinks }: { current: Choice; sendsLinks: boolean }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(updateAlertPreferenceAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium text-slate-900">Email me alerts about</legend>
        {CHOICES.filter((c) => sendsLinks || !c.sendsLinks).map((choice) => (
          <label key={choice.value} className="flex items-start gap-3 text-sm">
            <input
              type="radio"
              name="alerts"
              value={choice.value}
              defaultChecked={current === choice.value}
              className="mt-0.5 size-4 accent-teal-700"
            />
            <span>
              <span className="font-medium text-slate-900">{choice.label}</span>
              <span className="block text-slate-500">{choice.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pending={pending} pendingLabel="Saving…">
          Save
        </SubmitButton>
        <ActionMessage state={state} className="min-h-0" />
      </div>
    </form>
  );
}
