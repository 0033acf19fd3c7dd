"use server";

import { revalidatePath } from "next/cache";
import { updateMemberPreferences } from "../data/digest";
import { memberPreferencesSchema } from "../validations/nudges";
import { createAction } from "./safe-action";

/** A member's own email preferences (every role: each changes only their own). */
export const updatePreferencesAction = createAction(
  { role: "VIEWER", schema: memberPreferencesSchema },
  async (input, user) => {
    await updateMemberPreferences({ userId: user.id, weeklyDigest: input.weeklyDigest });
    revalidatePath("/team");
    return { ok: true, message: input.weeklyDigest ? "Saved: you get the weekly digest." : "Saved: no weekly digest." };
  },
);
