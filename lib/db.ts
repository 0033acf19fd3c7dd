import "server-only";
import { env } from "./env";
import { createPrismaClient, type Db } from "./prisma";

// One client per process; cached on globalThis so hot reloads in development reuse it.
const globalForDb = globalThis as unknown as { db?: Db };

export const db: Db = globalForDb.db ?? createPrismaClient(env.database);

if (!env.isProduction) globalForDb.db = db;

export type { Db };
export * from "./generated/prisma/sqlite/enums";
