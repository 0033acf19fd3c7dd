import { z } from "zod";
import { emailSchema } from "./auth";
import { idSchema } from "./text";

export const roleSchema = z.enum(["OWNER", "ADMIN", "VIEWER"], { error: "Choose a role." });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ userId: idSchema, role: roleSchema });
export const removeMemberSchema = z.object({ userId: idSchema });
export const revokeInvitationSchema = z.object({ invitationId: idSchema });
