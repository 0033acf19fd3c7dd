// The browser tests' deployment, as an agency runs the app: a production build (made with no
// database and no secrets, as a container image build would), started by `npm start`'s
// server with production settings, behind an https front; ChakraHQ is the fake, over https.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { generate } from "selfsigned";
import { startFakeChakra } from "../../fake-chakra/server";
import { FAKE_CHAKRA_TOKEN } from "../../lib/chakra/demo";
import { ROOT } from "../../scripts/lib/prisma-schema";
import {
  E2E_APP_INTERNAL_PORT,
  E2E_APP_PORT,
  E2E_APP_URL,
  E2E_FAKE_CONTROL_PORT,
  E2E_FAKE_PORT,
  E2E_FIRST_OWNER_EMAIL,
  E2E_MAIL_SMTP_PORT,
} from "./e2e-ports";
import { startTlsFront } from "./tls-front";

const E2E_DIST_DIR = ".next-test";

const work = mkdtempSync(path.join(tmpdir(), "po-e2e-"));
const pems = await generate([{ name: "commonName", value: "localhost" }], {
  keySize: 2048,
  algorithm: "sha256",
  extensions: [
    { name: "basicConstraints", cA: true },
    {
      name: "subjectAltName",
      altNames: [
        { type: 2, value: "localhost" },
        { type: 7, ip: "127.0.0.1" },
      ],
    },
  ],
});
const certFile = path.join(work, "cert.pem");
writeFileSync(certFile, pems.cert);
const tls = { key: pems.private, cert: pems.cert };

const fake = await startFakeChakra({
  port: E2E_FAKE_CONTROL_PORT,
  host: "127.0.0.1",
  token: FAKE_CHAKRA_TOKEN,
  stateFile: path.join(work, "fake-chakra.json"),
});
const fakeFront = await startTlsFront({ port: E2E_FAKE_PORT, upstreamPort: E2E_FAKE_CONTROL_PORT, ...tls });
const fakeUrl = `https://127.0.0.1:${E2E_FAKE_PORT}`;

const nextBin = path.join(ROOT, "node_modules/.bin/next");
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1" };

// The build: production, no database reachable, no secrets.
if (process.env.E2E_SKIP_BUILD !== "1") {
  console.log("Building the app for production (no database, no secrets)…");
  const build = spawnSync(nextBin, ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...baseEnv,
      NODE_ENV: "production",
      DATABASE_URL: `file:${path.join(work, "no-such-folder", "none.db")}`,
      NEXT_DIST_DIR: E2E_DIST_DIR,
    },
  });
  if (build.status !== 0) {
    console.error("The production build failed.");
    process.exit(1);
  }
}

const app = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
  cwd: ROOT,
  stdio: ["ignore", "inherit", "inherit"],
  env: {
    ...baseEnv,
    NODE_ENV: "production",
    PORT: String(E2E_APP_INTERNAL_PORT),
    HOSTNAME: "127.0.0.1",
    APP_URL: E2E_APP_URL,
    TRUSTED_PROXY_COUNT: "1",
    INITIAL_ADMIN_EMAIL: E2E_FIRST_OWNER_EMAIL,
    DATABASE_URL: process.env.DATABASE_URL,
    // "Refresh all" runs in the app's own workers, on PostgreSQL too.
    JOBS_IN_APP: "true",
    // No scheduled health sweep during the suite (a slot boundary would refresh every client);
    // the Background work spec runs its sweeps by hand.
    HEALTH_SWEEP_MINUTES: "0",
    AUTH_SECRET: randomBytes(32).toString("base64"),
    SMTP_URL: `smtp://127.0.0.1:${E2E_MAIL_SMTP_PORT}`,
    CHAKRA_API_TOKEN: FAKE_CHAKRA_TOKEN,
    CHAKRA_BASE_URL: fakeUrl,
    CHAKRA_SDK_URL: `${fakeUrl}/sdk.js`,
    // The app trusts the fake's certificate, as it would a real CA's.
    NODE_EXTRA_CA_CERTS: certFile,
    NEXT_DIST_DIR: E2E_DIST_DIR,
  },
});
const appFront = await startTlsFront({ port: E2E_APP_PORT, upstreamPort: E2E_APP_INTERNAL_PORT, ...tls });

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null) app.kill("SIGTERM");
  appFront.close();
  fakeFront.close();
  await fake.close();
  rmSync(work, { recursive: true, force: true });
  process.exit(code);
}
app.on("exit", (code) => void stop(code ?? 1));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
