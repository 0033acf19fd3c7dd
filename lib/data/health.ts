import "server-only";
import { z } from "zod";
import { db } from "../db";
import { env } from "../env";
import { defineJob, type JobContext } from "../jobs/engine";
import { recordAudit } from "./audit";
import type { Actor } from "./team";
import { settleStale, startRun } from "./whatsapp";

/**
 * The health sweep: every N minutes (an owner's setting) every mapped plugin is fetched, one
 * job per client as "Refresh all" does (RefreshJob of kind SWEEP), its snapshot stored and
 * compared with the previous one; what needs the agency opens an alert (lib/data/alerts.ts).
 */

/** How often the clock job looks whether a sweep is due; a sweep's slot is the interval itself. */
export const SWEEP_TICK_SECONDS = 60;

/** Minutes between sweeps: the owner's setting, else the default (HEALTH_SWEEP_MINUTES); 0: off. */
export async function getSweepMinutes(): Promise<{ minutes: number; isDefault: boolean }> {
  const row = await db.agencySettings.findUnique({ where: { id: "agency" }, select: { healthSweepMinutes: true } });
  const minutes = row?.healthSweepMinutes;
  return minutes === null || minutes === undefined
    ? { minutes: env.jobs.sweepMinutes, isDefault: true }
    : { minutes, isDefault: false };
}

/** Saves the sweep's interval (0: off); audited. */
export async function setSweepMinutes({ actor, minutes }: { actor: Actor; minutes: number }) {
  await db.$transaction(async (tx) => {
    await tx.agencySettings.upsert({
      where: { id: "agency" },
      create: { id: "agency", name: "Your agency", healthSweepMinutes: minutes },
      update: { healthSweepMinutes: minutes },
    });
    await recordAudit({ actor, action: "agency.sweep_interval", targetType: "agency", targetId: "agency", metadata: { minutes } }, tx);
  });
}

/** The slot a time falls in, for an interval: slots of that length counted from the Unix epoch. */
export function sweepSlot(now: Date, minutes: number): { key: string; startsAt: Date; nextAt: Date } {
  const length = minutes * 60_000;
  const number = Math.floor(now.getTime() / length);
  return { key: `${minutes}:${number}`, startsAt: new Date(number * length), nextAt: new Date((number + 1) * length) };
}

/** The newest sweep (a dead one marked stopped). */
export async function latestSweep() {
  return settleStale(await db.refreshJob.findFirst({ where: { kind: "SWEEP" }, orderBy: { startedAt: "desc" } }));
}

/**
 * The clock's turn: starts this slot's sweep unless the sweep is off, a sweep already started in
 * this slot (the slot column is unique: however many workers tick at once, one sweep per slot)
 * or one still runs.
 */
export async function runScheduledSweep({
  now = new Date(),
  minutes: asked,
}: { now?: Date; minutes?: number } = {}): Promise<{ started: boolean; reason?: string }> {
  const minutes = asked ?? (await getSweepMinutes()).minutes;
  if (minutes === 0) return { started: false, reason: "off" };
  const slot = sweepSlot(now, minutes);
  const last = await latestSweep();
  if (last?.status === "RUNNING") return { started: false, reason: "a sweep is running" };
  // A sweep already started in this slot (an owner's "Run a sweep now" counts): the next slot's turn.
  if (last && last.startedAt >= slot.startsAt) return { started: false, reason: "slot taken" };
  try {
    await startRun({ kind: "SWEEP", slot: slot.key });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") return { started: false, reason: "slot taken" };
    throw error;
  }
  return { started: true };
}

/** An owner's "Run a sweep now"; returns the running sweep instead if one is going. */
export async function runSweepNow({ actor }: { actor: Actor }) {
  const running = await latestSweep();
  if (running?.status === "RUNNING") return { job: running, started: false };
  const job = await startRun({ kind: "SWEEP", startedById: actor.id });
  await recordAudit({ actor, action: "health.sweep_started", targetType: "job", targetId: job.id, metadata: { clients: job.total } });
  return { job, started: true };
}

/** The clock job: once a minute (once per minute slot, whatever the number of workers), a sweep if one is due. */
export const healthSweepJob = defineJob({
  name: "health-sweep",
  schema: z.object({}),
  handler: async (_data: object, _job: JobContext) => {
    await runScheduledSweep();
  },
  retry: { limit: 0, delaySeconds: 5, backoff: false },
  expireInSeconds: 60,
  concurrency: 1,
});

const RECENT_FAILURES = 20;
/** Finished "Refresh all" runs kept on the page: what a member started and how it went. */
const RECENT_REFRESHES = 5;

/** What the Background work page shows: the schedule, the last sweep, what runs now and what failed lately. */
export async function getBackgroundWork(now = new Date()) {
  const [{ minutes, isDefault }, last] = await Promise.all([getSweepMinutes(), latestSweep()]);
  const [runningRuns, runningClients, failures, refreshes] = await Promise.all([
    db.refreshJob.findMany({ where: { status: "RUNNING" }, orderBy: { startedAt: "desc" }, take: 10 }),
    db.refreshJobClient.findMany({
      where: { outcome: null, claimedAt: { not: null }, refreshJob: { status: "RUNNING" } },
      select: { id: true, clientId: true, claimedAt: true, refreshJob: { select: { kind: true } } },
      orderBy: { claimedAt: "asc" },
      take: 50,
    }),
    db.refreshJobClient.findMany({
      where: { outcome: "FAILED" },
      select: { id: true, clientId: true, message: true, updatedAt: true, refreshJob: { select: { kind: true } } },
      orderBy: { updatedAt: "desc" },
      take: RECENT_FAILURES,
    }),
    db.refreshJob.findMany({
      where: { kind: "REFRESH_ALL", status: { not: "RUNNING" } },
      select: {
        id: true,
        status: true,
        total: true,
        done: true,
        failed: true,
        lastError: true,
        startedById: true,
        startedAt: true,
        finishedAt: true,
      },
      orderBy: { startedAt: "desc" },
      take: RECENT_REFRESHES,
    }),
  ]);
  const starterIds = [...new Set(refreshes.flatMap((r) => (r.startedById ? [r.startedById] : [])))];
  const starters = new Map(
    starterIds.length
      ? (await db.user.findMany({ where: { id: { in: starterIds } }, select: { id: true, email: true } })).map((u) => [
          u.id,
          u.email,
        ])
      : [],
  );
  const ids = [...new Set([...runningClients, ...failures].map((c) => c.clientId))];
  const names = new Map(
    (await db.client.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((c) => [c.id, c.name]),
  );
  const named = <T extends { clientId: string }>(rows: T[]) =>
    rows.map((r) => ({ ...r, clientName: names.get(r.clientId) ?? null }));
  // This slot's sweep starts at the clock's next tick (within a minute) if it has not yet.
  const slot = minutes === 0 ? null : sweepSlot(now, minutes);
  const slotTaken = slot ? Boolean(last && last.startedAt >= slot.startsAt) : true;
  return {
    minutes,
    isDefault,
    nextSweepAt: slot ? (slotTaken ? slot.nextAt : new Date(now.getTime() + SWEEP_TICK_SECONDS * 1000)) : null,
    last,
    running: runningRuns,
    runningClients: named(runningClients),
    failures: named(failures),
    /** Who started each: null when not recorded or the member has left the team. */
    refreshes: refreshes.map((r) => ({ ...r, startedBy: r.startedById ? (starters.get(r.startedById) ?? null) : null })),
  };
}
