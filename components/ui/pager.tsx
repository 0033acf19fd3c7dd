import type { Route } from "next";
import Link from "next/link";
import { buttonClass } from "./button-class";

/**
 * Previous / Next links under a paged list, with "Page n of m" between them; nothing when
 * everything fits on one page. `hrefFor` builds the link to a page (keeping the list's
 * search and filters).
 */
export function Pager({
  page,
  pageCount,
  hrefFor,
}: {
  page: number;
  pageCount: number;
  hrefFor: (page: number) => Route;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="flex items-center justify-between gap-2 text-sm">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={buttonClass("secondary")}>
          ← Previous
        </Link>
      ) : (
        <span />
      )}
      <span className="text-slate-600">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={buttonClass("secondary")}>
          Next →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
