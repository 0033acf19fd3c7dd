"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Select } from "@/components/ui/field";
import { changeRoleAction, removeMemberAction } from "@/lib/actions/team";
import { ROLE_INFO, ROLES, type Role } from "@/lib/auth/roles";

/** An owner's controls on one member's row: change the role, remove. */
export function MemberActions({ member }: { member: { id: string; email: string; role: Role } }) {
  const [roleState, changeRole] = useActionState(changeRoleAction, null);
  const [removeState, remove] = useActionState(removeMemberAction, null);
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
        <ConfirmDialog
          trigger="Remove"
          title={`Remove ${member.email}?`}
          description="They are signed out everywhere at once and can no longer sign in. You can invite them again later."
        >
          <form action={remove}>
            <input type="hidden" name="userId" value={member.id} />
            <SubmitButton variant="danger" pendingLabel="Removing…">
              Remove from the team
            </SubmitButton>
          </form>
        </ConfirmDialog>
      </div>
      <ActionMessage state={removeState && !removeState.ok ? removeState : roleState} />
    </div>
  );
}
