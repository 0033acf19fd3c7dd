// The checks `npm start` runs before it serves (scripts/start.mjs runs this in a process of its
// own, so the TypeScript loader and this file's modules are gone before the server starts):
// refuses a bad or incomplete production environment, naming each variable, then applies
// migrations.
import { loadEnvFiles } from "./lib/load-env";
import { migrateDatabase } from "./lib/migrate";

loadEnvFiles(false);
const { env } = await import("../lib/env");
await migrateDatabase(env.database);
