import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type * as NextServer from "next/server";
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startFakeChakra } from "@/fake-chakra/server";
import { FAKE_CHAKRA_TOKEN } from "@/lib/chakra/demo";
import { createPrismaClient } from "@/lib/prisma";

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
// Outside Next.js there is no request scope for connection() to check: every call here is a request.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => {},
}));

/*
 * GET /api/health/ready, as a load balancer and a member see it, on whichever database the
 * suite runs on. The repository's files are never changed: a missing migration is a deleted
 * row (put back afterwards) or an extra folder in a copy of the migrations.
 */

const ROOT = path.resolve(import.meta.dirname, "../..");

// The app's ChakraHQ client is built from the settings when first imported: point it at a
// fake of this file's own, so that any call the readiness check made would be recorded.
const fake = await startFakeChakra({ token: FAKE_CHAKRA_TOKEN, seed: false });
vi.stubEnv("CHAKRA_BASE_URL", fake.url);
vi.stubEnv("CHAKRA_API_TOKEN", "");
const { GET } = await import("@/app/api/health/ready/route");
const { checkReadiness, findMigrationsFolder, getChakraHealth } = await import("@/lib/data/system");
const { db } = await import("@/lib/db");
const { env } = await import("@/lib/env");
const { signInAs, signOutOfJar } = await import("../support/request-context");

const work = mkdtempSync(path.join(tmpdir(), "readiness-"));
afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
  rmSync(work, { recursive: true, force: true });
});
beforeEach(() => signOutOfJar());
afterEach(() => vi.restoreAllMocks());

const FOLDER = env.database.provider === "sqlite" ? "prisma/migrations" : "prisma/migrations-postgres";
const committed = readdirSync(path.join(ROOT, FOLDER), { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();
const latest = committed.at(-1)!;

async function ask() {
  const response = await GET();
  return { status: response.status, cache: response.headers.get("cache-control"), body: await response.json() };
}

/** A project folder of its own: the committed migrations, and one more that no database has seen. */
function projectWithExtraMigration(): string {
  const root = mkdtempSync(path.join(work, "project-"));
  cpSync(path.join(ROOT, FOLDER), path.join(root, FOLDER), { recursive: true });
  mkdirSync(path.join(root, FOLDER, "29991231000000_from_the_future"));
  writeFileSync(path.join(root, FOLDER, "29991231000000_from_the_future", "migration.sql"), "SELECT 1;\n");
  return root;
}

describe("GET /api/health/ready", () => {
  it("is ready on a migrated database, and says nothing more to an anonymous caller", async () => {
    expect(committed.length).toBeGreaterThan(0);
    expect(await ask()).toEqual({ status: 200, cache: "no-store", body: { status: "ready" } });
  });

  it("gives a signed-in member the (empty) reasons", async () => {
    await signInAs("VIEWER");
    expect(await ask()).toEqual({ status: 200, cache: "no-store", body: { status: "ready", reasons: [] } });
  });

  it("is not ready when a migration's row is missing; only a member learns which", async () => {
    expect(latest).toMatch(/^\w+$/);
    await db.$executeRawUnsafe(
      `CREATE TABLE readiness_backup AS SELECT * FROM _prisma_migrations WHERE migration_name = '${latest}'`,
    );
    try {
      await db.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '${latest}'`);
      expect(await ask()).toEqual({ status: 503, cache: "no-store", body: { status: "not ready" } });
      await signInAs("ADMIN");
      expect(await ask()).toEqual({
        status: 503,
        cache: "no-store",
        body: { status: "not ready", reasons: [`1 migration not applied: ${latest}`] },
      });
    } finally {
      await db.$executeRawUnsafe("INSERT INTO _prisma_migrations SELECT * FROM readiness_backup");
      await db.$executeRawUnsafe("DROP TABLE readiness_backup");
    }
    expect((await ask()).status).toBe(200);
  });

  it("is not ready when the project holds a migration the database lacks (read from the folder it runs in)", async () => {
    vi.spyOn(process, "cwd").mockReturnValue(projectWithExtraMigration());
    expect(await ask()).toEqual({ status: 503, cache: "no-store", body: { status: "not ready" } });
    await signInAs("VIEWER");
    expect((await ask()).body).toEqual({
      status: "not ready",
      reasons: ["1 migration not applied: 29991231000000_from_the_future"],
    });
  });

  it("never calls ChakraHQ", async () => {
    await ask();
    await signInAs("OWNER");
    await ask();
    vi.spyOn(process, "cwd").mockReturnValue(projectWithExtraMigration());
    await ask();
    expect(fake.requests).toEqual([]);
    // The fake is the app's ChakraHQ: a status check does reach it.
    expect(await getChakraHealth({ waitMs: 10_000 })).toEqual({ state: "ok" });
    expect(fake.requests.map((r) => r.path)).toEqual(["/v1/health"]);
  });
});

describe("checkReadiness", () => {
  it("is not ready with an unreachable database, and names no host, user or password", async () => {
    const unreachable = [
      // Nothing listens on port 1.
      createPrismaClient({ provider: "postgresql", url: "postgresql://ops:s3cret-pw@127.0.0.1:1/app" }),
      // A folder where the SQLite file should be: it cannot be opened.
      createPrismaClient({ provider: "sqlite", url: `file:${work}`, filePath: work }),
    ];
    for (const database of unreachable) {
      const readiness = await checkReadiness({ database });
      expect(readiness).toEqual({ ready: false, reasons: ["database not reachable"] });
      await database.$disconnect().catch(() => {});
    }
  });

  it("counts every migration as missing on a database nothing was applied to", async () => {
    const empty = path.join(work, "empty.db");
    const database = createPrismaClient({ provider: "sqlite", url: `file:${empty}`, filePath: empty });
    const sqliteNames = readdirSync(path.join(ROOT, "prisma/migrations"), { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    const readiness = await checkReadiness({ database, migrationsFolder: path.join(ROOT, "prisma/migrations") });
    expect(readiness).toEqual({
      ready: false,
      reasons: [`${sqliteNames.length} migrations not applied: ${sqliteNames.join(", ")}`],
    });
    await database.$disconnect();
  });

  it("is not ready without a migrations folder", async () => {
    expect(await checkReadiness({ migrationsFolder: null })).toEqual({
      ready: false,
      reasons: ["migrations folder not found"],
    });
  });
});

describe("findMigrationsFolder", () => {
  it("finds each provider's folder from the project folder and from any folder inside it", () => {
    for (const from of [ROOT, path.join(ROOT, "app/api/health/ready")]) {
      expect(findMigrationsFolder({ provider: "sqlite", from })).toBe(path.join(ROOT, "prisma/migrations"));
      expect(findMigrationsFolder({ provider: "postgresql", from })).toBe(
        path.join(ROOT, "prisma/migrations-postgres"),
      );
    }
  });

  it("looks in the folder the app runs in, for the provider it uses", () => {
    const project = projectWithExtraMigration();
    vi.spyOn(process, "cwd").mockReturnValue(path.join(project, "prisma"));
    expect(findMigrationsFolder()).toBe(path.join(project, FOLDER));
  });

  it("is null where there is none", () => {
    const nowhere = mkdtempSync(path.join(work, "nowhere-"));
    expect(findMigrationsFolder({ provider: "sqlite", from: nowhere })).toBeNull();
    // A folder named like the migrations but without Prisma's lock file is not taken for them.
    mkdirSync(path.join(nowhere, "prisma/migrations"), { recursive: true });
    expect(findMigrationsFolder({ provider: "sqlite", from: nowhere })).toBeNull();
  });
});
