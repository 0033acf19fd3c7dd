"use server";

import { revalidatePath } from "next/cache";
import { updateAgencyBranding, updateNudgeSettings } from "../data/agency";
import { env } from "../env";
import { agencyFormSchema } from "../validations/agency";
import { nudgeSettingsFormSchema } from "../validations/nudges";
import { createAction } from "./safe-action";

/** Saves the agency's branding. Owners only. */
export const updateAgencyAction = createAction(
  // A logo on this machine or a private network is refused outside development.
  { role: "OWNER", schema: agencyFormSchema(!env.isProduction) },
  async (input, user) => {
    await updateAgencyBranding({ actor: user, input });
    revalidatePath("/", "layout");
    return { ok: true, message: "Saved. Emails and the clients' page use it from now on." };
  },
);

/** Saves the reminders to end clients and the admins' expiry warning. Owners only. */
export const updateNudgesAction = createAction(
  { role: "OWNER", schema: nudgeSettingsFormSchema },
  async (input, user) => {
    await updateNudgeSettings({ actor: user, input });
    revalidatePath("/settings");
    const on =
      [input.unopenedDays, input.unfinishedDays].filter((d) => d !== null).length + (input.expiryWarning ? 1 : 0);
    return {
      ok: true,
      message: on ? `Saved: ${on} of 3 reminders on. Each is sent once per link.` : "Saved: reminders are off.",
    };
  },
);
