"use client";

import { useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { inviteMemberAction } from "@/lib/actions/team";
import { useFormAction } from "@/components/ui/use-form-action";
import { ROLE_INFO, ROLES } from "@/lib/auth/roles";

export function InviteForm() {
  const [email, setEmail] = useState("");
  const [role, setRole] = useState("ADMIN");
  // Clear the form once the invitation went out; keep what was typed when something failed.
  const { state, dispatch, pending, onSubmit, fieldErrors } = useFormAction(
    async (previous: ActionResult | null, formData: FormData) => {
      const result = await inviteMemberAction(previous, formData);
      if (result.ok) {
        setEmail("");
        setRole("ADMIN");
      }
      return result;
    },
  );

  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">
        <Field id="invite-email" label="Email address" errors={fieldErrors?.email}>
          <Input
            id="invite-email"
            name="email"
            type="email"
            maxLength={254}
            autoComplete="off"
            required
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            placeholder="colleague@agency.com"
            errors={fieldErrors?.email}
          />
        </Field>
        <Field id="invite-role" label="Role" errors={fieldErrors?.role}>
          <Select id="invite-role" name="role" value={role} onChange={(event) => setRole(event.target.value)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_INFO[r].label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <p className="text-sm text-slate-500">
        {ROLE_INFO[role as keyof typeof ROLE_INFO]?.label}: {ROLE_INFO[role as keyof typeof ROLE_INFO]?.description}.
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Sending invitation…">
          Send invitation
        </SubmitButton>
        <ActionMessage state={state} />
      </div>
    </form>
  );
}
