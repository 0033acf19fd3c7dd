import css from "./root-pages.pcss";

/** The stylesheet of the root's not-found and forbidden pages, inside their HTML (app/root-pages.pcss). */
export function RootPageStyles() {
  return (
    <style href="root-pages-css" precedence="default">
      {css}
    </style>
  );
}
