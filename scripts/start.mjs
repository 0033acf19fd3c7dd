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
