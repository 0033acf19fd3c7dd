"use server";

import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { signIn } from "../auth/config";
import { linkContext } from "../auth/email-context";
import { ROLE_INFO } from "../auth/roles";
import { changeRole, inviteMember, removeMember, revokeInvitation } from "../data/team";
import { changeRoleSchema, inviteSchema, removeMemberSchema, revokeInvitationSchema } from "../validations/team";
import { fail } from "../result";
import { createAction, type ActionResult } from "./safe-action";

/** Invites someone (or re-sends their invitation) by email, with a sign-in link. Owners only. */
export const inviteMemberAction = createAction(
  { role: "OWNER", schema: inviteSchema },
  async ({ email, role }, user) => {
    const saved = await inviteMember({ actor: user, email, role });
    if (!saved.ok) return saved;
    const again = "pending" in saved ? saved.pending.role : null;
    let result: ActionResult = {
      ok: true,
      message:
        again === null
          ? `Invitation sent to ${email}.`
          : again === role
            ? `Invitation sent again to ${email}.`
            : `Invitation sent again to ${email}, now as ${ROLE_INFO[role].label} (it was ${ROLE_INFO[again].label}); the earlier email's link no longer works.`,
    };
    try {
      await linkContext.run({ kind: "invitation", invitedBy: user.name || user.email, role }, () =>
        signIn("nodemailer", { email, redirect: false, redirectTo: "/dashboard" }),
      );
    } catch (error) {
      unstable_rethrow(error);
      console.error(`[team] invitation email not sent: ${(error as Error).message}`);
      result = fail(`The invitation is saved, but the email to ${email} could not be sent. Try sending it again.`);
    }
    revalidatePath("/team");
    return result;
  },
);

/** Changes a member's role. Owners only; the last owner keeps the role. */
export const changeRoleAction = createAction(
  { role: "OWNER", schema: changeRoleSchema },
  async ({ userId, role }, user) => {
    const result = await changeRole({ actor: user, userId, role });
    revalidatePath("/team");
    return result.ok ? { ok: true, message: "Role changed." } : result;
  },
);

/** Removes a member and ends their sessions. Owners only; never the last owner. */
export const removeMemberAction = createAction(
  { role: "OWNER", schema: removeMemberSchema },
  async ({ userId }, user) => {
    const result = await removeMember({ actor: user, userId });
    revalidatePath("/team");
    return result.ok
      ? { ok: true, message: `${result.email} is removed: signed out everywhere, and can no longer sign in.` }
      : result;
  },
);

/** Withdraws a pending invitation. Owners only. */
export const revokeInvitationAction = createAction(
  { role: "OWNER", schema: revokeInvitationSchema },
  async ({ invitationId }, user) => {
    const result = await revokeInvitation({ actor: user, invitationId });
    revalidatePath("/team");
    return result.ok ? { ok: true, message: "Invitation withdrawn." } : result;
  },
);
