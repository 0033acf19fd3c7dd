"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { Select } from "@/components/ui/field";
import { changeRoleAction, removeMemberAction } from "@/lib/actions/team";
import { ROLE_INFO, ROLES, type Role } from "@/lib/auth/roles";

/** An owner's controls on one member's row: change the role, remove. */
export function MemberActions({ member }: { member: { id: string; email: string; role: Role } }) {
  const [roleState, changeRole] = useActionState(changeRoleAction, null);
  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap items-center gap-2">
        <form action={changeRole} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={member.id} />
          <label htmlFor={`role-${member.id}`} className="sr-only">
            Role of {member.email}
          </label>
          <Select id={`role-${member.id}`} name="role" defaultValue={member.role} className="w-32">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_INFO[r].label}
              </option>
            ))}
          </Select>
          <SubmitButton variant="secondary" pendingLabel="Saving…" aria-label={`Save the role of ${member.email}`}>
            Save
          </SubmitButton>
        </form>
        <ConfirmActionForm
          trigger="Remove"
          triggerLabel={`Remove ${member.email}`}
          title={`Remove ${member.email}?`}
          description="They are signed out everywhere at once and can no longer sign in. You can invite them again later."
          action={removeMemberAction}
          fields={{ userId: member.id }}
          confirmLabel="Remove from the team"
          pendingLabel="Removing…"
        />
      </div>
      <ActionMessage state={roleState} />
    </div>
  );
}
