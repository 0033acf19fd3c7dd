// `npm run dev`: prepares the database, starts the fake ChakraHQ (demo mode) and Next.js.
import { spawn } from "node:child_process";
import path from "node:path";
import { redactUrl } from "../lib/database-url";
import { loadEnvFiles } from "./lib/load-env";
import { migrateDatabase } from "./lib/migrate";
import { ROOT } from "./lib/prisma-schema";

loadEnvFiles(true);
// `PORT=3300 npm run dev` alone: the links the app writes (sign-in, onboarding) follow the port.
if (process.env.PORT && !process.env.APP_URL) process.env.APP_URL = `http://localhost:${process.env.PORT}`;
// The machines this runs on are often offline; telemetry would only retry in vain.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const { env } = await import("../lib/env");
const { startFakeChakraForApp } = await import("../fake-chakra/start");

await migrateDatabase(env.database);

let fake: Awaited<ReturnType<typeof startFakeChakraForApp>> | null = null;
if (env.demoMode) {
  try {
    fake = await startFakeChakraForApp(env);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(
        `Port ${env.FAKE_CHAKRA_PORT} is taken (another \`npm run dev\`?). Stop it, or set FAKE_CHAKRA_PORT to a free port.`,
      );
      process.exit(1);
    }
    throw error;
  }
}

const appUrl = new URL(env.APP_URL);
const port = process.env.PORT ?? (appUrl.port || "3000");
const database =
  env.database.provider === "sqlite"
    ? `SQLite, ${path.relative(ROOT, env.database.filePath)}`
    : `PostgreSQL, ${redactUrl(env.database.url)}`;
console.log(
  [
    "",
    `  Partner Onboarding   ${env.APP_URL}`,
    env.demoMode
      ? `  ChakraHQ             fake, demo mode: ${fake?.url} (set CHAKRA_API_TOKEN for the real API)\n` +
        `  Simulate changes     ${fake?.url}/demo`
      : `  ChakraHQ             ${env.chakra.baseUrl}`,
    `  Database             ${database}`,
    "",
  ].join("\n"),
);

const next = spawn(path.join(ROOT, "node_modules/.bin/next"), ["dev", "--port", port, ...process.argv.slice(2)], {
  cwd: ROOT,
  stdio: "inherit",
  env: process.env,
});

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  if (next.exitCode === null) next.kill("SIGTERM");
  await fake?.close();
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));
next.on("exit", (code) => void stop(code ?? 0));
