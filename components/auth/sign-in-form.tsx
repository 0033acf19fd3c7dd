"use client";

import { useState } from "react";
import { requestSignInLink } from "@/lib/actions/auth";
import { SubmitButton } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { ActionMessage } from "@/components/ui/action-message";
import { useFormAction } from "@/components/ui/use-form-action";

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl?: string; defaultEmail?: string }) {
  const { state, dispatch, pending, onSubmit, fieldErrors } = useFormAction(requestSignInLink);
  const [email, setEmail] = useState(defaultEmail ?? "");
  const errors = fieldErrors?.email;
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field id="email" label="Work email" errors={errors}>
        <Input
          id="email"
          name="email"
          type="email"
          maxLength={254}
          autoComplete="email"
          inputMode="email"
          required
          autoFocus
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          placeholder="name@agency.com"
          errors={errors}
        />
      </Field>
      <SubmitButton pending={pending} pendingLabel="Sending…">
        Email me a sign-in link
      </SubmitButton>
      {errors ? null : <ActionMessage state={state} />}
    </form>
  );
}
