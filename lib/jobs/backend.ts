import type { DatabaseTarget } from "../database-url";
import type { BackendOptions, JobBackend } from "./engine";

/** The backend for a database: pg-boss on PostgreSQL, liteque beside a SQLite file. */
export async function createBackend(target: DatabaseTarget, options: BackendOptions): Promise<JobBackend> {
  if (target.provider === "postgresql") {
    const { createPgBossBackend } = await import("./pg-boss");
    return createPgBossBackend(target.url, options);
  }
  const { createLitequeBackend } = await import("./liteque");
  return createLitequeBackend(target.filePath, options);
}
