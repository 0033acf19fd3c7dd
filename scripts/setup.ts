// Runs after `npm install`: generates the Prisma clients and prepares the database, so
// `npm run dev` works straight after a fresh clone.
import { loadEnvFiles } from "./lib/load-env";
import { migrateDatabase } from "./lib/migrate";
import { generateClients } from "./lib/prisma-schema";

loadEnvFiles();
generateClients();
try {
  const { env } = await import("../lib/env");
  await migrateDatabase(env.database);
} catch (error) {
  // A database that is not reachable yet must not break `npm install`; `npm run dev` retries.
  console.warn(`Database not prepared: ${(error as Error).message}`);
}
