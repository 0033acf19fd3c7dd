"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { inviteMemberAction, revokeInvitationAction } from "@/lib/actions/team";
import type { Role } from "@/lib/auth/roles";

/** An owner's controls on a pending invitation: send it again, withdraw it. */
export function InvitationActions({ invitation }: { invitation: { id: string; email: string; role: Role } }) {
  const [resendState, resend] = useActionState(inviteMemberAction, null);
  const [revokeState, revoke] = useActionState(revokeInvitationAction, null);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <form action={resend}>
          <input type="hidden" name="email" value={invitation.email} />
          <input type="hidden" name="role" value={invitation.role} />
          <SubmitButton
            variant="secondary"
            pendingLabel="Sending…"
            aria-label={`Send the invitation to ${invitation.email} again`}
          >
            Send again
          </SubmitButton>
        </form>
        <form action={revoke}>
          <input type="hidden" name="invitationId" value={invitation.id} />
          <SubmitButton
            variant="secondary"
            pendingLabel="Withdrawing…"
            aria-label={`Withdraw the invitation to ${invitation.email}`}
          >
            Withdraw
          </SubmitButton>
        </form>
      </div>
      <ActionMessage state={revokeState ?? resendState} />
    </div>
  );
}
