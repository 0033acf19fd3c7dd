// `npm start`: the production server. Checks the settings, applies migrations, then serves
// the built app. A small Node server around Next's request handler rather than `next start`,
// for one reason: the client's address. Next hands the app no socket address, and sets
// X-Forwarded-For from it only when a request has none, so a forged header would pass for the
// client. This server appends the socket's address to X-Forwarded-For, as a proxy does, and
// the app counts TRUSTED_PROXY_COUNT entries back from the end (lib/http/client-address.ts).
//
// Plain JavaScript, run by Node itself: a TypeScript loader (tsx) in the serving process costs
// ~35 MB (its hooks' thread) and turns on source maps for every server chunk Next loads. The
// TypeScript checks (the settings, the migrations) run first in a child process, scripts/prestart.ts.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import nextEnv from "@next/env";
import next from "next";

const ROOT = path.resolve(import.meta.dirname, "..");

const checked = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/prestart.ts")], {
  cwd: ROOT,
  stdio: "inherit",
});
if (checked.status !== 0) process.exit(checked.status ?? 1);
// The same .env files the checks read (the variables they accepted).
nextEnv.loadEnvConfig(ROOT, false, { info: () => {}, error: console.error });

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
// Where this server reaches itself: Next fetches the page after a server action's redirect
// from here. `next start` sets the same private variable; without it Next guesses https
// from X-Forwarded-Proto and would call its own plain-http port over TLS.
process.env.__NEXT_PRIVATE_ORIGIN = `http://${hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname}:${port}`;
// The configuration `next build` resolved from next.config.ts and wrote beside the build. Next's
// own standalone server (output: "standalone", server.js) hands it over the same way, through
// this private variable, so that the server does not compile next.config.ts again: that loads
// Next's native compiler (~26 MB resident) into the serving process for good. The one setting
// taken from the environment at run time rather than at build time: the origin server actions
// accept (next.config.ts computes it the same way, for `next dev` and the build).
const distDir = process.env.NEXT_DIST_DIR || ".next";
let config;
try {
  ({ config } = JSON.parse(readFileSync(path.join(ROOT, distDir, "required-server-files.json"), "utf8")));
} catch {
  console.error(`No production build in ${distDir}/: run \`npm run build\` first.`);
  process.exit(1);
}
config.experimental.serverActions.allowedOrigins = [new URL(process.env.APP_URL).host];
process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
const app = next({ dev: false, dir: ROOT, hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  const socketAddress = request.socket.remoteAddress ?? "";
  const forwarded = request.headers["x-forwarded-for"];
  const chain = [Array.isArray(forwarded) ? forwarded.join(", ") : forwarded, socketAddress].filter(Boolean);
  request.headers["x-forwarded-for"] = chain.join(", ");
  void handle(request, response);
});
server.listen(port, hostname, () => {
  console.log(`Partner Onboarding listening on ${hostname}:${port}, serving ${process.env.APP_URL}`);
});

function stop() {
  server.close(() => process.exit(0));
  // Requests still open after 10 s are cut: a load balancer has stopped sending by then.
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
