import type { NextConfig } from "next";
// Validates the environment when `next dev` or `next build` starts: a bad setting stops
// it here with the variable's name, not later on the first request.
import "./lib/env";

const nextConfig: NextConfig = {
  // The browser tests run their own `next dev` beside a developer's, in another folder.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  transpilePackages: ["geist"],
  poweredByHeader: false,
  typedRoutes: true,
  // forbidden(): the 403 page for members whose role does not allow a page.
  experimental: { authInterrupts: true },
  async headers() {
    // Onboarding addresses carry a secret token: never send it on as a referrer.
    return [{ source: "/onboard/:token*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] }];
  },
};

export default nextConfig;
