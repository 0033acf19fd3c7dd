import { defineConfig, devices } from "@playwright/test";
import { testDatabaseUrl } from "./scripts/lib/test-database";
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM_MESSAGE } from "./tests/support/chromium";
import { E2E_APP_URL, E2E_MAIL_HTTP_PORT, E2E_MAIL_SMTP_PORT } from "./tests/support/e2e-ports";

const executablePath = findChromium();
if (executablePath === null) throw new Error(NO_CHROMIUM_MESSAGE);
// The test deployment's certificate is self-signed (tests/support/e2e-stack.ts). Playwright's
// ignoreHTTPSErrors covers pages but not Chromium's download manager, which cancels a download
// from an untrusted certificate (the CSV export): the browser is told to accept it too.
const launchOptions = { executablePath, args: [...CHROMIUM_ARGS, "--ignore-certificate-errors"] };
// The tests read and arrange data in the same database as the app they drive.
process.env.DATABASE_URL = testDatabaseUrl();

export default defineConfig({
  testDir: "tests/e2e",
  // One worker: the tests share one app and one database, and some change the agency's settings.
  workers: 1,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: true,
  // No retries: a test that passes only on a second try is a bug to find.
  retries: 0,
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL: E2E_APP_URL,
    ignoreHTTPSErrors: true,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  projects: [
    // Signs in one member per role through the email link and saves each one's browser state
    // (tests/e2e/auth.setup.ts); specs that only need someone signed in start from it.
    { name: "setup", testMatch: /auth\.setup\.ts$/, use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "desktop", dependencies: ["setup"], use: { ...devices["Desktop Chrome"], launchOptions } },
    // Tests tagged @phone run at phone size too.
    { name: "phone", grep: /@phone/, dependencies: ["setup"], use: { ...devices["Pixel 7"], launchOptions } },
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
      // The app as deployed: a production build behind https, with the fake ChakraHQ.
      command: "npx tsx tests/support/e2e-stack.ts",
      url: `${E2E_APP_URL}/sign-in`,
      ignoreHTTPSErrors: true,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { DATABASE_URL: testDatabaseUrl() },
    },
  ],
});
