/*
 * The home page's funnel: the links created in a period, how far they got, and connections per
 * week. Pure: lib/data/home.ts counts, this turns counts into figures and words.
 */

export type FunnelCounts = { sent: number; opened: number; started: number; connected: number };

export const FUNNEL_STEPS = [
  { key: "sent", label: "Sent", description: "links emailed, or created to share by hand" },
  { key: "opened", label: "Opened", description: "the client opened the link" },
  { key: "started", label: "Started", description: "the client began the WhatsApp signup" },
  { key: "connected", label: "Connected", description: "WhatsApp connected" },
] as const satisfies readonly { key: keyof FunnelCounts; label: string; description: string }[];

export type FunnelStep = (typeof FUNNEL_STEPS)[number] & {
  count: number;
  /** Of the links sent, in percent (0 to 100, whole). */
  ofSent: number;
  /** Of the step before, in percent; null for the first step or when the step before is empty. */
  fromPrevious: number | null;
};

const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** Each step with its share of the links sent and its conversion from the step before. */
export function funnelSteps(counts: FunnelCounts): FunnelStep[] {
  return FUNNEL_STEPS.map((step, i) => {
    const previous = i > 0 ? counts[FUNNEL_STEPS[i - 1]!.key] : null;
    return {
      ...step,
      count: counts[step.key],
      ofSent: percent(counts[step.key], counts.sent),
      fromPrevious: previous === null || previous === 0 ? null : percent(counts[step.key], previous),
    };
  });
}

/** The median of some numbers; null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "2 days 4 hours", "3 hours 10 minutes", "12 minutes", "under a minute". */
export function formatDuration(ms: number): string {
  if (ms < MINUTE) return "under a minute";
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours ? `${plural(days, "day")} ${plural(hours, "hour")}` : plural(days, "day");
  if (hours > 0) return minutes ? `${plural(hours, "hour")} ${plural(minutes, "minute")}` : plural(hours, "hour");
  return plural(minutes, "minute");
}

export type WeekBucket = { start: Date; end: Date; count: number };

/**
 * Counts dates in 7-day buckets from `from` (the last one may be shorter, ending at `to`).
 * Dates outside [from, to) are ignored.
 */
export function weeklyBuckets(from: Date, to: Date, dates: Date[]): WeekBucket[] {
  const weeks = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / (7 * DAY)));
  const buckets: WeekBucket[] = Array.from({ length: weeks }, (_, i) => ({
    start: new Date(from.getTime() + i * 7 * DAY),
    end: new Date(Math.min(to.getTime(), from.getTime() + (i + 1) * 7 * DAY)),
    count: 0,
  }));
  for (const date of dates) {
    const t = date.getTime();
    if (t < from.getTime() || t >= to.getTime()) continue;
    buckets[Math.floor((t - from.getTime()) / (7 * DAY))]!.count++;
  }
  return buckets;
}

/** "3 Nov" (UTC, as the rest of the app's dates). */
export function formatDay(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });
}

/** "3 Nov 2026" */
export function formatDate(date: Date): string {
  return date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}
