"use server";

import { revalidatePath } from "next/cache";
import { hasRole } from "../auth/roles";
import { setAlertPreference } from "../data/alerts";
import { runSweepNow, setSweepMinutes } from "../data/health";
import { alertPreferenceSchema, sweepIntervalSchema } from "../validations/health";
import { z } from "zod";
import { failure } from "../result";
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

/** A member's own choice of alert emails; "mine" is for members who send links (admins and owners). */
export const updateAlertPreferenceAction = createAction(
  { role: "VIEWER", schema: alertPreferenceSchema },
  async ({ alerts }, user) => {
    if (alerts === "MINE" && !hasRole(user.role, "ADMIN")) {
      return failure(
        "INVALID",
        "Only admins and owners send links, so “clients I sent links to” is theirs to choose.",
        { alerts: ["Choose all clients or none."] },
      );
    }
    await setAlertPreference({ userId: user.id, alerts });
    revalidatePath("/team");
    return {
      ok: true,
      message:
        alerts === "NONE"
          ? "Saved: you will not get alert emails."
          : alerts === "MINE"
            ? "Saved: you get alerts about the clients you sent links to."
            : "Saved: you get alerts about every client.",
    };
  },
);
