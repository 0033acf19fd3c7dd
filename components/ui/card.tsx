import type { ComponentProps } from "react";

/*
 * A white card with a heading, as on every page (after saas-starter's components/ui/card.tsx).
 * A card that is a page region is a <section> named by its title: pass the title's id as
 * aria-labelledby.
 */

export function Card({ className = "", ...props }: ComponentProps<"section">) {
  return <section className={`rounded-xl border border-slate-200 bg-white p-5 shadow-sm ${className}`} {...props} />;
}

/** The title row: the title (and description) on the left, actions on the right, wrapping on a phone. */
export function CardHeader({ className = "", ...props }: ComponentProps<"div">) {
  return <div className={`flex flex-wrap items-start justify-between gap-x-4 gap-y-2 ${className}`} {...props} />;
}

export function CardTitle({ className = "", ...props }: ComponentProps<"h2">) {
  return <h2 className={`font-semibold ${className}`} {...props} />;
}

export function CardDescription({ className = "", ...props }: ComponentProps<"p">) {
  return <p className={`mt-1 text-sm text-slate-500 ${className}`} {...props} />;
}

export function CardContent({ className = "", ...props }: ComponentProps<"div">) {
  return <div className={`mt-3 ${className}`} {...props} />;
}
