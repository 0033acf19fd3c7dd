"use client";

import rootPagesCss from "./root-pages.pcss";
import onboardCss from "./onboard/onboard.pcss";

/*
 * The root error boundary, and the two components that put a stylesheet inside a page's HTML
 * (the root's not-found and forbidden pages', the end client's page's). One module: every page
 * loads the root boundaries' client code anyway, and each module of its own came as one more
 * script file on the end client's page (~450 bytes of headers each, a few dozen of code).
 *
 * No stylesheet import: a root boundary's CSS goes onto every page. The error page's classes are
 * in the agency's stylesheet (app/globals.css) and the end client's (app/onboard/onboard.pcss).
 * The .pcss imports above are text, for the components below, and empty in the browser's bundle
 * (next.config.ts): only the server's HTML has the rules, and React keeps the <style> it finds in
 * the head by its href. Client components so that the rules are not in the RSC payload too (a
 * server component's <style> went in both: the end client's 17 kB twice, which took the HTML past
 * the first round trip of a slow connection).
 */

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 px-4 py-16">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-slate-600">The page could not be shown. It has been logged; you can try again.</p>
      <div>
        <button
          type="button"
          onClick={reset}
          className="rounded-lg bg-slate-900 px-4 py-2 font-medium text-white hover:bg-slate-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-slate-400"
        >
          Try again
        </button>
      </div>
    </main>
  );
}

/**
 * The stylesheet of the root's not-found and forbidden pages (app/root-pages.pcss). A not-found
 * page reached by navigation in the browser keeps the stylesheet of the page it came from.
 */
export function RootPageStyles() {
  return (
    <style href="root-pages-css" precedence="default">
      {rootPagesCss}
    </style>
  );
}

/**
 * The end client's stylesheet (app/onboard/onboard.pcss: only the classes its page uses),
 * rendered by that page: a phone on a slow network paints it with the HTML alone, not one round
 * trip later.
 */
export function OnboardStyle() {
  return (
    <style href="onboard-css" precedence="default">
      {onboardCss}
    </style>
  );
}
