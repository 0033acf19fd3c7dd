/*
 * Reminders about onboarding links, pure: which are due for a link, from its state, the
 * agency's settings and the time. No database, no clock of their own: the sweep
 * (lib/data/onboarding/nudges.ts) passes `now`, and the tests pass any time they like.
 */
import { linkState } from "./rules";

/** To the client: sent but never opened; opened but not finished. To the admins: expires tomorrow unused. */
export const NUDGE_KINDS = ["unopened", "unfinished", "expiring"] as const;
export type NudgeKind = (typeof NUDGE_KINDS)[number];

/** The delays an owner may choose, in days. */
export const NUDGE_DAYS_RANGE = { min: 1, max: 30 } as const;
/** How long before a link expires the admins hear about it. */
export const EXPIRY_WARNING_MS = 24 * 60 * 60 * 1000;

/** The agency's settings: each client reminder's delay in days (null: off), and the admins' warning. */
export type NudgeSettings = { unopenedDays: number | null; unfinishedDays: number | null; expiryWarning: boolean };

export const NUDGES_OFF: NudgeSettings = { unopenedDays: null, unfinishedDays: null, expiryWarning: false };

/** What the rules need of a link. */
export type NudgeLink = {
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  clientArchived: boolean;
  /** The latest time it was emailed (a "Send again" starts the wait afresh); null: never emailed. */
  sentAt: Date | null;
  /** The first visit of the page (or start of a signup); null: never opened. */
  openedAt: Date | null;
  /** Whether its current address can be put in an email (sealed when it was made). */
  hasAddress: boolean;
  /** The reminders already sent (each kind once). */
  reminded: readonly NudgeKind[];
};

const DAY = 24 * 60 * 60 * 1000;
const after = (date: Date, days: number) => new Date(date.getTime() + days * DAY);

/**
 * The reminders due for a link now. None for a link that no longer works (connected, revoked,
 * which includes replaced by a newer link, expired, or its client archived), and none twice.
 * A client reminder needs the link to have been emailed and its address at hand; the expiry
 * warning starts with the link's last day, except for a link made within it (a one-day link).
 */
export function dueNudges(link: NudgeLink, settings: NudgeSettings, now: Date): NudgeKind[] {
  if (linkState(link, now) !== "active") return [];
  const due: NudgeKind[] = [];
  const done = new Set(link.reminded);
  if (
    settings.unopenedDays !== null &&
    link.hasAddress &&
    link.sentAt &&
    !link.openedAt &&
    now >= after(link.sentAt, settings.unopenedDays)
  )
    due.push("unopened");
  if (
    settings.unfinishedDays !== null &&
    link.hasAddress &&
    link.sentAt &&
    link.openedAt &&
    now >= after(link.openedAt, settings.unfinishedDays)
  )
    due.push("unfinished");
  const lastDay = new Date(link.expiresAt.getTime() - EXPIRY_WARNING_MS);
  if (settings.expiryWarning && now >= lastDay && link.createdAt < lastDay) due.push("expiring");
  return due.filter((kind) => !done.has(kind));
}

/** Where a reminder email points the client: the same address, or its help form. */
export const HELP_ANCHOR = "help";

// ---------------------------------------------------------------- the weekly digest

export const WEEK_SECONDS = 7 * 24 * 60 * 60;

/** The week a time falls in (weeks counted from the Unix epoch, as the digest's schedule counts them). */
export function weekOf(now: Date): number {
  return Math.floor(now.getTime() / 1000 / WEEK_SECONDS);
}

/**
 * Whether a week's digest may still go out: within a day of the week's start. A worker that
 * starts mid-week (a deploy on a Monday) does not send that week's digests late; the next week's go out on time.
 */
export function digestWeekFresh(week: number, now: Date): boolean {
  const start = week * WEEK_SECONDS * 1000;
  return now.getTime() >= start && now.getTime() - start < 24 * 60 * 60 * 1000;
}

/** The window a digest covers: the seven days before `now`. */
export function digestWindow(now: Date): { from: Date; to: Date } {
  return { from: new Date(now.getTime() - WEEK_SECONDS * 1000), to: now };
}

/** A link "about to expire" in the digest: it stops working within this long. */
export const DIGEST_EXPIRING_MS = 3 * DAY;
