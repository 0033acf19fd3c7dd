"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/dashboard", label: "Dashboard" },
  { href: "/clients", label: "Clients" },
  { href: "/overview", label: "WhatsApp" },
  { href: "/team", label: "Team" },
] as const;
const OWNER_LINKS = [
  { href: "/background", label: "Background work" },
  { href: "/settings", label: "Settings" },
] as const;

/** The main links: in a row in the header, or a column in the phone's menu. */
export function NavLinks({ isOwner, column = false }: { isOwner: boolean; column?: boolean }) {
  const pathname = usePathname();
  return (
    <ul className={column ? "flex flex-col gap-1" : "flex flex-wrap gap-1"}>
      {[...LINKS, ...(isOwner ? OWNER_LINKS : [])].map(({ href, label }) => {
        const current = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <li key={href}>
            <Link
              href={href}
              aria-current={current ? "page" : undefined}
              className={`${column ? "flex" : "inline-flex"} min-h-10 items-center rounded-lg px-3 text-sm font-medium focus-visible:outline-3 focus-visible:outline-teal-500 ${current ? "bg-slate-900 text-white" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
