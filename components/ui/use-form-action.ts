"use client";

import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import type { Action, ActionResult } from "@/lib/actions/safe-action";

/**
 * useActionState for forms that must keep what was typed when the server says no. React
 * resets a form after its `action` runs; submitting through onSubmit avoids that, while
 * `action` stays on the form so it still works before JavaScript loads.
 *
 * When the server says no, focus goes to the first field it refused, or back to the button
 * that was pressed (disabled while the action ran, it had dropped focus to the page): a
 * keyboard user carries on from there, not from the top of the page.
 */
export function useFormAction<R extends ActionResult>(action: Action<R>) {
  const [state, dispatch, pending] = useActionState<R | null, FormData>(action, null);
  const submitted = useRef<{ form: HTMLFormElement; submitter: HTMLElement | null } | null>(null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The pressed button's name and value count, as in a normal submission.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    submitted.current = { form: event.currentTarget, submitter };
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  };
  useEffect(() => {
    const last = submitted.current;
    if (!state || state.ok || pending || !last) return;
    submitted.current = null;
    // Never taken from where the user moved it meanwhile (outside the form).
    const active = document.activeElement;
    const lost = active === null || active === document.body;
    if (!lost && !last.form.contains(active)) return;
    const refused = last.form.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (refused) refused.focus();
    else if (lost && last.submitter?.isConnected) last.submitter.focus();
  }, [state, pending]);
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, dispatch, pending, onSubmit, fieldErrors };
}
