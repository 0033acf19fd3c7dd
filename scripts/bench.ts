// `npm run bench [-- --json FILE] [-- --skip-build]`: how fast the app is at agency scale,
// measured against a bare Next.js page (same next/react, built and served in the same run) so
// that a busy or slow machine shows in both. Builds both for production, serves them behind
// the same TLS front, measures on an empty database, seeds 10,000 clients / 12,000 numbers /
// 50,000 audit entries through the app's own data layer, and measures again. Prints figures,
// ratios and targets; it never fails on a missed target (not a test).
// BENCH_DATABASE_URL runs it on PostgreSQL (the database is reset). Ports: BENCH_PORT (5600) to +40.
import autocannon from "autocannon";
import { launch } from "chrome-launcher";
import lighthouse from "lighthouse";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { Agent, request as httpsRequest } from "node:https";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { resolveDatabaseUrl } from "../lib/database-url";
import { FAKE_CHAKRA_TOKEN } from "../lib/chakra/demo";
import { localCertificate, startFakeChakraOverTls, startProductionApp, startTlsFront } from "./lib/local-deployment";
import { migrateDatabase } from "./lib/migrate";
import { ROOT } from "./lib/prisma-schema";
import { resetTestDatabase } from "./lib/test-database";

const started = performance.now();
const { values: options } = parseArgs({
  options: {
    json: { type: "string" },
    "skip-build": { type: "boolean", default: false },
    // Only the end client's page against the bare one (Lighthouse, 10 and 200 connections), empty database: a few minutes.
    quick: { type: "boolean", default: false },
    // Only these rows, on the empty database (comma-separated: mint, refresh): a few minutes.
    only: { type: "string" },
    // A folder: each Lighthouse run's full report (JSON) is kept there, to read the LCP breakdown and the JS by chunk.
    "lh-reports": { type: "string" },
    // Starts everything, prints the end client's page and the bare page's addresses, and waits (Ctrl-C stops).
    serve: { type: "boolean", default: false },
    // A folder: the app runs with node --cpu-prof (its profile is written there when it stops), and
    // windows.json says when each of the mint's and the floor's samples ran (the machine's monotonic
    // clock, in µs, as the profile's timestamps), so a profile can be read for those requests alone.
    "cpu-prof": { type: "string" },
  },
});
if (options["cpu-prof"]) mkdirSync(options["cpu-prof"], { recursive: true });
const only = options.only ? new Set(options.only.split(",").map((row) => row.trim())) : null;
const BASE = Number(process.env.BENCH_PORT ?? 5600);
const PORTS = {
  app: BASE,
  appInternal: BASE + 1,
  fake: BASE + 10,
  fakeControl: BASE + 11,
  bare: BASE + 20,
  bareInternal: BASE + 21,
  bareAction: BASE + 30,
};
const APP_URL = `https://localhost:${PORTS.app}`;
const APP = `http://127.0.0.1:${PORTS.appInternal}`;
const BARE = `http://127.0.0.1:${PORTS.bareInternal}`;
const DIST_DIR = ".next-bench";
// Outside the project: built inside it, Turbopack (whose root is the folder with the lockfile)
// took the project's own proxy.ts and instrumentation.ts into the "bare" page. One per port base,
// so that two benches on one machine (each with its own BENCH_PORT) do not rebuild each other's.
const BARE_DIR = path.join(tmpdir(), `partner-onboarding-bench-bare-${BASE}`);
// --only mint: a bare Next.js server action (its own folder, not the bare page's), refused the way the
// mint's floor is: what any server action's round trip costs on this machine, which the fake's
// direct calls (plain HTTPS requests) do not pay.
const BARE_ACTION_DIR = path.join(tmpdir(), `partner-onboarding-bench-bare-action-${BASE}`);
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const SIZES = { clients: 10_000, numbers: 12_000, audit: 50_000 };

const work = mkdtempSync(path.join(tmpdir(), "po-bench-"));
const databaseUrl = process.env.BENCH_DATABASE_URL ?? `file:${path.join(work, "bench.db")}`;
const target = resolveDatabaseUrl(databaseUrl);
process.env.DATABASE_URL = databaseUrl;
// This process queues jobs ("Refresh all"); only the app's workers take them.
process.env.JOBS_IN_APP = "false";
const children: ChildProcess[] = [];
const log = (message: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);

// ---- build ----
// Each app runs the next of its own node_modules (the bare one's are links to the same files):
// another folder's next would load a second React.
const nextBin = (cwd: string) => path.join(cwd, "node_modules/.bin/next");
const baseEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NEXT_TELEMETRY_DISABLED: "1" };

/** The anchor: the smallest dynamic App Router page, from the installed next/react. */
function writeBareApp() {
  rmSync(BARE_DIR, { recursive: true, force: true });
  mkdirSync(path.join(BARE_DIR, "app"), { recursive: true });
  // The same installed packages, hard-linked (a symlink leads out of Turbopack's root).
  const linked = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(BARE_DIR, "node_modules")]);
  if (linked.status !== 0)
    throw new Error(`Could not link node_modules into ${BARE_DIR} (same file system needed): ${linked.stderr}`);
  writeFileSync(path.join(BARE_DIR, "next.config.mjs"), `export default { poweredByHeader: false };\n`);
  writeFileSync(
    path.join(BARE_DIR, "app/layout.js"),
    `export const metadata = { title: "Bare" };\nexport const viewport = { width: "device-width", initialScale: 1 };\n` +
      `export default function Layout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  );
  writeFileSync(
    path.join(BARE_DIR, "app/page.js"),
    `import { connection } from "next/server";\n` +
      `export default async function Page() {\n  await connection();\n` +
      `  return (<main style={{ maxWidth: 640, margin: "0 auto", padding: 16, fontFamily: "sans-serif" }}><h1>Connect WhatsApp</h1>` +
      `<p>A dynamic page rendered per request at {new Date().toISOString()}.</p></main>);\n}\n`,
  );
}

/** A bare app with one server action, refusing a token it cannot read as the app's actions do. */
function writeBareActionApp() {
  rmSync(BARE_ACTION_DIR, { recursive: true, force: true });
  const page = path.join(BARE_ACTION_DIR, "app/act/[token]");
  mkdirSync(page, { recursive: true });
  const linked = spawnSync("cp", ["-al", path.join(ROOT, "node_modules"), path.join(BARE_ACTION_DIR, "node_modules")]);
  if (linked.status !== 0) throw new Error(`Could not link node_modules into ${BARE_ACTION_DIR}: ${linked.stderr}`);
  writeFileSync(path.join(BARE_ACTION_DIR, "next.config.mjs"), `export default { poweredByHeader: false };\n`);
  writeFileSync(
    path.join(BARE_ACTION_DIR, "app/layout.js"),
    `export default function Layout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n`,
  );
  writeFileSync(
    path.join(page, "actions.js"),
    `"use server";\nexport async function refuse(token) {\n` +
      `  return typeof token === "string" && token.length === 43 ? { ok: true } : { ok: false, code: "unknown" };\n}\n`,
  );
  writeFileSync(
    path.join(page, "button.js"),
    `"use client";\nimport { refuse } from "./actions";\n` +
      `export function Button({ token }) {\n  return <button onClick={() => refuse(token)}>Connect WhatsApp</button>;\n}\n`,
  );
  writeFileSync(
    path.join(page, "page.js"),
    `import { connection } from "next/server";\nimport { Button } from "./button";\n` +
      `export default async function Page({ params }) {\n  await connection();\n  const { token } = await params;\n` +
      `  return (<main><h1>Connect WhatsApp</h1><Button token={token} /></main>);\n}\n`,
  );
}

function build(label: string, cwd: string, env: Record<string, string | undefined>) {
  log(`Building ${label} for production…`);
  const result = spawnSync(nextBin(cwd), ["build"], {
    cwd,
    encoding: "utf8",
    env: { ...baseEnv, NODE_ENV: "production", ...env },
  });
  if (result.status !== 0)
    throw new Error(`The production build of ${label} failed:\n${result.stdout}\n${result.stderr}`);
}

if (!options["skip-build"]) {
  build("the app", ROOT, {
    DATABASE_URL: `file:${path.join(work, "no-such-folder", "none.db")}`,
    NEXT_DIST_DIR: DIST_DIR,
  });
  // --only rows do not use the bare page: its folder (shared by every checkout) is left alone.
  if (!only) {
    writeBareApp();
    build("the bare Next.js page", BARE_DIR, {});
  }
}

if (only?.has("mint") && (!options["skip-build"] || !existsSync(path.join(BARE_ACTION_DIR, ".next")))) {
  writeBareActionApp();
  build("a bare Next.js server action", BARE_ACTION_DIR, {});
}

// ---- servers ----
const certificate = await localCertificate(work);

if (target.provider === "postgresql") await resetTestDatabase(target);
else await migrateDatabase(target, () => {});

const fake = await startFakeChakraOverTls({
  port: PORTS.fake,
  controlPort: PORTS.fakeControl,
  certificate,
  stateFile: path.join(work, "fake.json"),
  seed: false,
  // Connections kept open between calls, as an HTTPS API behind a load balancer does (the
  // contract says nothing of it): a new TCP + TLS connection per call is the fake's cost, not the app's.
  keepAlive: true,
});
const fronts = [
  await startTlsFront({ port: PORTS.app, upstreamPort: PORTS.appInternal, ...certificate }),
  await startTlsFront({ port: PORTS.bare, upstreamPort: PORTS.bareInternal, ...certificate }),
];
const fakeUrl = fake.httpsUrl;
// As the app calls ChakraHQ: over TLS, on a kept-alive connection. An idle one is dropped after
// 30 s, before the fake's front closes it (65 s): reused as the front closed it, a call failed
// with ECONNRESET when the Lighthouse runs happened to leave it idle that long.
const fakeAgent = new Agent({ keepAlive: true, timeout: 30_000, ca: certificate.cert });

// One trusted proxy (startProductionApp's setting): the load generator stands for many people,
// each mint request names its own address.
const app = startProductionApp({
  internalPort: PORTS.appInternal,
  appUrl: APP_URL,
  databaseUrl,
  fakeUrl,
  certificate,
  smtpUrl: `smtp://127.0.0.1:${BASE + 39}`,
  distDir: DIST_DIR,
  stdio: ["ignore", "ignore", "inherit"],
  // The app's own workers take "Refresh all"'s jobs, on PostgreSQL too (one process).
  env: { JOBS_IN_APP: "true" },
  nodeFlags: options["cpu-prof"]
    ? ["--cpu-prof", "--cpu-prof-interval=100", `--cpu-prof-dir=${path.resolve(options["cpu-prof"])}`]
    : [],
});
children.push(app);
if (!only) {
  const bare = spawn(nextBin(BARE_DIR), ["start", "-p", String(PORTS.bareInternal), "-H", "127.0.0.1"], {
    cwd: BARE_DIR,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...baseEnv, NODE_ENV: "production" },
  });
  children.push(bare);
}
if (only?.has("mint")) {
  const bareAction = spawn(nextBin(BARE_ACTION_DIR), ["start", "-p", String(PORTS.bareAction), "-H", "127.0.0.1"], {
    cwd: BARE_ACTION_DIR,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...baseEnv, NODE_ENV: "production" },
  });
  children.push(bareAction);
}
for (const child of children) {
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`A server exited early (code ${code}); stopping.`);
      process.exit(1);
    }
  });
}

let stopping = false;
async function stopAll() {
  stopping = true;
  if (options["cpu-prof"])
    writeFileSync(path.join(options["cpu-prof"], "windows.json"), `${JSON.stringify(profileWindows)}\n`);
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  // Node writes the app's CPU profile as it exits: waited for.
  if (options["cpu-prof"] && app.exitCode === null) await new Promise((resolve) => app.once("exit", resolve));
  for (const front of fronts) front.close();
  await fake.close();
  rmSync(work, { recursive: true, force: true });
}
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));
// A failed run must not leave its servers behind (the next run would measure them).
process.on("exit", () => {
  for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
});

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within a minute`);
}

// The app applies the migrations as it starts (scripts/start.mjs): this process writes nothing
// until it is up, as no other writer would run beside a deployment's migrations (with SQLite's
// write-ahead log, a migration that read before another process's commit cannot then write).
log("Starting the app, the bare page and the fake ChakraHQ…");
await Promise.all([
  waitFor(`${APP}/api/health/status`),
  ...(only ? [] : [waitFor(`${BARE}/`)]),
  ...(only?.has("mint") ? [waitFor(`http://127.0.0.1:${PORTS.bareAction}/act/bench`)] : []),
]);

// ---- the data layer (after DATABASE_URL is set) ----
const { db } = await import("../lib/db");
const { createClient } = await import("../lib/data/clients/records");
const { createLink } = await import("../lib/data/onboarding/links");
const { storeSnapshot } = await import("../lib/data/snapshots");
const { recordAudit } = await import("../lib/data/audit");
const { pluginConfigSchema } = await import("../lib/chakra/schemas");
const { startRefreshAll, REFRESH_CHAKRA_CALLS } = await import("../lib/data/whatsapp");
const { openJobs, stopJobs } = await import("../lib/jobs");

const owner = await db.user.create({ data: { email: "owner@bench.test", name: "Bench Owner", role: "OWNER" } });
const actor = { id: owner.id, email: owner.email };
const sessionToken = randomBytes(32).toString("hex");
await db.session.create({ data: { sessionToken, userId: owner.id, expires: new Date(Date.now() + 86_400_000) } });
const COOKIE = `__Secure-authjs.session-token=${sessionToken}`;

async function newClient(i: number, pluginId: string | null) {
  const WORDS = ["Bakery", "Dental", "Traders", "Studio", "Garage", "Pharmacy", "Cafe", "Salon"];
  const result = await createClient({
    actor,
    input: {
      name: `${WORDS[i % WORDS.length]} ${i}`,
      contactName: `Contact ${i}`,
      contactEmail: `contact${i}@client${i}.example`,
      clientReferenceId: `client-${i}`,
      notes: "",
      pluginId,
    },
    pluginVerified: pluginId !== null,
  });
  if (!result.ok) throw new Error(result.message);
  return result.id;
}
async function newLinkToken(clientId: string) {
  const created = await createLink({ actor, clientId, validDays: 7 });
  if (!created.ok) throw new Error(created.message);
  return created.url.split("/").pop()!;
}

// The end client's page, and one link per mint (a link allows 10 mints an hour).
const MINTS = 30;
// "Refresh all" (refreshAll below): this many plugins, each config read answered this late.
const REFRESH_PLUGINS = 200;
const REFRESH_LATENCY_MS = 200;
const pageToken = await newLinkToken(await newClient(0, null));
const mintTokens: string[] = [];
for (let i = 0; i < MINTS * 2 + 2; i++) {
  const plugin = fake.createPlugin({ name: `Bench plugin ${i}` });
  mintTokens.push(await newLinkToken(await newClient(100_000 + i, plugin.id)));
}

// ---- measuring ----
type Load = { p50: number; p95: number; p99: number; rps: number; errors: number; bytes: number; requests: number };
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;

/** A bounded load: `amount` requests over `connections` connections, each with a 30 s timeout. */
async function load(
  url: string,
  { connections = 10, amount = 200, headers = {} as Record<string, string> } = {},
): Promise<Load> {
  const samples: number[] = [];
  let bytes = 0;
  await autocannon({ url, connections: Math.min(connections, 10), amount: 10, timeout: 30, headers }); // warm-up
  // The run's time is taken here, from its first request to its last answer: autocannon's own
  // `duration` ends at its next 1-second tick, so its req/s came in steps (1,000 answers in 4.3 s
  // or in 4.9 s both read 1000 / 5.02).
  const begun = performance.now();
  let lastAnswer = begun;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections, amount, timeout: 30, headers }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, _status, resBytes, responseTime) => {
      samples.push(responseTime);
      bytes = resBytes;
      lastAnswer = performance.now();
    });
  });
  samples.sort((a, b) => a - b);
  const rps = (samples.length * 1000) / (lastAnswer - begun);
  log(
    `${url.replace(/^http:\/\/127.0.0.1:\d+/, "")} ×${connections}: p50 ${quantile(samples, 0.5)} p95 ${quantile(samples, 0.95)} ms, ${rps.toFixed(1)} req/s (${samples.length} answers in ${((lastAnswer - begun) / 1000).toFixed(2)} s), ${bytes} B`,
  );
  return {
    p50: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    p99: quantile(samples, 0.99),
    rps,
    errors: result.errors + result.timeouts + result.non2xx,
    bytes,
    requests: result.requests.total,
  };
}

/** The id of a server action in the build, by its exported name and file. */
function actionId(file: string, name: string): string {
  const manifest = JSON.parse(
    readFileSync(path.join(ROOT, DIST_DIR, "server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === name && entry.filename?.endsWith(file),
  );
  if (!found) throw new Error(`No server action ${name} in ${file}`);
  return found[0];
}

/** One call to the fake over TLS on a kept-alive connection, as the app makes it. */
function fakeCall(method: string, path: string, json?: unknown) {
  return new Promise<void>((resolve, reject) => {
    const body = json === undefined ? "" : JSON.stringify(json);
    const call = httpsRequest(
      `${fakeUrl}${path}`,
      {
        method,
        agent: fakeAgent,
        headers: {
          Authorization: `Bearer ${FAKE_CHAKRA_TOKEN}`,
          ...(body ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) } : {}),
        },
      },
      (response) => response.resume().on("end", resolve),
    );
    call.on("error", reject);
    call.end(body);
  });
}

/** With --cpu-prof: when each timed request ran, on the clock of the app's profile (µs). */
const profileWindows: { row: string; start: number; end: number }[] = [];
const microseconds = () => Number(process.hrtime.bigint() / 1000n);

/** A server action posted as the end client's page does: on `/onboard/<linkToken>`, with `argument`. */
function postAction(id: string, linkToken: string, argument: string, headers: Record<string, string> = {}) {
  return fetch(`${APP}/onboard/${linkToken}`, {
    method: "POST",
    headers: {
      "Next-Action": id,
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: APP_URL,
      ...headers,
    },
    body: JSON.stringify([argument]),
  });
}

/** "Connect WhatsApp": the app's server action vs the fake's own calls, sequential samples. */
async function mint(tokens: string[]) {
  const id = actionId("lib/actions/onboarding.ts", "startOnboarding");
  const direct: number[] = [];
  const viaApp: number[] = [];
  let errors = 0;
  const plugin = fake.createPlugin({ name: "direct" });
  for (const [i, token] of tokens.entries()) {
    // The mint's own ChakraHQ calls, in its order: the connect token, then the plugin's
    // configuration (the signup attempt's baseline, lib/data/onboarding/signup.ts).
    let t0 = performance.now();
    await fakeCall("POST", "/v1/ext/whatsapp-partner/create-connect-token", { pluginId: plugin.id });
    await fakeCall("GET", `/v1/ext/plugin/whatsapp/${plugin.id}/config`);
    direct.push(performance.now() - t0);
    t0 = performance.now();
    const start = microseconds();
    const response = await postAction(id, token, token, { "X-Forwarded-For": `10.9.${i >> 8}.${i & 255}` });
    const text = await response.text();
    viaApp.push(performance.now() - t0);
    profileWindows.push({ row: "mint", start, end: microseconds() });
    if (!response.ok || !text.includes("connectToken")) errors++;
  }
  direct.sort((a, b) => a - b);
  viaApp.sort((a, b) => a - b);
  return {
    fakeP50: quantile(direct, 0.5),
    appP50: quantile(viaApp, 0.5),
    appP95: quantile(viaApp, 0.95),
    overheadP50: quantile(viaApp, 0.5) - quantile(direct, 0.5),
    errors,
  };
}

type Lh = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  lcp: number;
  totalBytes: number;
  jsBytes: number;
  domNodes: number;
};
/** Each page's Lighthouse run with the median LCP of `runs` (mobile unless `desktop`), and every run's LCP. */
type LhMedian = Lh & { lcps: number[] };
/**
 * Lighthouse on several pages, their runs interleaved in one Chrome (page 1, page 2, page 1, …)
 * so that what the machine is doing meanwhile falls on each page alike.
 */
async function lhInterleaved<const Urls extends readonly string[]>(
  urls: Urls,
  { desktop = false, cookie = "", runs = 3 } = {},
): Promise<{ [K in keyof Urls]: LhMedian }> {
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ["--headless=new", "--no-sandbox", "--ignore-certificate-errors", "--disable-gpu"],
  });
  const results: Lh[][] = urls.map(() => []);
  try {
    for (let i = 0; i < runs; i++) {
      for (const [u, url] of urls.entries()) {
        const run = await lighthouse(
          url,
          {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: ["performance", "accessibility", "best-practices"],
            extraHeaders: cookie ? { Cookie: cookie } : undefined,
          },
          desktop ? (await import("lighthouse/core/config/desktop-config.js")).default : undefined,
        );
        const lhr = run!.lhr;
        if (options["lh-reports"]) {
          mkdirSync(options["lh-reports"], { recursive: true });
          const name = `${new URL(url).pathname.split("/")[1] || "bare"}-${desktop ? "desktop" : "mobile"}-${Date.now()}.json`;
          writeFileSync(path.join(options["lh-reports"], name), JSON.stringify(lhr));
        }
        const requests =
          (
            lhr.audits["network-requests"]?.details as
              { items?: { resourceType?: string; transferSize?: number }[] } | undefined
          )?.items ?? [];
        results[u]!.push({
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          bestPractices: Math.round((lhr.categories["best-practices"]?.score ?? 0) * 100),
          lcp: lhr.audits["largest-contentful-paint"]?.numericValue ?? NaN,
          totalBytes: lhr.audits["total-byte-weight"]?.numericValue ?? NaN,
          jsBytes: requests
            .filter((r) => r.resourceType === "Script")
            .reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
          domNodes: lhr.audits["dom-size"]?.numericValue ?? NaN,
        });
      }
    }
  } finally {
    chrome.kill();
  }
  return results.map((page) => {
    const lcps = page.map((r) => r.lcp);
    const sorted = page.slice().sort((a, b) => a.lcp - b.lcp);
    return { ...sorted[Math.floor(sorted.length / 2)]!, lcps };
  }) as { [K in keyof Urls]: LhMedian };
}

/**
 * Lighthouse runs of the end client's page and of the bare one, on each database. Lighthouse
 * simulates a phone from a trace taken on this machine, where both pages' scripts load in
 * ~0.1 s: a run whose scripts ran before the first paint is simulated two to three times
 * slower, for either page. One run each flipped the ratio, and five can still flip it: the
 * row takes the median of all ten, and prints every run.
 */
const PAIR_RUNS = 5;
const lcpRuns = (page: LhMedian) => page.lcps.map((v) => v.toFixed(0)).join("/");

/** One page's Lighthouse run with the median LCP of `runs`. */
async function lh(url: string, settings: { desktop?: boolean; cookie?: string; runs?: number } = {}) {
  return (await lhInterleaved([url], settings))[0]!;
}

/** Resident memory of the app's process (Linux): now, and its peak since it started. */
function memoryMb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
}

/** CPU time (user + system) a process has used so far, in ms (Linux: /proc, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The highest resident memory sampled every 100 ms while `run` runs (not the start-up's peak). */
async function sampleMemory<T>(pid: number, run: () => Promise<T>): Promise<[T, number]> {
  let peak = memoryMb(pid, "VmRSS");
  const timer = setInterval(() => (peak = Math.max(peak, memoryMb(pid, "VmRSS"))), 100);
  try {
    return [await run(), peak];
  } finally {
    clearInterval(timer);
  }
}

const auth = { cookie: COOKIE };
async function measurePages() {
  return {
    bare: await load(`${BARE}/`),
    overview: await load(`${APP}/overview`, { headers: auth }),
    clients: await load(`${APP}/clients`, { headers: auth }),
    clientsSearch: await load(`${APP}/clients?q=bakery+12`, { headers: auth }),
    clientsSort: await load(`${APP}/clients?sort=updatedAt&dir=desc`, { headers: auth }),
    clientsPage200: await load(`${APP}/clients?page=200`, { headers: auth }),
    onboard: await load(`${APP}/onboard/${pageToken}`),
    csv: await load(`${APP}/clients/export`, { headers: auth, connections: 1, amount: 10 }),
  };
}

if (options.serve) {
  log(
    `Serving: https://localhost:${PORTS.app}/onboard/${pageToken} (${APP}/onboard/${pageToken}), bare https://localhost:${PORTS.bare}/`,
  );
  await new Promise(() => {});
}

if (options.quick) {
  log("Quick run: the end client's page against the bare page…");
  const [lhOnboard, lhBareQuick] = await lhInterleaved(
    [`https://localhost:${PORTS.app}/onboard/${pageToken}`, `https://localhost:${PORTS.bare}/`],
    { runs: PAIR_RUNS },
  );
  const crowdBareQuick = await load(`${BARE}/`, { connections: 200, amount: 1000 });
  const crowdOnboardQuick = await load(`${APP}/onboard/${pageToken}`, { connections: 200, amount: 1000 });
  await stopAll();
  const figures = {
    lcp: `${lhOnboard.lcp.toFixed(0)} ms vs bare ${lhBareQuick.lcp.toFixed(0)} ms (${(lhOnboard.lcp / lhBareQuick.lcp).toFixed(2)}×, target ≤ 1.2×); runs ${lcpRuns(lhOnboard)} vs ${lcpRuns(lhBareQuick)}`,
    totalBytes: `${(lhOnboard.totalBytes / 1024).toFixed(0)} kB vs ${(lhBareQuick.totalBytes / 1024).toFixed(0)} kB (${(lhOnboard.totalBytes / lhBareQuick.totalBytes).toFixed(2)}×, target ≤ 1.3×)`,
    jsBytes: `${(lhOnboard.jsBytes / 1024).toFixed(0)} kB vs ${(lhBareQuick.jsBytes / 1024).toFixed(0)} kB (${(lhOnboard.jsBytes / lhBareQuick.jsBytes).toFixed(2)}×, target ≤ 1.05×)`,
    scores: `performance ${lhOnboard.performance}, accessibility ${lhOnboard.accessibility}, best practices ${lhOnboard.bestPractices} (targets ≥ 98 / 100 / 100)`,
    crowd: `200 conn.: ${crowdOnboardQuick.rps.toFixed(0)} vs ${crowdBareQuick.rps.toFixed(0)} req/s (${(crowdOnboardQuick.rps / crowdBareQuick.rps).toFixed(2)}×, target ≥ 0.5×), p50 ${crowdOnboardQuick.p50.toFixed(0)} ms, ${crowdOnboardQuick.errors} errors`,
  };
  for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(10)} ${value}`);
  if (options.json)
    writeFileSync(
      options.json,
      `${JSON.stringify({ lhOnboard, lhBare: lhBareQuick, crowdBare: crowdBareQuick, crowdOnboard: crowdOnboardQuick, figures }, null, 2)}\n`,
    );
  await db.$disconnect();
  process.exit(0);
}

if (only) {
  const figures: Record<string, unknown> = {};
  if (only.has("mint")) {
    const result = await mint(mintTokens.slice(0, MINTS));
    // The same action on a malformed token: refused before any query or call, so what is left
    // is Next's own handling of a server action (the floor of the mint's overhead).
    const floor: number[] = [];
    const bareFloor: number[] = [];
    const id = actionId("lib/actions/onboarding.ts", "startOnboarding");
    const bareManifest = JSON.parse(
      readFileSync(path.join(BARE_ACTION_DIR, ".next/server/server-reference-manifest.json"), "utf8"),
    ) as { node: Record<string, { exportedName?: string }> };
    const bareId = Object.entries(bareManifest.node).find(([, entry]) => entry.exportedName === "refuse")?.[0];
    for (let i = 0; i < MINTS; i++) {
      const t0 = performance.now();
      const start = microseconds();
      const response = await postAction(id, pageToken, "not-a-token");
      const text = await response.text();
      floor.push(performance.now() - t0);
      profileWindows.push({ row: "floor", start, end: microseconds() });
      if (!text.includes("unknown")) throw new Error(`The malformed token was not refused: ${text.slice(0, 200)}`);
      // The bare action, posted the same way right after (so both see the same machine).
      const t1 = performance.now();
      const bare = await fetch(`http://127.0.0.1:${PORTS.bareAction}/act/bench`, {
        method: "POST",
        headers: {
          "Next-Action": bareId!,
          Accept: "text/x-component",
          "Content-Type": "text/plain;charset=UTF-8",
          Origin: `http://127.0.0.1:${PORTS.bareAction}`,
        },
        body: JSON.stringify(["not-a-token"]),
      });
      const bareText = await bare.text();
      bareFloor.push(performance.now() - t1);
      if (!bareText.includes("unknown")) throw new Error(`The bare action did not refuse: ${bareText.slice(0, 200)}`);
    }
    floor.sort((a, b) => a - b);
    bareFloor.sort((a, b) => a - b);
    const bareActionP50 = quantile(bareFloor, 0.5);
    figures.mint = {
      ...result,
      refusedActionP50: quantile(floor, 0.5),
      bareActionP50,
      overheadNetOfBareActionP50: result.overheadP50 - bareActionP50,
    };
    console.log(
      `floor      the same action refused at once (no query, no call): p50 ${quantile(floor, 0.5).toFixed(1)} ms; a bare Next.js server action refused the same way: p50 ${bareActionP50.toFixed(1)} ms`,
    );
    console.log(
      `mint       app p50 ${result.appP50.toFixed(1)} ms (p95 ${result.appP95.toFixed(1)}) − the fake's two calls ${result.fakeP50.toFixed(1)} ms = overhead ${result.overheadP50.toFixed(1)} ms (target ≤ 5 ms), ${result.errors} failed`,
    );
    console.log(
      `mint, net  overhead − a bare server action's round trip = ${(result.overheadP50 - bareActionP50).toFixed(1)} ms (the app's own share; both pay the action round trip)`,
    );
  }
  if (only.has("refresh")) {
    const result = await refreshAll();
    figures.refresh = result;
    console.log(
      `refresh    ${result.seconds.toFixed(1)} s (${result.status.toLowerCase()}, ${result.done} done, ${result.failed} failed) vs bound ${result.bound.toFixed(1)} s = ${(result.seconds / result.bound).toFixed(2)}× (target ≤ 1.1×)`,
    );
    console.log(`           ${describeTimeline(result.timeline)}`);
  }
  await stopAll();
  if (options.json) writeFileSync(options.json, `${JSON.stringify(figures, null, 2)}\n`);
  await db.$disconnect();
  process.exit(0);
}

log("Measuring on the empty database…");
const empty = await measurePages();
const emptyMint = await mint(mintTokens.slice(0, MINTS));
const [emptyLhOnboard, emptyLhBare] = await lhInterleaved(
  [`https://localhost:${PORTS.app}/onboard/${pageToken}`, `https://localhost:${PORTS.bare}/`],
  { runs: PAIR_RUNS },
);

/**
 * "Refresh all" of REFRESH_PLUGINS mapped clients, each config read answered after
 * REFRESH_LATENCY_MS: the run's time (its start to its end, as the app records them) against
 * the lower bound set by that latency and the app's calls to ChakraHQ at once (the fake has no rate limit:
 * ChakraHQ's is not known, docs/chakrahq-contract.md).
 */
async function refreshAll() {
  const mapped = await db.client.count({ where: { pluginId: { not: null } } });
  for (let i = mapped; i < REFRESH_PLUGINS; i++) {
    await newClient(200_000 + i, fake.createPlugin({ name: `Refresh plugin ${i}` }).id);
  }
  // The fake's own time for one config read, without the added latency.
  const plugin = fake.createPlugin({ name: "direct" });
  const direct: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now();
    await fakeCall("GET", `/v1/ext/plugin/whatsapp/${plugin.id}/config`);
    direct.push(performance.now() - t0);
  }
  direct.sort((a, b) => a - b);
  const call = quantile(direct, 0.5) + REFRESH_LATENCY_MS;
  fake.addFault({ route: "getConfig", kind: "latency", latencyMs: REFRESH_LATENCY_MS });
  try {
    // This process sends the run's jobs (the app's workers take them): its queue is opened before
    // the run starts, as the app's own is long before a person presses "Refresh all". Opened at
    // the first send instead, loading the job definitions (under tsx) and opening the queue took
    // ~0.1 s inside the run, before its first job could be queued.
    await openJobs();
    const appCpuBefore = cpuMs(app.pid!);
    const benchCpuBefore = process.cpuUsage();
    const { job } = await startRefreshAll({ actor });
    let run = job;
    const deadline = Date.now() + 10 * 60_000;
    while (run.status === "RUNNING" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await db.refreshJob.findUniqueOrThrow({ where: { id: job.id } })) as typeof run;
    }
    const seconds = ((run.finishedAt ?? new Date()).getTime() - run.startedAt.getTime()) / 1000;
    // The app's calls to ChakraHQ at once (per worker process; its jobs may run more at once).
    const bound = (Math.ceil(run.total / REFRESH_CHAKRA_CALLS) * call) / 1000;
    // The CPU the app's process used for the run (its workers' jobs), and this process's (which
    // queues the jobs, serves the fake and its TLS front, and polls the run), both on the same 2 cores.
    const cpu = { appMs: cpuMs(app.pid!) - appCpuBefore, benchMs: cpuTotalMs(process.cpuUsage(benchCpuBefore)) };
    const timeline = { ...callTimeline(run.startedAt.getTime(), (run.finishedAt ?? new Date()).getTime()), cpu };
    return { total: run.total, done: run.done, failed: run.failed, status: run.status, seconds, bound, call, timeline };
  } finally {
    fake.clearFaults();
    await stopJobs();
  }
}
/**
 * Where a run's time went, as the fake saw its config reads (from the run's start to its end):
 * before the first call (the jobs' fan-out), the call slots left idle between the first call and
 * the last answer (in seconds of the run: idle slot-time / REFRESH_CHAKRA_CALLS), after the last
 * answer (the run's completion), and the calls' own time at the fake.
 */
function callTimeline(startedAt: number, finishedAt: number) {
  const calls = fake.requests.filter(
    (r) => r.method === "GET" && r.path.endsWith("/config") && r.at >= startedAt && r.at <= finishedAt,
  );
  if (calls.length === 0) return null;
  const edges = calls.flatMap((c) => [
    { t: c.at, d: 1 },
    { t: c.endedAt, d: -1 },
  ]);
  // Ends before starts at the same instant: a slot handed on in the same millisecond is not two calls.
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let inFlight = 0;
  let maxInFlight = 0;
  let idleSlotMs = 0;
  for (let i = 0; i < edges.length; i++) {
    inFlight += edges[i]!.d;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const next = edges[i + 1];
    if (next) idleSlotMs += Math.max(0, REFRESH_CHAKRA_CALLS - inFlight) * (next.t - edges[i]!.t);
  }
  const durations = calls.map((c) => c.endedAt - c.at).sort((a, b) => a - b);
  return {
    calls: calls.length,
    maxInFlight,
    beforeFirstCallMs: edges[0]!.t - startedAt,
    idleSlotsMs: idleSlotMs / REFRESH_CHAKRA_CALLS,
    afterLastAnswerMs: finishedAt - edges[edges.length - 1]!.t,
    callP50Ms: quantile(durations, 0.5),
    callP95Ms: quantile(durations, 0.95),
  };
}
function cpuTotalMs(usage: NodeJS.CpuUsage) {
  return (usage.user + usage.system) / 1000;
}
function describeTimeline(
  t: Partial<NonNullable<ReturnType<typeof callTimeline>>> & { cpu: { appMs: number; benchMs: number } },
) {
  const cpu = `CPU: the app ${(t.cpu.appMs / 1000).toFixed(1)} s, the bench (fake, TLS front, queueing) ${(t.cpu.benchMs / 1000).toFixed(1)} s`;
  if (t.calls === undefined) return `no call seen by the fake; ${cpu}`;
  const inMs = (v: number) => `${v.toFixed(0)} ms`;
  return (
    `${t.calls} calls (at most ${t.maxInFlight} at once, each p50 ${inMs(t.callP50Ms!)} / p95 ${inMs(t.callP95Ms!)} at the fake): ` +
    `${inMs(t.beforeFirstCallMs!)} before the first, slots idle ${inMs(t.idleSlotsMs!)} of the run between, ${inMs(t.afterLastAnswerMs!)} after the last answer; ${cpu}`
  );
}

log(`"Refresh all" of ${REFRESH_PLUGINS} plugins, each read ${REFRESH_LATENCY_MS} ms late…`);
const refresh = await refreshAll();
log(`"Refresh all": ${describeTimeline(refresh.timeline)}`);

log(`Seeding ${SIZES.clients} clients, ${SIZES.numbers} numbers, ${SIZES.audit} audit entries through the data layer…`);
const seedStart = performance.now();
// Only this process's connection skips the disk flush of each commit (seeding speed); the app's
// own connection keeps SQLite's defaults.
if (target.provider === "sqlite") await db.$queryRawUnsafe("PRAGMA synchronous = OFF");
const parallel = target.provider === "postgresql" ? 8 : 1;
async function inBatches(count: number, run: (i: number) => Promise<unknown>) {
  for (let start = 0; start < count; start += parallel) {
    await Promise.all(Array.from({ length: Math.min(parallel, count - start) }, (_, k) => run(start + k)));
  }
}
const existing = await db.client.count();
const NUMBERS_PER_CLIENT = 2;
const SNAPSHOTS = SIZES.numbers / NUMBERS_PER_CLIENT;
const clientIds: string[] = [];
await inBatches(SIZES.clients - existing, async (i) => {
  // The first 6,000 have a plugin and two numbers each; of the rest, a third have a plugin.
  clientIds[i] = await newClient(i + 1, i < SNAPSHOTS || i % 3 === 0 ? randomUUID() : null);
});

const STATUSES = ["CONNECTED", "CONNECTED", "CONNECTED", "PENDING", "DISCONNECTED", "FLAGGED"];
const QUALITY = ["GREEN", "GREEN", "YELLOW", "RED", null];
await inBatches(SNAPSHOTS, async (k) => {
  const clientId = clientIds[k]!;
  const wabaId = String(200_000_000_000 + k);
  const config = pluginConfigSchema.parse({
    whatsappBusinessAccounts: [{ id: wabaId, name: `WABA ${k}` }],
    whatsappPhoneNumbers: Array.from({ length: NUMBERS_PER_CLIENT }, (_, n) => ({
      id: String(100_000_000_000 + k * 10 + n),
      display_phone_number: `+1 555-${String(k * 10 + n).padStart(7, "0")}`,
      verified_name: `Business ${k}`,
      status: STATUSES[(k + n) % STATUSES.length],
      quality_rating: QUALITY[(k + n) % QUALITY.length],
      waba_id: wabaId,
    })),
  });
  const client = await db.client.findUniqueOrThrow({ where: { id: clientId }, select: { pluginId: true } });
  await storeSnapshot({ clientId, pluginId: client.pluginId!, config });
});
const auditMissing = SIZES.audit - (await db.auditLog.count());
for (let start = 0; start < auditMissing; start += 1000) {
  await db.$transaction(async (tx) => {
    for (let i = start; i < Math.min(auditMissing, start + 1000); i++) {
      const clientId = clientIds[i % clientIds.length]!;
      await recordAudit(
        {
          actor,
          action: "client.updated",
          targetType: "client",
          targetId: clientId,
          clientId,
          metadata: { fields: ["notes"] },
        },
        tx,
      );
    }
  });
}
const counts = {
  clients: await db.client.count(),
  numbers: await db.snapshotPhoneNumber.count(),
  audit: await db.auditLog.count(),
};
log(`Seeded in ${((performance.now() - seedStart) / 1000).toFixed(0)} s: ${JSON.stringify(counts)}`);

log("Measuring on the full database…");
const [full, memoryAt10] = await sampleMemory(app.pid!, measurePages);
const fullMint = await mint(mintTokens.slice(MINTS, MINTS * 2));
const crowdBare = await load(`${BARE}/`, { connections: 200, amount: 1000 });
const [crowdOnboard, memoryAtCrowd] = await sampleMemory(app.pid!, () =>
  load(`${APP}/onboard/${pageToken}`, { connections: 200, amount: 1000 }),
);
const memoryPeakSinceStart = memoryMb(app.pid!, "VmHWM");
const csvStart = performance.now();
const csvResponse = await fetch(`${APP}/clients/export`, { headers: auth });
const csvFirstByte = performance.now() - csvStart;
const csvText = await csvResponse.text();
const csvTotal = performance.now() - csvStart;
const csvStreamed = csvResponse.headers.get("transfer-encoding") === "chunked" && csvFirstByte < csvTotal / 2;
// The bare page again, its runs between the app's: the same machine state for both.
const [fullLhOnboard, lhBare] = await lhInterleaved(
  [`https://localhost:${PORTS.app}/onboard/${pageToken}`, `https://localhost:${PORTS.bare}/`],
  { runs: PAIR_RUNS },
);
const fullLhOverview = await lh(`https://localhost:${PORTS.app}/overview`, { desktop: true, cookie: COOKIE, runs: 1 });
await stopAll();

// ---- report ----
const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const kb = (v: number) => `${(v / 1024).toFixed(0)} kB`;
const x = (v: number) => `${v.toFixed(2)}×`;
const latency = (l: Load) =>
  `p50 ${ms(l.p50)} p95 ${ms(l.p95)} p99 ${ms(l.p99)}, ${l.rps.toFixed(0)} req/s${l.errors ? `, ${l.errors} errors` : ""}`;
type Row = { what: string; figures: string; value: number; target: string; met: boolean };
const rows: Row[] = [];
const row = (what: string, figures: string, value: number, target: string, met: boolean) =>
  rows.push({ what, figures, value, target, met });

const ratio = (a: Load, b: Load) => a.p95 / b.p95;
row(
  "bare Next page (anchor), 10 conn.",
  `empty run: ${latency(empty.bare)}; full run: ${latency(full.bare)}`,
  full.bare.p95,
  "-",
  true,
);
for (const [key, label] of [
  ["overview", "/overview"],
  ["clients", "/clients"],
  ["clientsSearch", "/clients?q=bakery 12"],
  ["clientsSort", "/clients by last update"],
  ["clientsPage200", "/clients page 200"],
] as const) {
  // Each phase's p95 over the bare page's p95 measured just before it: a machine busier in one
  // phase than the other (other work on it) cancels out.
  const r = full[key].p95 / full.bare.p95 / (empty[key].p95 / empty.bare.p95);
  row(
    `${label} p95 full/empty (each ÷ bare)`,
    `empty ${latency(empty[key])}; full ${latency(full[key])}; raw ${x(ratio(full[key], empty[key]))}; ${kb(full[key].bytes)} HTML`,
    r,
    "≤ 1.5×",
    r <= 1.5 && full[key].errors === 0,
  );
}
row(
  "/overview HTML at full DB",
  kb(full.overview.bytes),
  full.overview.bytes / 1024,
  "≤ 100 kB",
  full.overview.bytes <= 100 * 1024,
);
row(
  "/overview Lighthouse (desktop)",
  `performance ${fullLhOverview.performance}, ${fullLhOverview.domNodes} DOM nodes, LCP ${ms(fullLhOverview.lcp)}`,
  fullLhOverview.performance,
  "-",
  true,
);
const median = (values: number[]) => {
  const sorted = values.slice().sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const onboardLcp = median([...emptyLhOnboard.lcps, ...fullLhOnboard.lcps]);
const bareLcp = median([...emptyLhBare.lcps, ...lhBare.lcps]);
const lcpRatio = onboardLcp / bareLcp;
row(
  "/onboard LCP (mobile) vs bare",
  `median of ${PAIR_RUNS * 2} runs each, interleaved: ${ms(onboardLcp)} vs ${ms(bareLcp)}; full DB ${lcpRuns(fullLhOnboard)} vs ${lcpRuns(lhBare)}; empty DB ${lcpRuns(emptyLhOnboard)} vs ${lcpRuns(emptyLhBare)}`,
  lcpRatio,
  "≤ 1.2×",
  lcpRatio <= 1.2,
);
const bytesRatio = fullLhOnboard.totalBytes / lhBare.totalBytes;
row(
  "/onboard total bytes vs bare",
  `${kb(fullLhOnboard.totalBytes)} vs ${kb(lhBare.totalBytes)}`,
  bytesRatio,
  "≤ 1.3×",
  bytesRatio <= 1.3,
);
const jsRatio = fullLhOnboard.jsBytes / lhBare.jsBytes;
row(
  "/onboard JS bytes vs bare",
  `${kb(fullLhOnboard.jsBytes)} vs ${kb(lhBare.jsBytes)}`,
  jsRatio,
  "≤ 1.05×",
  jsRatio <= 1.05,
);
const scores = fullLhOnboard;
row(
  "/onboard Lighthouse mobile",
  `performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores.bestPractices}`,
  scores.performance,
  "≥ 98 / 100 / 100",
  scores.performance >= 98 && scores.accessibility === 100 && scores.bestPractices === 100,
);
const onboardRatio = full.onboard.p95 / full.bare.p95 / (empty.onboard.p95 / empty.bare.p95);
row(
  "/onboard p95 full/empty (each ÷ bare)",
  `empty ${latency(empty.onboard)}; full ${latency(full.onboard)}; raw ${x(ratio(full.onboard, empty.onboard))}`,
  onboardRatio,
  "≤ 1.5×",
  onboardRatio <= 1.5,
);
const crowd = crowdOnboard.rps / crowdBare.rps;
row(
  "200 simultaneous /onboard opens",
  `${latency(crowdOnboard)} vs bare ${latency(crowdBare)}`,
  crowd,
  "≥ 0.5× bare req/s, 0 errors",
  crowd >= 0.5 && crowdOnboard.errors === 0,
);
row(
  "mint overhead above the fake, p50",
  `empty: app ${ms(emptyMint.appP50)} − the fake's two calls ${ms(emptyMint.fakeP50)} = ${ms(emptyMint.overheadP50)}; full: app ${ms(fullMint.appP50)} − the fake's two calls ${ms(fullMint.fakeP50)} = ${ms(fullMint.overheadP50)}${emptyMint.errors + fullMint.errors ? `; ${emptyMint.errors + fullMint.errors} failed` : ""}`,
  fullMint.overheadP50,
  "≤ 5 ms",
  fullMint.overheadP50 <= 5 && fullMint.errors === 0,
);
row(
  "CSV export of 10,000 clients",
  `${latency(full.csv)}; one export: first byte ${ms(csvFirstByte)}, all ${ms(csvTotal)}, ${kb(csvText.length)}, ${csvStreamed ? "streamed" : "not streamed"}`,
  full.csv.p50,
  "≤ 300 ms, streamed",
  full.csv.p50 <= 300 && csvStreamed,
);
row(
  "server memory, peak at 10 conn.",
  `${memoryAt10.toFixed(0)} MB sampled during the full-DB page runs; at 200 conn. ${memoryAtCrowd.toFixed(0)} MB; peak since start (start-up included) ${memoryPeakSinceStart.toFixed(0)} MB`,
  memoryAt10,
  "≤ 400 MB",
  memoryAt10 <= 400,
);
const refreshRatio = refresh.seconds / refresh.bound;
row(
  `'Refresh all' of ${refresh.total} plugins`,
  `${refresh.seconds.toFixed(1)} s (${refresh.status.toLowerCase()}, ${refresh.done} done, ${refresh.failed} failed) vs bound ${refresh.bound.toFixed(1)} s = ⌈${refresh.total} / ${REFRESH_CHAKRA_CALLS} calls at once⌉ × ${ms(refresh.call)} a read`,
  refreshRatio,
  "≤ 1.1× of the bound",
  refreshRatio <= 1.1 && refresh.failed === 0 && refresh.status === "DONE",
);

console.log(
  `\n${target.provider}, ${counts.clients} clients, ${counts.numbers} numbers, ${counts.audit} audit entries; ${((performance.now() - started) / 1000).toFixed(0)} s in all\n`,
);
const width = Math.max(...rows.map((r) => r.what.length));
for (const r of rows) {
  const value = Number.isNaN(r.value) ? "-" : r.value.toFixed(2);
  console.log(
    `${r.met ? "  " : "✗ "}${r.what.padEnd(width)}  ${value.padStart(8)}  target ${r.target}\n${" ".repeat(width + 4)}${r.figures}`,
  );
}
if (options.json) {
  writeFileSync(
    options.json,
    `${JSON.stringify({ provider: target.provider, counts, rows, empty, full, emptyMint, fullMint, crowdBare, crowdOnboard, refresh, lighthouse: { bare: lhBare, emptyBare: emptyLhBare, emptyOnboard: emptyLhOnboard, onboard: fullLhOnboard, overview: fullLhOverview }, csv: { firstByte: csvFirstByte, total: csvTotal, streamed: csvStreamed }, memory: { at10: memoryAt10, atCrowd: memoryAtCrowd, peakSinceStart: memoryPeakSinceStart } }, null, 2)}\n`,
  );
  console.log(`\nFigures written to ${options.json}`);
}
await db.$disconnect();
process.exit(0);
