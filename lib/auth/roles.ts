import type { Role } from "../generated/prisma/sqlite/enums";

export type { Role };

export const ROLES: Role[] = ["OWNER", "ADMIN", "VIEWER"];

const RANK: Record<Role, number> = { VIEWER: 0, ADMIN: 1, OWNER: 2 };

/** Whether `role` may do what `required` may do. */
export function hasRole(role: Role, required: Role): boolean {
  return RANK[role] >= RANK[required];
}

export const ROLE_INFO: Record<Role, { label: string; description: string }> = {
  OWNER: { label: "Owner", description: "Everything, including the team and agency settings" },
  ADMIN: { label: "Admin", description: "Clients, onboarding links and WhatsApp settings" },
  VIEWER: { label: "Viewer", description: "Sees everything, changes nothing" },
};
