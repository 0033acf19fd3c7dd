import { mkdirSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL, resolveDatabaseUrl } from "./lib/database-url";

// Same .env files, same precedence as `next dev` / `next start`.
nextEnv.loadEnvConfig(process.cwd());

const target = resolveDatabaseUrl(process.env.DATABASE_URL || DEFAULT_DATABASE_URL);
const postgres = target.provider === "postgresql";

// The CLI runs on Prisma's JS engine through the same driver adapters as the app, so no
// native engine has to be downloaded. PostgreSQL migrations are applied by
// scripts/migrate.ts instead (prisma/orm#27403), but diff and generate work here.
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: postgres ? "prisma/generated/postgres/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/migrations-postgres" : "prisma/migrations" },
  async adapter() {
    if (target.provider === "postgresql") {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: target.url });
    }
    const { PrismaBetterSQLite3 } = await import("@prisma/adapter-better-sqlite3");
    mkdirSync(path.dirname(target.filePath), { recursive: true });
    return new PrismaBetterSQLite3({ url: target.url });
  },
});
