"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { Action, ActionResult } from "@/lib/actions/safe-action";

/**
 * useActionState for forms that must keep what was typed when the server says no. React
 * resets a form after its `action` runs; submitting through onSubmit avoids that, while
 * `action` stays on the form so it still works before JavaScript loads.
 */
export function useFormAction<R extends ActionResult>(action: Action<R>) {
  const [state, dispatch, pending] = useActionState<R | null, FormData>(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // The pressed button's name and value count, as in a normal submission.
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(formData));
  };
  const fieldErrors = state && !state.ok ? state.fieldErrors : undefined;
  return { state, dispatch, pending, onSubmit, fieldErrors };
}
