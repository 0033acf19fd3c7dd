"use client";

import css from "./onboard.pcss";

/**
 * The end client's stylesheet inside the HTML, hoisted into the head. A client component so
 * that it is not in the RSC payload too (a server component's <style> went in both: 17 kB
 * twice, which took the HTML past the first round trip of a slow connection). Only the
 * server's HTML has the rules: the browser's bundle imports "" (next.config.ts), and React
 * keeps the <style> it finds in the head by its href.
 */
export function OnboardStyle() {
  return (
    <style href="onboard-css" precedence="default">
      {css}
    </style>
  );
}
