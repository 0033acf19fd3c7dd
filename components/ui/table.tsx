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
      <table className={`w-full text-left text-sm ${className}`} {...props} />
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
  return <th scope={scope} className={`px-2.5 py-2.5 font-medium sm:px-4 ${className}`} {...props} />;
}

export function TableCell({ className = "", ...props }: ComponentProps<"td">) {
  return <td className={`px-2.5 py-3 sm:px-4 ${className}`} {...props} />;
}
