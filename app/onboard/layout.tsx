import { OnboardStyle } from "./onboard-style";

/**
 * The end client's pages: their stylesheet inside the HTML (./onboard-style.tsx). A phone on a
 * slow network paints the page with the HTML alone, not one round trip later; the rules are
 * few (only the classes these pages use, ./onboard.pcss).
 */
export default function OnboardLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <OnboardStyle />
      {children}
    </>
  );
}
