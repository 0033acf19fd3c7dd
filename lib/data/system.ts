import "server-only";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { chakra, isChakraError } from "../chakra";
import { db, type Db } from "../db";
import { usesOutbox } from "../email/mailer";
import { env } from "../env";
import { fail, type Result } from "../result";
import { DEMO_OWNER_EMAIL, ensureInitialOwner } from "./team";

export type ServiceStatus = Result;

/** Whether ChakraHQ (or the fake, in demo mode) answers and accepts our token. Calls it every time. */
export async function checkChakraHealth(): Promise<ServiceStatus> {
  try {
    await chakra.health();
    return { ok: true };
  } catch (error) {
    if (!isChakraError(error)) throw error;
    const hint = env.demoMode && error.kind === "network" ? " Is the fake running? Start the app with npm run dev." : "";
    return fail(`${error.message}.${hint}`);
  }
}

export type SharedCheck<T> = {
  /** The latest result, or "pending" when none came within the wait. */
  get(options?: { waitMs?: number }): Promise<{ state: "done"; value: T } | { state: "pending" }>;
  /** Resolves once no check is running. */
  settled(): Promise<void>;
};

/**
 * Runs `check` at most once at a time, for every caller: a result is reused for `freshMs`;
 * a stale one is returned at once while one re-check runs in the background; with no result
 * yet, callers wait at most `waitMs` and get "pending" after that.
 */
export function createSharedCheck<T>({
  check,
  freshMs,
  waitMs,
  now = Date.now,
}: {
  check: () => Promise<T>;
  freshMs: number;
  waitMs: number;
  now?: () => number;
}): SharedCheck<T> {
  let last: { value: T; at: number } | undefined;
  let running: Promise<T> | undefined;

  function start(): Promise<T> {
    if (running) return running;
    const run = Promise.resolve()
      .then(check)
      .then((value) => {
        last = { value, at: now() };
        return value;
      })
      .finally(() => {
        running = undefined;
      });
    // Nobody may be waiting (a background re-check): a failure is logged, never unhandled.
    run.catch((error: unknown) => console.error("[system] check failed:", error));
    running = run;
    return run;
  }

  return {
    async get({ waitMs: budget = waitMs } = {}) {
      if (last && now() - last.at < freshMs) return { state: "done", value: last.value };
      const run = start();
      if (last) return { state: "done", value: last.value };
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), budget);
      });
      try {
        const result = await Promise.race([run.then((value) => ({ value })), timeout]);
        return result === "timeout" ? { state: "pending" } : { state: "done", value: result.value };
      } finally {
        clearTimeout(timer);
      }
    },
    settled: () => (running ? running.then(() => undefined, () => undefined) : Promise.resolve()),
  };
}

export type ChakraHealth = { state: "ok" } | { state: "error"; message: string } | { state: "pending" };

// Module state: every render and status request this server process handles shares it.
const chakraHealth = createSharedCheck({
  check: () =>
    checkChakraHealth().catch((error: unknown): ServiceStatus => {
      console.error("[system] ChakraHQ health check failed:", error);
      return fail("The check failed unexpectedly; see the server log.");
    }),
  freshMs: 60_000,
  waitMs: 300,
});

/**
 * ChakraHQ's health, checked at most once a minute per process and never waited on for
 * more than a moment: "pending" while the first check is still running.
 */
export async function getChakraHealth({ waitMs }: { waitMs?: number } = {}): Promise<ChakraHealth> {
  const result = await chakraHealth.get({ waitMs });
  if (result.state === "pending") return result;
  return result.value.ok ? { state: "ok" } : { state: "error", message: result.value.message };
}

const MIGRATION_FOLDERS = { sqlite: "prisma/migrations", postgresql: "prisma/migrations-postgres" } as const;

/**
 * The committed migrations' folder for a provider: in the folder the app runs from
 * (process.cwd(), the project folder for `npm start`), else in the nearest parent that has
 * it (a server started from a subfolder). Null when there is none.
 */
export function findMigrationsFolder({
  provider = env.database.provider,
  from = process.cwd(),
}: { provider?: keyof typeof MIGRATION_FOLDERS; from?: string } = {}): string | null {
  for (let dir = path.resolve(/*turbopackIgnore: true*/ from); ; dir = path.dirname(dir)) {
    // Read at run time from where the server runs: nothing here belongs in the build's trace.
    const folder = path.join(/*turbopackIgnore: true*/ dir, MIGRATION_FOLDERS[provider]);
    if (existsSync(path.join(folder, "migration_lock.toml"))) return folder;
    if (path.dirname(dir) === dir) return null;
  }
}

/** The migrations committed in a folder, as the migration runners see them (a folder with a migration.sql). */
function committedMigrations(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(folder, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
}

const DATABASE_TIMEOUT_MS = 5_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export type Readiness = { ready: boolean; reasons: string[] };

/**
 * Whether this instance may take traffic: the database answers and every committed migration
 * is applied (a finished row in Prisma's `_prisma_migrations`). Calls nothing else, ChakraHQ
 * least of all. The reasons are fixed phrases and migration names: never an error's text,
 * which could name a host or a user.
 */
export async function checkReadiness({
  database = db,
  migrationsFolder = findMigrationsFolder(),
}: { database?: Db; migrationsFolder?: string | null } = {}): Promise<Readiness> {
  try {
    await within(database.$queryRaw`SELECT 1`, DATABASE_TIMEOUT_MS);
  } catch {
    return { ready: false, reasons: ["database not reachable"] };
  }
  if (!migrationsFolder) return { ready: false, reasons: ["migrations folder not found"] };

  let applied: Set<string>;
  try {
    const rows = await within(
      database.$queryRaw<{ migration_name: string }[]>`
        SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      DATABASE_TIMEOUT_MS,
    );
    applied = new Set(rows.map((r) => r.migration_name));
  } catch {
    // The database answered a moment ago: the table is missing, so nothing was applied.
    applied = new Set();
  }
  const missing = committedMigrations(migrationsFolder).filter((name) => !applied.has(name));
  if (missing.length === 0) return { ready: true, reasons: [] };
  const count = missing.length === 1 ? "1 migration" : `${missing.length} migrations`;
  return { ready: false, reasons: [`${count} not applied: ${missing.join(", ")}`] };
}

/** What anyone may be told about the setup: whether it runs against the fake ChakraHQ. */
export function describeSetup() {
  return { demoMode: env.demoMode } as const;
}

export type SystemStatus = {
  demoMode: boolean;
  chakraBaseUrl: string;
  chakra: ChakraHealth;
  databaseProvider: "SQLite" | "PostgreSQL";
  database: Readiness;
};

/**
 * Where the app points and whether each part answers, for signed-in members only (it names
 * the database kind and ChakraHQ's address): callers check the session.
 */
export async function getSystemStatus(): Promise<SystemStatus> {
  const [chakraStatus, database] = await Promise.all([getChakraHealth(), checkReadiness()]);
  return {
    demoMode: env.demoMode,
    chakraBaseUrl: env.chakra.baseUrl,
    chakra: chakraStatus,
    databaseProvider: env.database.provider === "sqlite" ? "SQLite" : "PostgreSQL",
    database,
  };
}

/**
 * What the sign-in page may say about this installation. The demo owner's address is shown
 * in demo mode only (never in production), and only while it is an active member.
 */
export async function describeSignIn(): Promise<{ demoOwnerEmail: string | null; outbox: boolean }> {
  await ensureInitialOwner();
  const outbox = usesOutbox();
  if (env.isProduction || !env.demoMode || env.INITIAL_ADMIN_EMAIL) return { demoOwnerEmail: null, outbox };
  const active = await db.user.count({ where: { email: DEMO_OWNER_EMAIL, removedAt: null } });
  return { demoOwnerEmail: active ? DEMO_OWNER_EMAIL : null, outbox };
}
