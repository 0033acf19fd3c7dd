import type { ComponentProps } from "react";

/*
 * A data table in a white card, as on every list page (after saas-starter's components/ui/card.tsx:
 * one small component per element, each taking its element's props). A wide table scrolls
 * inside its card rather than widening the page; on a phone its cells are narrower.
 */

export function Table({
  className = "",
  containerClassName = "",
  ...props
}: ComponentProps<"table"> & { containerClassName?: string }) {
  return (
    <div className={`overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm ${containerClassName}`}>
      {/* Cells' side padding is set here once, not on each of them (the overview's 25 rows ×
          5 cells, in its HTML and its RSC payload alike): narrower on a phone. */}
      <table className={`w-full text-left text-sm *:*:*:px-2.5 sm:*:*:*:px-4 ${className}`} {...props} />
    </div>
  );
}

export function TableCaption({ className = "", ...props }: ComponentProps<"caption">) {
  return <caption className={`px-4 pt-3 text-left font-medium ${className}`} {...props} />;
}

export function TableHead({ className = "", ...props }: ComponentProps<"thead">) {
  return <thead className={`border-b border-slate-200 bg-slate-50 text-slate-600 ${className}`} {...props} />;
}

export function TableBody({ className = "", ...props }: ComponentProps<"tbody">) {
  return <tbody className={`divide-y divide-slate-100 ${className}`} {...props} />;
}

export function TableRow(props: ComponentProps<"tr">) {
  return <tr {...props} />;
}

/** A column's heading: `scope="col"` unless said otherwise. */
export function TableHeader({ className = "", scope = "col", ...props }: ComponentProps<"th">) {
  return <th scope={scope} className={`py-2.5 font-medium ${className}`} {...props} />;
}

export function TableCell({ className = "", ...props }: ComponentProps<"td">) {
  return <td className={`py-3 ${className}`} {...props} />;
}
