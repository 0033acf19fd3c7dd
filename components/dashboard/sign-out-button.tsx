"use client";

import { useActionState } from "react";
import { signOutAction } from "@/lib/actions/auth";
import { SubmitButton } from "@/components/ui/button";

export function SignOutButton() {
  const [, action] = useActionState(signOutAction, null);
  return (
    <form action={action}>
      <SubmitButton variant="ghost" pendingLabel="Signing out…">
        Sign out
      </SubmitButton>
    </form>
  );
}
