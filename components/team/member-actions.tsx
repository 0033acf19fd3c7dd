"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { Select } from "@/components/ui/field";
import { changeRoleAction, removeMemberAction } from "@/lib/actions/team";
import { ROLE_INFO, ROLES, type Role } from "@/lib/auth/roles";

/** An owner's controls on one member's row: change the role, remove. `self`: the owner's own row. */
export function MemberActions({
  member,
  self = false,
}: {
  member: { id: string; email: string; role: Role };
  self?: boolean;
}) {
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
          triggerLabel={self ? `Remove yourself (${member.email})` : `Remove ${member.email}`}
          title={self ? "Remove yourself from the team?" : `Remove ${member.email}?`}
          description={
            self
              ? `This is you (${member.email}). You are signed out at once and can no longer sign in; only another owner can invite you again.`
              : "They are signed out everywhere at once and can no longer sign in. You can invite them again later."
          }
          action={removeMemberAction}
          fields={{ userId: member.id }}
          confirmLabel={self ? "Remove me" : "Remove from the team"}
          pendingLabel="Removing…"
        />
      </div>
      <ActionMessage state={roleState} />
    </div>
  );
}
