import "server-only";
import { emailSweepJob, sendEmailJob } from "../data/emails";
import { refreshClientJob } from "../data/whatsapp";
import type { JobDefinition, Schedule } from "./engine";

/** Every background job the workers run, whichever backend holds the queue. */
export const definitions: JobDefinition[] = [
  refreshClientJob as JobDefinition,
  sendEmailJob as JobDefinition,
  emailSweepJob as JobDefinition,
];

/** Jobs sent by the clock. */
export const schedules: Schedule[] = [
  // Emails stored while the queue could not be reached (lib/data/emails.ts).
  { job: emailSweepJob.name, everySeconds: 60 },
];
