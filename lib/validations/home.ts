import { z } from "zod";

/** The funnel's preset periods, in days; 30 by default. */
export const FUNNEL_PERIODS = [7, 30, 90] as const;
export const DEFAULT_PERIOD = 30;
/** A chosen range may span at most this many days (the weekly chart stays readable). */
export const MAX_RANGE_DAYS = 366;

const DAY = 86_400_000;
const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Dates look like 2026-11-21.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "Not a date.");

const rangeSchema = z
  .object({ from: isoDay, to: isoDay })
  .refine(({ from, to }) => from <= to, "The start of the period is after its end.")
  .refine(
    ({ from, to }) => Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`) < MAX_RANGE_DAYS * DAY,
    `A period spans at most ${MAX_RANGE_DAYS} days.`,
  );

const periodSchema = z.coerce
  .number()
  .int()
  .refine((n) => (FUNNEL_PERIODS as readonly number[]).includes(n));

/**
 * The funnel's period, from the address: `?period=7|30|90` (days up to now), or a range of
 * whole days `?from=2026-03-01&to=2026-03-31` (UTC, both included). `from` is inclusive, `to`
 * exclusive. Anything else falls back to the last 30 days, with the reason for a bad range.
 */
export type FunnelPeriod = {
  from: Date;
  to: Date;
  /** The preset chosen, or null for a range. */
  days: number | null;
  /** The range as typed, for the form. */
  range: { from: string; to: string } | null;
  error?: string;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export function parseFunnelPeriod(params: Record<string, string | string[] | undefined>, now: Date): FunnelPeriod {
  const last = (days: number, error?: string): FunnelPeriod => ({
    from: new Date(now.getTime() - days * DAY),
    to: now,
    days,
    range: null,
    ...(error ? { error } : {}),
  });
  const from = first(params.from);
  const to = first(params.to);
  if (from || to) {
    const range = rangeSchema.safeParse({ from, to });
    if (!range.success) return last(DEFAULT_PERIOD, range.error.issues[0]?.message ?? "This period cannot be shown.");
    return {
      from: new Date(`${range.data.from}T00:00:00Z`),
      to: new Date(Date.parse(`${range.data.to}T00:00:00Z`) + DAY),
      days: null,
      range: range.data,
    };
  }
  const period = periodSchema.safeParse(first(params.period));
  return last(period.success ? period.data : DEFAULT_PERIOD);
}
