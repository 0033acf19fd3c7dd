"use client";

import { useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateNudgesAction } from "@/lib/actions/agency";
import { NUDGE_DAYS_RANGE, type NudgeSettings } from "@/lib/onboarding/nudges";

type Reminder = "unopened" | "unfinished";

const REMINDERS: { key: Reminder; label: string; hint: string }[] = [
  {
    key: "unopened",
    label: "Remind clients who have not opened their link",
    hint: "Counted from the last time the link was emailed.",
  },
  {
    key: "unfinished",
    label: "Remind clients who opened their link but did not finish",
    hint: "Counted from their first visit.",
  },
];

/** The owners' reminder settings: each reminder on or off, the client ones with their delay. */
export function NudgeForm({ initial }: { initial: NudgeSettings }) {
  const { state, dispatch, pending, onSubmit, fieldErrors } = useFormAction(updateNudgesAction);
  const [values, setValues] = useState({
    unopenedOn: initial.unopenedDays !== null,
    unopenedDays: String(initial.unopenedDays ?? 3),
    unfinishedOn: initial.unfinishedDays !== null,
    unfinishedDays: String(initial.unfinishedDays ?? 2),
    expiryWarning: initial.expiryWarning,
  });
  const unsaved =
    values.unopenedOn !== (initial.unopenedDays !== null) ||
    (values.unopenedOn && Number(values.unopenedDays) !== initial.unopenedDays) ||
    values.unfinishedOn !== (initial.unfinishedDays !== null) ||
    (values.unfinishedOn && Number(values.unfinishedDays) !== initial.unfinishedDays) ||
    values.expiryWarning !== initial.expiryWarning;
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <ul className="flex flex-col gap-4">
        {REMINDERS.map(({ key, label, hint }) => {
          const on = values[`${key}On`];
          const errors = fieldErrors?.[`${key}Days`];
          const id = `nudge-${key}-days`;
          return (
            <li key={key} className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3">
              <label className="flex items-start gap-2 text-sm font-medium text-slate-900">
                <input
                  type="checkbox"
                  name={`${key}On`}
                  value="on"
                  checked={on}
                  onChange={(e) => setValues((v) => ({ ...v, [`${key}On`]: e.target.checked }))}
                  className="mt-0.5 size-4 shrink-0 accent-teal-700"
                />
                {label}
              </label>
              <div className="flex items-center gap-2 ps-6 text-sm text-slate-700">
                <label htmlFor={id}>
                  After<span className="sr-only"> how many days: {label.toLowerCase()}</span>
                </label>
                <span className="w-20 shrink-0">
                  <Input
                    id={id}
                    name={`${key}Days`}
                    type="number"
                    inputMode="numeric"
                    min={NUDGE_DAYS_RANGE.min}
                    max={NUDGE_DAYS_RANGE.max}
                    disabled={!on}
                    value={values[`${key}Days`]}
                    onChange={(e) => setValues((v) => ({ ...v, [`${key}Days`]: e.target.value }))}
                    errors={errors}
                    hasHint
                    className="disabled:bg-slate-100 disabled:text-slate-500"
                  />
                </span>
                <span>days</span>
              </div>
              <p id={`${id}-hint`} className="ps-6 text-sm text-slate-500">
                {hint}
              </p>
              {errors?.length ? (
                <p id={`${id}-error`} className="ps-6 text-sm text-red-700">
                  {errors.join(" ")}
                </p>
              ) : null}
            </li>
          );
        })}
        <li className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3">
          <label className="flex items-start gap-2 text-sm font-medium text-slate-900">
            <input
              type="checkbox"
              name="expiryWarning"
              value="on"
              checked={values.expiryWarning}
              onChange={(e) => setValues((v) => ({ ...v, expiryWarning: e.target.checked }))}
              className="mt-0.5 size-4 shrink-0 accent-teal-700"
            />
            Tell the admin who sent a link, a day before it expires unused
          </label>
          <p className="ps-6 text-sm text-slate-500">So they can send it again in time.</p>
        </li>
      </ul>
      <p className="text-sm text-slate-600">
        Client reminders carry the same link, your branding and an &ldquo;I need help&rdquo; button. Each is sent once
        per link, never after the client connected or the link was revoked or replaced, and shows in the link&apos;s
        history.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save reminders
        </SubmitButton>
        <ActionMessage state={state} unsaved={unsaved && !pending} />
      </div>
    </form>
  );
}
