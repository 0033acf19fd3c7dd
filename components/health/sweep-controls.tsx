"use client";

import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { runSweepNowAction, updateSweepIntervalAction } from "@/lib/actions/health";
import { SWEEP_CHOICES } from "@/lib/validations/health";

/** "Run a sweep now": checks every mapped plugin at once, outside the schedule. */
export function RunSweepButton({ running }: { running: boolean }) {
  const { state, dispatch, pending, onSubmit } = useFormAction(runSweepNowAction);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-2 sm:items-end">
      <SubmitButton pending={pending} pendingLabel="Starting…" disabled={running}>
        {running ? "A sweep is running" : "Run a sweep now"}
      </SubmitButton>
      {state ? <ActionMessage state={state} className="sm:text-right" /> : null}
    </form>
  );
}

/** How often the sweep runs; the default until an owner chooses is marked. */
export function SweepIntervalForm({ minutes, isDefault }: { minutes: number; isDefault: boolean }) {
  const { state, dispatch, pending, onSubmit, fieldErrors } = useFormAction(updateSweepIntervalAction);
  const known = SWEEP_CHOICES.some((c) => c.minutes === minutes);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <Field
        id="sweep-minutes"
        label="Check every client's WhatsApp"
        hint={isDefault ? "This installation's default, until an owner saves an interval here." : undefined}
        errors={fieldErrors?.minutes}
      >
        <Select id="sweep-minutes" name="minutes" defaultValue={String(minutes)} errors={fieldErrors?.minutes}>
          {known ? null : <option value={String(minutes)}>Every {minutes} minutes</option>}
          {SWEEP_CHOICES.map((choice) => (
            <option key={choice.minutes} value={String(choice.minutes)}>
              {choice.label}
            </option>
          ))}
        </Select>
      </Field>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pending={pending} pendingLabel="Saving…">
          Save interval
        </SubmitButton>
        <ActionMessage state={state} className="min-h-0" />
      </div>
    </form>
  );
}
