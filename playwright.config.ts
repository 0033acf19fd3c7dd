import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { testDatabaseUrl } from "./scripts/lib/test-database";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "./tests/support/chromium";
import { E2E_APP_PORT, E2E_FAKE_PORT, E2E_MAIL_HTTP_PORT, E2E_MAIL_SMTP_PORT } from "./tests/support/e2e-ports";

const executablePath = findChromium();
if (executablePath === null) throw new Error(NO_CHROMIUM_MESSAGE);
const launchOptions = { executablePath, args: CHROMIUM_ARGS };
const baseURL = `http://localhost:${E2E_APP_PORT}`;
// The tests read and arrange data in the same database as the app they drive.
process.env.DATABASE_URL = testDatabaseUrl();

export default defineConfig({
  testDir: "tests/e2e",
  // One worker: the app runs in development mode and compiles pages on first visit.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  // On CI's loaded machine a browser test may be retried once; scripts/test.ts reports a
  // test that passed only on its retry as flaky, by name, so it is seen and mended.
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: { baseURL, trace: "retain-on-failure", screenshot: "only-on-failure" },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    // Tests tagged @phone run at phone size too.
    { name: "phone", grep: /@phone/, use: { ...devices["Pixel 7"], launchOptions } },
  ],
  webServer: [
    {
      // A real SMTP server that keeps every email, readable over HTTP by the tests.
      command: "npx tsx tests/support/mail-catcher.ts",
      url: `http://127.0.0.1:${E2E_MAIL_HTTP_PORT}/health`,
      reuseExistingServer: false,
      env: { MAIL_CATCHER_SMTP_PORT: String(E2E_MAIL_SMTP_PORT), MAIL_CATCHER_HTTP_PORT: String(E2E_MAIL_HTTP_PORT) },
    },
    {
      // The same runner as `npm run dev`: migrations, the fake ChakraHQ, then Next.js.
      command: "npx tsx scripts/dev.ts",
      url: baseURL,
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        APP_URL: baseURL,
        PORT: String(E2E_APP_PORT),
        FAKE_CHAKRA_PORT: String(E2E_FAKE_PORT),
        FAKE_CHAKRA_STATE_FILE: path.join(tmpdir(), `po-e2e-fake-chakra-${process.pid}.json`),
        DATABASE_URL: testDatabaseUrl(),
        NEXT_DIST_DIR: ".next-test",
        // Always the fake, whatever a developer's .env says.
        CHAKRA_API_TOKEN: "",
        CHAKRA_BASE_URL: "",
        CHAKRA_SDK_URL: "",
        SMTP_URL: `smtp://127.0.0.1:${E2E_MAIL_SMTP_PORT}`,
        INITIAL_ADMIN_EMAIL: "",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});
