import type { NextConfig } from "next";
import path from "node:path";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { env } from "./lib/env";
import { buildFileHeaders, staticSecurityHeaders } from "./lib/http/security-headers";

export default async function config(phase: string): Promise<NextConfig> {
  // A build needs no production secrets (lib/env.ts isBuilding); Next sets NEXT_PHASE itself
  // only after this config has loaded.
  if (phase === PHASE_PRODUCTION_BUILD) process.env.NEXT_PHASE = phase;
  // Validates the environment when `next dev`, `next build` or the server starts: a bad
  // setting stops it here with the variable's name, not later on the first request.
  const production = env.isProduction;

  return {
    // The browser tests build and run their own copy beside a developer's `npm run dev`.
    distDir: process.env.NEXT_DIST_DIR || ".next",
    transpilePackages: ["geist"],
    // The job queues load their own files at run time (liteque its migrations), so they stay unbundled.
    serverExternalPackages: ["liteque", "pg-boss"],
    poweredByHeader: false,
    turbopack: {
      rules: {
        // `import css from "./x.pcss"`: the compiled Tailwind stylesheet as a string, on the server
        // (app/onboard/onboard-style.tsx); the browser's bundle gets "". Not *.css: Next takes every
        // .css a server component imports for a <link>.
        "*.pcss": [
          {
            condition: { not: "browser" },
            loaders: [path.resolve("scripts/build/tailwind-inline-loader.cjs")],
            as: "*.js",
          },
          {
            condition: "browser",
            loaders: [{ loader: path.resolve("scripts/build/tailwind-inline-loader.cjs"), options: { empty: true } }],
            as: "*.js",
          },
        ],
      },
    },
    typedRoutes: true,
    experimental: {
      // Fewer, larger script files (Turbopack's defaults: up to 40 per page, merged below 50 kB):
      // Next's own start-up code came in 6 files on every page (the bare Next page's: 3), each
      // with ~450 bytes of response headers; the end client's page, always a first visit from an
      // email, loaded 11. Now 4 + 3 there, 9 instead of 13 on the agency's largest pages; every
      // page's JavaScript is smaller, and the build's files add up to the same bytes (nothing is
      // duplicated across pages).
      turbopackChunking: { maxChunkCountPerGroup: 3, minChunkSize: 400_000 },
      // forbidden(): the 403 page for members whose role does not allow a page.
      authInterrupts: true,
      serverActions: {
        // Next accepts a server action only from a page whose Origin matches the request's
        // Host; behind a proxy that rewrites Host, APP_URL says which origin is the app's.
        // `npm start` serves the configuration the build resolved and sets this one again from
        // the APP_URL it runs with (scripts/start.mjs).
        allowedOrigins: [new URL(env.APP_URL).host],
        // A little above a CSV import's limit (IMPORT_MAX_BYTES, 2 MB, lib/validations/clients.ts),
        // so the import answers with its own message; a larger body fails before any action runs.
        bodySizeLimit: "2.5mb",
      },
    },
    async headers() {
      return [
        { source: "/((?!_next/static/).*)", headers: staticSecurityHeaders({ production }) },
        { source: "/_next/static/:path*", headers: buildFileHeaders({ production }) },
        // Onboarding addresses carry a secret token: never send it on as a referrer.
        { source: "/onboard/:token*", headers: [{ key: "Referrer-Policy", value: "no-referrer" }] },
      ];
    },
  };
}
