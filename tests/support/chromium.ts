import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Flags for Debian's Chromium on offline machines (background services would only fail). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * Which Chromium the browser tests use: CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else Playwright's own download. `undefined` means "Playwright's own"; null means none.
 */
export function findChromium(): string | undefined | null {
  for (const candidate of [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright has no browser of its own either.
  }
  return null;
}

export const NO_CHROMIUM_MESSAGE = `No Chromium found for the browser tests. Install one of:
  - Debian/Ubuntu:          sudo apt-get install -y chromium
  - Playwright's own build: npx playwright install chromium
or point CHROMIUM_PATH at a Chromium or Chrome binary.`;
