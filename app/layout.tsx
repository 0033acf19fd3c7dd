import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { documentLanguage } from "@/lib/i18n/request";

export const metadata: Metadata = {
  title: { default: "Partner Onboarding", template: "%s · Partner Onboarding" },
  description: "Onboard your clients onto WhatsApp through ChakraHQ.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // Every page is rendered per request: each gets its own CSP nonce (proxy.ts), and a build
  // (a container image's, say) never needs the database.
  await connection();
  // English, but on an end client's onboarding page the language (and direction) it is shown in.
  const { lang, dir } = await documentLanguage();
  return (
    <html lang={lang} dir={dir}>
      {/* System fonts here: the end client's phone page loads no web font. The member pages
          load Geist through their layouts (components/fonts.ts). No stylesheet here either:
          the agency's pages import app/globals.css, the end client's has its own. */}
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
