"use server";

import { revalidatePath } from "next/cache";
import { updateAgencyBranding } from "../data/agency";
import { agencySchema } from "../validations/agency";
import { createAction } from "./safe-action";

/** Saves the agency's branding. Owners only. */
export const updateAgencyAction = createAction({ role: "OWNER", schema: agencySchema }, async (input, user) => {
  await updateAgencyBranding({ actor: user, input });
  revalidatePath("/", "layout");
  return { ok: true, message: "Saved. Emails and the clients' page use it from now on." };
});
