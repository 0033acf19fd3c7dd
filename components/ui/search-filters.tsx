import type { Route } from "next";
import Link from "next/link";
import { buttonClass } from "./button-class";

/*
 * A list's search box and its filter pills. A plain GET form and links: the view lives in the
 * address, works before any script, and the back button undoes it.
 */

export type FilterPill = {
  key: string;
  label: string;
  href: Route;
  current: boolean;
  /** Shown after the label (how many the filter finds). */
  count?: number;
};

export function SearchFilters({
  action,
  label,
  defaultValue,
  placeholder,
  maxLength,
  hidden = {},
  error,
  filtersLabel,
  filters,
}: {
  /** The list's path; the form's fields become its query. */
  action: Route;
  /** The search box's accessible name ("Search clients"). */
  label: string;
  defaultValue: string;
  placeholder: string;
  maxLength?: number;
  /** The rest of the view, kept when searching (empty values are left out). */
  hidden?: Record<string, string | undefined>;
  /** Why the search could not run; said under the box. */
  error?: string | null;
  /** The filters' navigation's name ("Filter by status"). */
  filtersLabel: string;
  filters: FilterPill[];
}) {
  return (
    <div className="flex flex-col gap-3">
      <form role="search" action={action} className="flex flex-wrap gap-2">
        {Object.entries(hidden).map(([name, value]) =>
          value ? <input key={name} type="hidden" name={name} value={value} /> : null,
        )}
        <label htmlFor="q" className="sr-only">
          {label}
        </label>
        <input
          id="q"
          name="q"
          type="search"
          maxLength={maxLength}
          defaultValue={defaultValue}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "q-error" : undefined}
          placeholder={placeholder}
          className="min-w-0 flex-1 basis-64 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base shadow-xs focus:border-teal-600 focus:outline-3 focus:outline-teal-500/30 sm:text-sm"
        />
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
        {error ? (
          <p id="q-error" role="alert" className="basis-full text-sm text-red-700">
            {error} Showing the list without it.
          </p>
        ) : null}
      </form>

      {/* Wrapped, not scrolled sideways: on a phone a cut-off chip did not show there was more. */}
      <nav aria-label={filtersLabel} className="flex flex-wrap gap-1.5">
        {filters.map((filter) => (
          <Link
            key={filter.key}
            href={filter.href}
            aria-current={filter.current ? "page" : undefined}
            className={`inline-flex min-h-9 shrink-0 items-center gap-1.5 rounded-full border px-3 text-sm whitespace-nowrap ${filter.current ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
          >
            {filter.label}
            {filter.count === undefined ? null : (
              <span className={filter.current ? "text-slate-300" : "text-slate-500"}>{filter.count}</span>
            )}
          </Link>
        ))}
      </nav>
    </div>
  );
}
