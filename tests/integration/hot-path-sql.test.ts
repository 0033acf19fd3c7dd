import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";

// "Connect WhatsApp" mints through the app's own ChakraHQ client, which takes its address from
// the environment once: point it at a fake of this file's own before anything reads it.
const fake = await vi.hoisted(async () => (await import("../support/app-fake")).startAppFake({ CHAKRA_API_TOKEN: "" }));

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());

import { startOnboarding } from "@/lib/actions/onboarding";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/sqlite/client";
import { consumeRateLimits } from "@/lib/data/rate-limit";
import { resolveLink } from "@/lib/data/onboarding/signup";
import { createTestClient, createTestLink } from "../support/factories";
import { setRequestHeaders } from "../support/request-context";

/*
 * The statements "Connect WhatsApp" runs in SQL (lib/data/sql.ts) write the rows Prisma's own
 * queries write: each row is compared, as the database stores it (every column as text, digits
 * and id characters masked), with a row Prisma wrote in the same table; and Prisma reads and
 * filters them as its own.
 */

afterAll(async () => {
  vi.unstubAllEnvs();
  await fake.close();
});
beforeEach(() => setRequestHeaders({}));

/**
 * A row's columns as stored (text), each run of digits as one 9 (PostgreSQL's text of a time
 * drops trailing zeros of its milliseconds) and, in ids, every character as x.
 */
async function storedShape(table: string, id: string, columns: string[]) {
  const list = Prisma.raw(columns.map((c) => `CAST("${c}" AS TEXT) AS "${c}"`).join(", "));
  const [row] = await db.$queryRaw<Record<string, string | null>[]>`
    SELECT ${list} FROM ${Prisma.raw(`"${table}"`)} WHERE "id" = ${id}`;
  if (!row) throw new Error(`No ${table} ${id}`);
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      value === null ? null : column === "id" ? value.replace(/[a-z0-9]/g, "x") : value.replace(/[0-9]+/g, "9"),
    ]),
  );
}

const since = (ms: number) => new Date(Date.now() - ms);

describe("the rate limits' rows, written in SQL", () => {
  it("are the rows Prisma writes: ids, dates, counts", async () => {
    const key = `sql-shape:${Date.now()}`;
    const clock = Date.now() - 1_000;
    expect(await consumeRateLimits([{ key, limit: 2, windowMs: 60_000 }], clock)).toEqual({ allowed: true });

    const hit = await db.rateLimitHit.findFirstOrThrow({ where: { key, createdAt: { gte: since(60_000) } } });
    expect(hit.createdAt.getTime()).toBe(clock);
    expect(hit.updatedAt.getTime()).toBeGreaterThanOrEqual(clock);
    const lock = await db.rateLimitLock.findUniqueOrThrow({ where: { key } });
    expect(lock.createdAt.getTime()).toBe(lock.updatedAt.getTime());

    const prismaHit = await db.rateLimitHit.create({ data: { key: `${key}:prisma`, createdAt: new Date(clock) } });
    const prismaLock = await db.rateLimitLock.create({ data: { key: `${key}:prisma` } });
    const columns = ["id", "createdAt", "updatedAt"];
    expect(await storedShape("RateLimitHit", hit.id, columns)).toEqual(
      await storedShape("RateLimitHit", prismaHit.id, columns),
    );
    expect(await storedShape("RateLimitLock", lock.id, columns)).toEqual(
      await storedShape("RateLimitLock", prismaLock.id, columns),
    );

    // A second attempt moves the lock's updatedAt, keeps its row, and adds a hit.
    await consumeRateLimits([{ key, limit: 2, windowMs: 60_000 }]);
    const again = await db.rateLimitLock.findUniqueOrThrow({ where: { key } });
    expect(again.id).toBe(lock.id);
    expect(again.updatedAt.getTime()).toBeGreaterThanOrEqual(lock.updatedAt.getTime());
    expect(await db.rateLimitHit.count({ where: { key } })).toBe(2);
    // The third is refused and writes no hit.
    expect(await consumeRateLimits([{ key, limit: 2, windowMs: 60_000 }])).toMatchObject({ allowed: false });
    expect(await db.rateLimitHit.count({ where: { key } })).toBe(2);
  });

  it("clear a key's hits that left the window, in SQL too", async () => {
    const key = `sql-clear:${Date.now()}`;
    const start = Date.now() - 10 * 60_000;
    await consumeRateLimits([{ key, limit: 5, windowMs: 60_000 }], start);
    await consumeRateLimits([{ key, limit: 5, windowMs: 60_000 }], start + 1_000);
    await consumeRateLimits([{ key, limit: 5, windowMs: 60_000 }], start + 5 * 60_000);
    const left = await db.rateLimitHit.findMany({ where: { key }, select: { createdAt: true } });
    expect(left.map((h) => h.createdAt.getTime())).toEqual([start + 5 * 60_000]);
  });
});

describe("a mint's rows, written in SQL", () => {
  it("open the signup attempt, end the one before, record STARTED and move the stage, as Prisma would", async () => {
    const plugin = fake.createPlugin();
    const client = await createTestClient("sql-mint", { pluginId: plugin.id });
    const { token, linkId } = await createTestLink(client.id);
    const before = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId }, select: { updatedAt: true } });

    const first = await startOnboarding(token);
    const second = await startOnboarding(token);
    expect(first).toMatchObject({ ok: true });
    expect(second).toMatchObject({ ok: true });

    const attempts = await db.signupAttempt.findMany({ where: { linkId }, orderBy: { createdAt: "asc" } });
    expect(attempts).toHaveLength(2);
    const [ended, open] = attempts as [(typeof attempts)[0], (typeof attempts)[0]];
    expect(ended).toMatchObject({ outcome: "replaced", pluginId: plugin.id });
    expect(ended.endedAt).toBeInstanceOf(Date);
    expect(ended.updatedAt.getTime()).toBe(ended.endedAt!.getTime());
    expect(open).toMatchObject({ outcome: null, endedAt: null, pluginId: plugin.id, baselineWabaIds: "[]" });
    expect(open.expiresAt.toISOString()).toBe(second.ok ? second.expiresAt : "");
    // Prisma's own filters find them: dates compare as Prisma's do.
    expect(await db.signupAttempt.count({ where: { linkId, endedAt: null, expiresAt: { gt: new Date() } } })).toBe(1);

    const started = await db.onboardingLinkEvent.findMany({ where: { linkId, type: "STARTED" } });
    expect(started).toHaveLength(2);
    const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId }, select: { updatedAt: true } });
    expect(link.updatedAt.getTime()).toBeGreaterThan(before.updatedAt.getTime());
    const moved = await db.client.findUniqueOrThrow({ where: { id: client.id } });
    expect(moved.onboardingStatus).toBe("OPENED");
    // Moved by the first mint's STARTED (the second finds it moved).
    expect(moved.updatedAt.getTime()).toBeGreaterThanOrEqual(ended.createdAt.getTime());
    expect(moved.updatedAt.getTime()).toBeLessThanOrEqual(open.createdAt.getTime());

    // As stored, next to rows Prisma writes in the same tables.
    const prismaAttempt = await db.signupAttempt.create({
      data: {
        linkId,
        pluginId: plugin.id,
        expiresAt: open.expiresAt,
        baselineWabaIds: "[]",
        baselineNumberIds: "[]",
        baselineConnectedIds: "[]",
        endedAt: new Date(),
        outcome: "replaced",
      },
    });
    const attemptColumns = [
      "id",
      "linkId",
      "pluginId",
      "expiresAt",
      "baselineWabaIds",
      "baselineNumberIds",
      "baselineConnectedIds",
      "endedAt",
      "outcome",
      "createdAt",
      "updatedAt",
    ];
    expect(await storedShape("SignupAttempt", ended.id, attemptColumns)).toEqual(
      await storedShape("SignupAttempt", prismaAttempt.id, attemptColumns),
    );
    const prismaEvent = await db.onboardingLinkEvent.create({ data: { linkId, type: "STARTED" } });
    const eventColumns = ["id", "linkId", "type", "detail", "createdAt", "updatedAt"];
    expect(await storedShape("OnboardingLinkEvent", started[0]!.id, eventColumns)).toEqual(
      await storedShape("OnboardingLinkEvent", prismaEvent.id, eventColumns),
    );
    const clientColumns = ["onboardingStatus", "updatedAt"];
    const movedShape = await storedShape("Client", client.id, clientColumns);
    const other = await createTestClient("sql-mint-prisma");
    await db.client.update({ where: { id: other.id }, data: { onboardingStatus: "OPENED" } });
    expect(movedShape).toEqual(await storedShape("Client", other.id, clientColumns));
  });

  it("resolve a link in one query, with its client, as before", async () => {
    const client = await createTestClient("sql-resolve", { pluginId: fake.createPlugin().id, language: "es" });
    const { token, linkId, expiresAt } = await createTestLink(client.id);
    expect(await resolveLink(token)).toEqual({
      state: "active",
      linkId,
      clientId: client.id,
      clientName: client.name,
      language: "es",
      pluginId: client.pluginId,
      purpose: "CONNECT",
      expiresAt,
      usedAt: null,
    });
    await db.client.update({ where: { id: client.id }, data: { archived: true } });
    expect(await resolveLink(token)).toMatchObject({ state: "revoked", linkId });
    expect(await resolveLink(token, new Date(expiresAt.getTime() + 1))).toMatchObject({ state: "revoked" });
    await db.client.update({ where: { id: client.id }, data: { archived: false } });
    expect(await resolveLink(token, new Date(expiresAt.getTime() + 1))).toMatchObject({ state: "expired" });
    expect(await resolveLink("x".repeat(43))).toEqual({ state: "unknown" });
  });
});
