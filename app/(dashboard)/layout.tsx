import Link from "next/link";
import { NavLinks } from "@/components/dashboard/nav-links";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { RoleBadge } from "@/components/ui/role-badge";
import { requireUser } from "@/lib/auth/guards";
import { getAgencyBranding } from "@/lib/data/agency";

/** The signed-in frame. Each page still runs its own guard: layouts do not re-run on navigation. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const [user, agency] = await Promise.all([requireUser(), getAgencyBranding()]);
  return (
    <div className="min-h-dvh">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-6 gap-y-2 px-4 py-3 sm:px-6">
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
            <Link href="/dashboard" className="font-semibold" style={{ color: agency.brandColor }}>
              {agency.name}
            </Link>
            <nav aria-label="Main">
              <NavLinks isOwner={user.role === "OWNER"} />
            </nav>
          </div>
          <div className="flex min-w-0 items-center gap-2 text-sm">
            <span className="truncate text-slate-600" title={user.email}>
              {user.email}
            </span>
            <RoleBadge role={user.role} />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto w-full max-w-6xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
