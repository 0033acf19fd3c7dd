// The app as deployed, on this machine: a production server started by `npm start`'s script,
// behind https fronts, calling the fake ChakraHQ over https. Shared by the browser tests'
// deployment (tests/support/e2e-stack.ts) and the benchmark (scripts/bench.ts).
import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import type { Server } from "node:https";
import path from "node:path";
import { generate } from "selfsigned";
import { KEEP_ALIVE_MS, startFakeChakra, type FakeChakra } from "../../fake-chakra/server";
import { FAKE_CHAKRA_TOKEN } from "../../lib/chakra/demo";
import { ROOT } from "./prisma-schema";
import { startTlsFront } from "./tls-front";

export { startTlsFront };

export type Certificate = { key: string; cert: string; certFile: string };

/** The least a child process needs from this one's environment. */
export const BASE_ENV = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1" };

/**
 * A self-signed certificate for localhost and 127.0.0.1, also written to `dir/cert.pem` so the
 * app can trust it (NODE_EXTRA_CA_CERTS) as it would a real CA's.
 */
export async function localCertificate(dir: string): Promise<Certificate> {
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
  const certFile = path.join(dir, "cert.pem");
  writeFileSync(certFile, pems.cert);
  return { key: pems.private, cert: pems.cert, certFile };
}

/**
 * The fake ChakraHQ on plain http (`controlPort`, its `url`, for test and bench control calls)
 * behind an https front (`port`, its `httpsUrl`, as the app and the browser reach it). `close`
 * stops both.
 */
export async function startFakeChakraOverTls({
  port,
  controlPort,
  certificate,
  stateFile,
  seed,
  keepAlive = false,
}: {
  port: number;
  controlPort: number;
  certificate: Certificate;
  stateFile: string;
  seed?: boolean;
  /** See FakeChakraOptions.keepAlive; the front then keeps the app's connections open a little longer than the fake says it does. */
  keepAlive?: boolean;
}): Promise<FakeChakra & { httpsUrl: string }> {
  const fake = await startFakeChakra({
    port: controlPort,
    host: "127.0.0.1",
    token: FAKE_CHAKRA_TOKEN,
    stateFile,
    keepAlive,
    ...(seed === undefined ? {} : { seed }),
  });
  const front: Server = await startTlsFront({
    port,
    upstreamPort: controlPort,
    ...certificate,
    ...(keepAlive ? { keepAliveTimeout: KEEP_ALIVE_MS + 5_000 } : {}),
  });
  return {
    ...fake,
    httpsUrl: `https://127.0.0.1:${port}`,
    close: async () => {
      front.close();
      await fake.close();
    },
  };
}

/**
 * Node's flags for the production server, as `npm start` passes them: package.json's start
 * script is their one source, so that the browser tests and the benchmark run the server as
 * deployed (its heap limit included).
 */
function serverNodeFlags(): string[] {
  const packageJson = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const flags = /\bnode((?: --\S+)*) scripts\/start\.mjs\b/.exec(packageJson.scripts.start)?.[1];
  if (flags === undefined) throw new Error(`Unexpected start script: ${packageJson.scripts.start}`);
  return flags.split(" ").filter(Boolean);
}

/**
 * Starts the production server (scripts/start.mjs) on `internalPort` with production settings:
 * a fresh AUTH_SECRET, one trusted proxy (the https front), the fake ChakraHQ at `fakeUrl`.
 * `env` adds or overrides variables (INITIAL_ADMIN_EMAIL, …).
 */
export function startProductionApp({
  internalPort,
  appUrl,
  databaseUrl,
  fakeUrl,
  certificate,
  smtpUrl,
  distDir,
  env = {},
  nodeFlags = [],
  stdio,
}: {
  internalPort: number;
  appUrl: string;
  databaseUrl: string | undefined;
  fakeUrl: string;
  certificate: Certificate;
  smtpUrl: string;
  distDir: string;
  env?: Record<string, string>;
  /** Further flags for node (a measurement's --cpu-prof). */
  nodeFlags?: string[];
  stdio: StdioOptions;
}): ChildProcess {
  return spawn(process.execPath, [...serverNodeFlags(), ...nodeFlags, path.join(ROOT, "scripts/start.mjs")], {
    cwd: ROOT,
    stdio,
    env: {
      ...BASE_ENV,
      NODE_ENV: "production",
      PORT: String(internalPort),
      HOSTNAME: "127.0.0.1",
      APP_URL: appUrl,
      TRUSTED_PROXY_COUNT: "1",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString("base64"),
      SMTP_URL: smtpUrl,
      CHAKRA_API_TOKEN: FAKE_CHAKRA_TOKEN,
      CHAKRA_BASE_URL: fakeUrl,
      CHAKRA_SDK_URL: `${fakeUrl}/sdk.js`,
      // The app trusts the fake's certificate, as it would a real CA's.
      NODE_EXTRA_CA_CERTS: certificate.certFile,
      NEXT_DIST_DIR: distDir,
      ...env,
    },
  });
}
