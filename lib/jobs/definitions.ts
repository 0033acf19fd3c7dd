import "server-only";
import { memberDigestJob, weeklyDigestJob } from "../data/digest";
import { nudgeSweepJob } from "../data/onboarding/nudges";
import { refreshClientJob } from "../data/whatsapp";
import { WEEK_SECONDS } from "../onboarding/nudges";
import type { JobDefinition, Schedule } from "./engine";

/** Every background job the workers run, whichever backend holds the queue. */
export const definitions: JobDefinition[] = [
  refreshClientJob as JobDefinition,
  nudgeSweepJob as JobDefinition,
  weeklyDigestJob as JobDefinition,
  memberDigestJob as JobDefinition,
];

/** Jobs sent by the clock: the reminders' sweep every quarter hour, the digests once a week. */
export const schedules: Schedule[] = [
  { job: nudgeSweepJob.name, everySeconds: 15 * 60 },
  { job: weeklyDigestJob.name, everySeconds: WEEK_SECONDS },
];
