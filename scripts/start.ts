// `npm start`: the production server. Checks the settings, applies migrations, then serves
// the built app. A small Node server around Next's request handler rather than `next start`,
// for one reason: the client's address. Next hands the app no socket address, and sets
// X-Forwarded-For from it only when a request has none, so a forged header would pass for the
// client. This server appends the socket's address to X-Forwarded-For, as a proxy does, and
// the app counts TRUSTED_PROXY_COUNT entries back from the end (lib/http/client-address.ts).
import { createServer } from "node:http";
import next from "next";
import { loadEnvFiles } from "./lib/load-env";
import { migrateDatabase } from "./lib/migrate";
import { ROOT } from "./lib/prisma-schema";

loadEnvFiles(false);
// Refuses to start on a bad or incomplete production environment, naming each variable.
const { env } = await import("../lib/env");
await migrateDatabase(env.database);

const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOSTNAME || "0.0.0.0";
// Where this server reaches itself: Next fetches the page after a server action's redirect
// from here. `next start` sets the same private variable; without it Next guesses https
// from X-Forwarded-Proto and would call its own plain-http port over TLS.
process.env.__NEXT_PRIVATE_ORIGIN = `http://${hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname}:${port}`;
// tsx (which runs this TypeScript file) turns on Node's source maps for every module loaded
// after it: Node then reads and keeps the map, sources included, of each of Next's server
// chunks it loads, tens of MB that `next start` never holds. The app's code is built
// JavaScript; this file's own modules are loaded by now.
process.setSourceMapsEnabled(false);
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
  console.log(`Partner Onboarding listening on ${hostname}:${port}, serving ${env.APP_URL}`);
});

function stop() {
  server.close(() => process.exit(0));
  // Requests still open after 10 s are cut: a load balancer has stopped sending by then.
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
