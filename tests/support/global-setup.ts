import { resolveDatabaseUrl } from "../../lib/database-url";
import { resetTestDatabase, testDatabaseUrl } from "../../scripts/lib/test-database";

/** Vitest global setup: a clean, migrated test database before any test file runs. */
export default async function setup() {
  const url = testDatabaseUrl();
  await resetTestDatabase(resolveDatabaseUrl(url));
  // Workers start after this and inherit it, so lib/env.ts sees the test database.
  process.env.DATABASE_URL = url;
  // The tests' own process runs the background jobs it queues, on PostgreSQL too.
  process.env.JOBS_IN_APP ??= "true";
}
