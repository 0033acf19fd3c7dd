import { ROLE_INFO, type Role } from "@/lib/auth/roles";

const COLORS: Record<Role, string> = {
  OWNER: "bg-violet-100 text-violet-800",
  ADMIN: "bg-teal-100 text-teal-800",
  VIEWER: "bg-slate-100 text-slate-700",
};

export function RoleBadge({ role }: { role: Role }) {
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${COLORS[role]}`}>
      {ROLE_INFO[role].label}
    </span>
  );
}
