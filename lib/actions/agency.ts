"use server";

import { revalidatePath } from "next/cache";
import { updateAgencyBranding } from "../data/agency";
import { env } from "../env";
import { agencyFormSchema } from "../validations/agency";
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
