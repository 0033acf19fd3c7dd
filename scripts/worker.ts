// `npm run worker`: the background workers in a process of their own, for deployments with
// more than one app instance (PostgreSQL): run one or more beside the app, with the same
// settings. They take every queued job, including those a crashed worker left, and stop
// taking new ones on SIGTERM.
import { redactUrl } from "../lib/database-url";
import { loadEnvFiles } from "./lib/load-env";
import { migrateDatabase } from "./lib/migrate";

loadEnvFiles();
// Refuses to start on a bad environment, naming each variable.
const { env } = await import("../lib/env");
// The app applies migrations when it starts too; applying them here lets a worker start first.
await migrateDatabase(env.database, () => {});
const { startWorkers, stopJobs } = await import("../lib/jobs");
await startWorkers();
const where = env.database.provider === "sqlite" ? env.database.filePath : redactUrl(env.database.url);
console.log(`Background worker ${process.pid} running (${env.database.provider}: ${where})`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await stopJobs();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
