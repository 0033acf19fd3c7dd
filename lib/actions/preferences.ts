"use server";

import { revalidatePath } from "next/cache";
import { hasRole } from "../auth/roles";
import { updateMemberPreferences } from "../data/digest";
import { failure } from "../result";
import { emailPreferencesSchema } from "../validations/nudges";
import { createAction } from "./safe-action";

const ALERTS_SAID = {
  ALL: "alerts about every client",
  MINE: "alerts about the clients you sent links to",
  NONE: "no alert emails",
} as const;

/**
 * A member's own emails (every role: each changes only their own), saved together: which alerts,
 * and the weekly digest. "Mine" is for members who send links (admins and owners).
 */
export const updateEmailPreferencesAction = createAction(
  { role: "VIEWER", schema: emailPreferencesSchema },
  async ({ alerts, weeklyDigest }, user) => {
    if (alerts === "MINE" && !hasRole(user.role, "ADMIN")) {
      return failure(
        "INVALID",
        "Only admins and owners send links, so “clients I sent links to” is theirs to choose.",
        { alerts: ["Choose all clients or none."] },
      );
    }
    await updateMemberPreferences({ userId: user.id, alerts, weeklyDigest });
    revalidatePath("/team");
    return {
      ok: true,
      message: `Saved: ${ALERTS_SAID[alerts]}, ${weeklyDigest ? "and the weekly digest" : "no weekly digest"}.`,
    };
  },
);
