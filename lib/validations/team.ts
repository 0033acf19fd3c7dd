import { z } from "zod";
import { emailSchema } from "./auth";

export const roleSchema = z.enum(["OWNER", "ADMIN", "VIEWER"], { error: "Choose a role." });

export const inviteSchema = z.object({ email: emailSchema, role: roleSchema });
export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });
export const removeMemberSchema = z.object({ userId: z.string().min(1) });
export const revokeInvitationSchema = z.object({ invitationId: z.string().min(1) });
