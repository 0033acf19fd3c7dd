// `npm test`: unit and integration tests (vitest), then browser tests (Playwright), on a
// test database of their own (TEST_DATABASE_URL, SQLite by default). Ends with one line
// "N passed, N failed" that counts both runners.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { resolveDatabaseUrl } from "../lib/database-url";
import { findChromium, NO_CHROMIUM_MESSAGE } from "../tests/support/chromium";
import { ROOT } from "./lib/prisma-schema";
import { resetTestDatabase, testDatabaseUrl } from "./lib/test-database";

const bin = (name: string) => path.join(ROOT, "node_modules/.bin", name);
const results = path.join(ROOT, "test-results");

if (findChromium() === null) {
  console.error(NO_CHROMIUM_MESSAGE);
  process.exit(1);
}

const target = resolveDatabaseUrl(testDatabaseUrl());
console.log(`Test database: ${target.provider === "sqlite" ? target.filePath : "PostgreSQL (TEST_DATABASE_URL)"}`);

// The tests always run against the fake ChakraHQ and the test database, whatever .env says.
const env = {
  ...process.env,
  DATABASE_URL: testDatabaseUrl(),
  CHAKRA_API_TOKEN: "",
  CHAKRA_BASE_URL: "",
  CHAKRA_SDK_URL: "",
  NEXT_TELEMETRY_DISABLED: "1",
  // Vite's notice about a future config loader; nothing to act on here.
  VITE_CONFIG_NATIVE_IGNORE_WARNING: "true",
};

type Count = { passed: number; failed: number; skipped: number };

function runner(name: string, command: string, args: string[], report: string, read: (json: never) => Count): Count {
  rmSync(report, { force: true });
  console.log(`\n=== ${name}\n`);
  const { status } = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env });
  if (!existsSync(report)) {
    console.error(`${name} ended (exit ${status}) without a report: counted as one failure.`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const count = read(JSON.parse(readFileSync(report, "utf8")) as never);
  // A runner that failed outside any test (a crashed setup, say) still fails the run.
  if (status !== 0 && count.failed === 0) count.failed = 1;
  return count;
}

const vitestReport = path.join(results, "vitest.json");
const unit = runner(
  "Unit and integration tests (vitest)",
  bin("vitest"),
  ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`],
  vitestReport,
  (r: { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number }) => ({
    passed: r.numPassedTests,
    failed: r.numFailedTests,
    skipped: r.numPendingTests + r.numTodoTests,
  }),
);

await resetTestDatabase(target); // the browser tests start from a clean database too
const playwrightReport = path.join(results, "playwright.json");
const browser = runner(
  "Browser tests (Playwright)",
  bin("playwright"),
  ["test"],
  playwrightReport,
  (r: { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }) => {
    if (r.stats.flaky > 0)
      console.warn(`\n${r.stats.flaky} browser test(s) passed only when retried (marked "flaky" above): fix them.`);
    return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected, skipped: r.stats.skipped };
  },
);

const total = {
  passed: unit.passed + browser.passed,
  failed: unit.failed + browser.failed,
  skipped: unit.skipped + browser.skipped,
};
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(total.failed > 0 ? 1 : 0);
