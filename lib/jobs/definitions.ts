import "server-only";
import { memberDigestJob, weeklyDigestJob } from "../data/digest";
import { emailSweepJob, sendEmailJob } from "../data/emails";
import { healthSweepJob, SWEEP_TICK_SECONDS } from "../data/health";
import { nudgeSweepJob } from "../data/onboarding/nudges";
import { refreshClientJob } from "../data/whatsapp";
import { WEEK_SECONDS } from "../onboarding/nudges";
import type { JobDefinition, Schedule } from "./engine";

/** Every background job the workers run, whichever backend holds the queue. */
export const definitions: JobDefinition[] = [
  refreshClientJob as JobDefinition,
  healthSweepJob as JobDefinition,
  sendEmailJob as JobDefinition,
  emailSweepJob as JobDefinition,
  nudgeSweepJob as JobDefinition,
  weeklyDigestJob as JobDefinition,
  memberDigestJob as JobDefinition,
];

/** Jobs sent by the clock. */
export const schedules: Schedule[] = [
  // The health sweep's clock job ticks every minute and starts a sweep when the owners' interval
  // says one is due (the interval is a setting, the schedule is not).
  { job: healthSweepJob.name, everySeconds: SWEEP_TICK_SECONDS },
  // Emails stored while the queue could not be reached (lib/data/emails.ts).
  { job: emailSweepJob.name, everySeconds: 60 },
  // The reminders' sweep every quarter hour, the digests once a week.
  { job: nudgeSweepJob.name, everySeconds: 15 * 60 },
  { job: weeklyDigestJob.name, everySeconds: WEEK_SECONDS },
];
