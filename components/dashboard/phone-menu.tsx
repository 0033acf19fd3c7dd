"use client";

import { useRef, type KeyboardEvent, type ReactNode } from "react";
import { usePathname } from "next/navigation";

/**
 * The navigation on a phone: one "Menu" button instead of three rows of links before any
 * content. A <details> works by keyboard and before the page's script runs; keyed on the
 * address, it closes again once a link in it was followed. Escape closes it, focus back on "Menu".
 */
export function PhoneMenu({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const menu = useRef<HTMLDetailsElement>(null);
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !menu.current?.open) return;
    menu.current.open = false;
    menu.current.querySelector("summary")?.focus();
  };
  return (
    <details key={pathname} ref={menu} onKeyDown={closeOnEscape} className="group sm:hidden">
      <summary className="inline-flex min-h-10 cursor-pointer list-none items-center gap-1.5 rounded-lg px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-3 focus-visible:outline-teal-500 [&::-webkit-details-marker]:hidden">
        <svg aria-hidden viewBox="0 0 20 20" className="size-4 fill-current">
          <path d="M3 5h14v2H3zm0 4h14v2H3zm0 4h14v2H3z" className="group-open:hidden" />
          <path
            d="M5.05 3.64 10 8.59l4.95-4.95 1.41 1.41L11.41 10l4.95 4.95-1.41 1.41L10 11.41l-4.95 4.95-1.41-1.41L8.59 10 3.64 5.05z"
            className="hidden group-open:block"
          />
        </svg>
        Menu
      </summary>
      <div className="absolute inset-x-0 top-full z-20 border-b border-slate-200 bg-white px-4 pt-2 pb-4 shadow-md">
        {children}
      </div>
    </details>
  );
}
