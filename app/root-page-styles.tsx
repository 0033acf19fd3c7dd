"use client";

import css from "./root-pages.pcss";

/**
 * The stylesheet of the root's not-found and forbidden pages, inside their HTML
 * (app/root-pages.pcss). A client component, as app/onboard/onboard-style.tsx: a root
 * boundary's elements are in every page's RSC payload, and a server component's <style> put
 * these rules there too. The browser's bundle imports "" (next.config.ts); a not-found page
 * reached by navigation in the browser keeps the stylesheet of the page it came from.
 */
export function RootPageStyles() {
  return (
    <style href="root-pages-css" precedence="default">
      {css}
    </style>
  );
}
