"use server";

import { revalidatePath } from "next/cache";
import { runSweepNow, setSweepMinutes } from "../data/health";
import { sweepIntervalSchema } from "../validations/health";
import { z } from "zod";
import { createAction } from "./safe-action";

/** Starts a health sweep now (or reports the one running). Owners only. */
export const runSweepNowAction = createAction({ role: "OWNER", schema: z.object({}) }, async (_input, user) => {
  const { job, started } = await runSweepNow({ actor: user });
  revalidatePath("/background");
  if (!started) return { ok: true, message: "A sweep is already running: its result appears here when it ends." };
  return {
    ok: true,
    message:
      job.total === 0
        ? "No client has a plugin mapped yet: there was nothing to check."
        : `Sweep started: ${job.total === 1 ? "1 client" : `${job.total} clients`} to check.`,
  };
});

/** Sets how often the health sweep runs (or turns it off). Owners only. */
export const updateSweepIntervalAction = createAction(
  { role: "OWNER", schema: sweepIntervalSchema },
  async ({ minutes }, user) => {
    await setSweepMinutes({ actor: user, minutes });
    revalidatePath("/background");
    return {
      ok: true,
      message: minutes === 0 ? "Saved: the sweep is off." : "Saved. The next sweep follows the new interval.",
    };
  },
);
