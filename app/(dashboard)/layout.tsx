import Link from "next/link";
import { connection } from "next/server";
import { NavLinks } from "@/components/dashboard/nav-links";
import { MEMBER_FONTS } from "@/components/fonts";
import { Providers } from "@/components/providers";
import { PhoneMenu } from "@/components/dashboard/phone-menu";
import { SignOutButton } from "@/components/dashboard/sign-out-button";
import { RoleBadge } from "@/components/ui/role-badge";
import { requireUser } from "@/lib/auth/guards";
import { getAgencyBranding } from "@/lib/data/agency";
import { readableOnWhite } from "@/lib/brand-color";
import "../globals.css";

/** The signed-in frame. Each page still runs its own guard: layouts do not re-run on navigation. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  await connection(); // nothing is read from the database while `next build` prerenders
  const [user, agency] = await Promise.all([requireUser(), getAgencyBranding()]);
  const isOwner = user.role === "OWNER";
  return (
    <div className={`${MEMBER_FONTS} min-h-dvh`}>
      {/* The first Tab stop: past the navigation to the page itself. */}
      <a
        href="#content"
        className="sr-only rounded-lg bg-white px-3 py-2 font-medium text-teal-800 shadow focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
      >
        Skip to the page
      </a>
      {/* On a phone one row: the agency, the menu (links, who is signed in) and "Sign out". */}
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-x-6 gap-y-2 px-4 py-2 sm:flex-wrap sm:px-6 sm:py-3">
          <div className="flex min-w-0 items-center gap-x-6 gap-y-2 sm:flex-wrap">
            {/* A long name is cut (said whole on hover) before it pushes the links onto a second row. */}
            <Link
              href="/dashboard"
              className="truncate font-semibold sm:max-w-56"
              title={agency.name}
              style={{ color: readableOnWhite(agency.brandColor) }}
            >
              {agency.name}
            </Link>
            <nav aria-label="Main" className="hidden sm:block">
              <NavLinks isOwner={isOwner} />
            </nav>
          </div>
          <div className="flex shrink-0 items-center gap-1 sm:hidden">
            <PhoneMenu>
              <nav aria-label="Main">
                <NavLinks isOwner={isOwner} column />
              </nav>
              <p className="mt-3 flex min-w-0 items-center gap-2 border-t border-slate-100 pt-3 text-sm">
                <span className="truncate text-slate-600">{user.email}</span>
                <RoleBadge role={user.role} />
              </p>
            </PhoneMenu>
            <SignOutButton />
          </div>
          <div className="hidden min-w-0 items-center gap-2 text-sm sm:flex">
            <span className="truncate text-slate-600" title={user.email}>
              {user.email}
            </span>
            <RoleBadge role={user.role} />
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="content" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-6 outline-none sm:px-6 sm:py-8">
        {/* react-query only where members are: the end client's page does not load it. */}
        <Providers>{children}</Providers>
      </main>
    </div>
  );
}
