import css from "./onboard.pcss";

/**
 * The end client's pages: their stylesheet inside the HTML. A phone on a slow network paints
 * the page with the HTML alone, not one round trip later; the rules are few (only the
 * classes these pages use) and React sends them once, hoisted into the head.
 */
export default function OnboardLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <style href="onboard-css" precedence="default">
        {css}
      </style>
      {children}
    </>
  );
}
