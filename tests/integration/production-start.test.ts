import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

/*
 * `npm start` in production refuses to start on an unsafe environment, naming the variable,
 * before it touches the database or listens. SKIP_ENV_VALIDATION, which once lifted the checks,
 * changes nothing.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const complete = {
  AUTH_SECRET: "x".repeat(44),
  SMTP_URL: "smtp://127.0.0.1:1",
  CHAKRA_API_TOKEN: "chakra-token-for-a-start-test",
  APP_URL: "https://partner.example",
};

function start(extra: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 60_000,
    // A database the server could never open: reaching it would mean the checks were skipped.
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      DATABASE_URL: "file:/nonexistent-folder/never.db",
      PORT: "0",
      ...extra,
    },
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("npm start in production", () => {
  it("refuses to run without its secrets even with SKIP_ENV_VALIDATION=1", () => {
    const { status, output } = start({ SKIP_ENV_VALIDATION: "1" });
    expect(status).not.toBe(0);
    expect(output).toMatch(/AUTH_SECRET: required in production/);
    expect(output).toMatch(/CHAKRA_API_TOKEN: required in production/);
    expect(output).not.toMatch(/listening/);
  });

  it("refuses an http APP_URL, naming it", () => {
    const { status, output } = start({ ...complete, APP_URL: "http://partner.example" });
    expect(status).not.toBe(0);
    expect(output).toMatch(/APP_URL: must be https/);
    expect(output).not.toContain(complete.AUTH_SECRET);
  });
});
