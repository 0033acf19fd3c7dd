// Applies the committed migrations to DATABASE_URL (SQLite by default).
import { loadEnvFiles } from "./lib/load-env";
import { migrateDatabase } from "./lib/migrate";

loadEnvFiles();
const { env } = await import("../lib/env");
await migrateDatabase(env.database);
