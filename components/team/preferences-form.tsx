"use client";

import { useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { useFormAction } from "@/components/ui/use-form-action";
import { updatePreferencesAction } from "@/lib/actions/preferences";

/** The signed-in member's own emails: the weekly digest, on or off. */
export function PreferencesForm({ weeklyDigest }: { weeklyDigest: boolean }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(updatePreferencesAction);
  const [checked, setChecked] = useState(weeklyDigest);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <label className="flex items-start gap-2 text-sm text-slate-900">
        <input
          type="checkbox"
          name="weeklyDigest"
          value="on"
          checked={checked}
          onChange={(e) => setChecked(e.target.checked)}
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
          Save
        </SubmitButton>
        <ActionMessage state={state} />
      </div>
    </form>
  );
}
