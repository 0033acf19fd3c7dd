import { z } from "zod";

/** The sweep intervals an owner can choose, in minutes (0: off). */
export const SWEEP_CHOICES = [
  { minutes: 0, label: "Off" },
  { minutes: 2, label: "Every 2 minutes (demo)" },
  { minutes: 15, label: "Every 15 minutes" },
  { minutes: 60, label: "Every hour" },
  { minutes: 180, label: "Every 3 hours" },
  { minutes: 360, label: "Every 6 hours" },
  { minutes: 720, label: "Every 12 hours" },
  { minutes: 1440, label: "Once a day" },
] as const;

const MINUTES = SWEEP_CHOICES.map((c) => String(c.minutes)) as [string, ...string[]];

export const sweepIntervalSchema = z.object({
  minutes: z.enum(MINUTES, { error: "Choose one of the listed intervals." }).transform(Number),
});

/** A member's alert emails: every client, none, or (admins and owners) the clients they sent a link to. */
export const alertPreferenceSchema = z.object({
  alerts: z.enum(["ALL", "MINE", "NONE"], { error: "Choose which alerts you want by email." }),
});
