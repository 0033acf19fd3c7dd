// The browser tests' deployment, as an agency runs the app: a production build (made with no
// database and no secrets, as a container image build would), started by `npm start`'s
// server with production settings, behind an https front; ChakraHQ is the fake, over https.
// The starting itself is shared with the benchmark (scripts/lib/local-deployment.ts).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  BASE_ENV,
  localCertificate,
  startFakeChakraOverTls,
  startProductionApp,
  startTlsFront,
} from "../../scripts/lib/local-deployment";
import { ROOT } from "../../scripts/lib/prisma-schema";
import {
  E2E_APP_INTERNAL_PORT,
  E2E_APP_PORT,
  E2E_APP_URL,
  E2E_DIST_DIR,
  E2E_FAKE_CONTROL_PORT,
  E2E_FAKE_PORT,
  E2E_FIRST_OWNER_EMAIL,
  E2E_MAIL_SMTP_PORT,
} from "./e2e-ports";

const work = mkdtempSync(path.join(tmpdir(), "po-e2e-"));
const certificate = await localCertificate(work);

const fake = await startFakeChakraOverTls({
  port: E2E_FAKE_PORT,
  controlPort: E2E_FAKE_CONTROL_PORT,
  certificate,
  stateFile: path.join(work, "fake-chakra.json"),
});

// The build: production, no database reachable, no secrets.
if (process.env.E2E_SKIP_BUILD !== "1") {
  console.log("Building the app for production (no database, no secrets)…");
  const build = spawnSync(path.join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: {
      ...BASE_ENV,
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

const app = startProductionApp({
  internalPort: E2E_APP_INTERNAL_PORT,
  appUrl: E2E_APP_URL,
  databaseUrl: process.env.DATABASE_URL,
  fakeUrl: fake.httpsUrl,
  certificate,
  smtpUrl: `smtp://127.0.0.1:${E2E_MAIL_SMTP_PORT}`,
  distDir: E2E_DIST_DIR,
  env: {
    INITIAL_ADMIN_EMAIL: E2E_FIRST_OWNER_EMAIL,
    // "Refresh all" and the other background jobs run in the app's own workers, on PostgreSQL too.
    JOBS_IN_APP: "true",
    // No scheduled health sweep during the suite (a slot boundary would refresh every client);
    // the Background work spec runs its sweeps by hand.
    HEALTH_SWEEP_MINUTES: "0",
  },
  stdio: ["ignore", "inherit", "inherit"],
});
const appFront = await startTlsFront({ port: E2E_APP_PORT, upstreamPort: E2E_APP_INTERNAL_PORT, ...certificate });

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (app.exitCode === null) app.kill("SIGTERM");
  appFront.close();
  await fake.close();
  rmSync(work, { recursive: true, force: true });
  process.exit(code);
}
app.on("exit", (code) => void stop(code ?? 1));
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
