import { z } from "zod";
import { NUDGE_DAYS_RANGE } from "../onboarding/nudges";
import { alertPreferenceSchema } from "./health";
import { userText } from "./text";

const onOff = z
  .enum(["on", "off"], { error: "Choose on or off." })
  .optional()
  .transform((v) => v === "on");

const DAYS_MESSAGE = `Enter a whole number of days from ${NUDGE_DAYS_RANGE.min} to ${NUDGE_DAYS_RANGE.max}.`;

/** A delay in days, required only when its reminder is on (an empty box for a reminder that is off is fine). */
const days = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx): number | "" => {
    if (!value) return "";
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < NUDGE_DAYS_RANGE.min || n > NUDGE_DAYS_RANGE.max) {
      ctx.addIssue({ code: "custom", message: DAYS_MESSAGE });
      return z.NEVER;
    }
    return n;
  });

/** The owners' reminder settings form: each client reminder on or off with its delay, and the admins' expiry warning. */
export const nudgeSettingsFormSchema = z
  .object({
    unopenedOn: onOff,
    unopenedDays: days,
    unfinishedOn: onOff,
    unfinishedDays: days,
    expiryWarning: onOff,
  })
  .superRefine((value, ctx) => {
    if (value.unopenedOn && value.unopenedDays === "")
      ctx.addIssue({ code: "custom", path: ["unopenedDays"], message: "Enter after how many days to remind." });
    if (value.unfinishedOn && value.unfinishedDays === "")
      ctx.addIssue({ code: "custom", path: ["unfinishedDays"], message: "Enter after how many days to remind." });
  })
  .transform((value) => ({
    unopenedDays: value.unopenedOn && value.unopenedDays !== "" ? value.unopenedDays : null,
    unfinishedDays: value.unfinishedOn && value.unfinishedDays !== "" ? value.unfinishedDays : null,
    expiryWarning: value.expiryWarning,
  }));

export type NudgeSettingsInput = z.output<typeof nudgeSettingsFormSchema>;

/** A member's own emails, saved together: which alerts (see alertPreferenceSchema), and the weekly digest. */
export const emailPreferencesSchema = alertPreferenceSchema.extend({
  weeklyDigest: onOff,
});

/** The end client's "I need help" message. */
export const helpRequestSchema = z.object({
  message: userText().trim().min(3, "too_short").max(1000, "too_long"),
});
