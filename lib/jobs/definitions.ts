import "server-only";
import { refreshClientJob } from "../data/whatsapp";
import type { JobDefinition, Schedule } from "./engine";

/** Every background job the workers run, whichever backend holds the queue. */
export const definitions: JobDefinition[] = [refreshClientJob as JobDefinition];

/** Jobs sent by the clock (none yet; the health sweep comes next). */
export const schedules: Schedule[] = [];
