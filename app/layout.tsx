import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Partner Onboarding", template: "%s · Partner Onboarding" },
  description: "Onboard your clients onto WhatsApp through ChakraHQ.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  // Every page is rendered per request: each gets its own CSP nonce (proxy.ts), and a build
  // (a container image's, say) never needs the database.
  await connection();
  return (
    <html lang="en">
      {/* System fonts here: the end client's phone page loads no web font. The member pages
          load Geist through their layouts (components/fonts.ts). */}
      <body className="min-h-dvh font-sans">{children}</body>
    </html>
  );
}
