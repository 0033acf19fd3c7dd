"use server";

import { redirect, unstable_rethrow } from "next/navigation";
import { CHECK_EMAIL_PATH, signIn, signOut } from "../auth/config";
import { ensureInitialOwner } from "../data/team";
import { signInSchema } from "../validations/auth";
import { fieldErrorsOf } from "../validations/errors";
import { failure } from "../result";
import { createAction, type ActionResult } from "./safe-action";
import { z } from "zod";

/**
 * Asks for a sign-in link. Public by nature; whatever the address, the visitor lands on the
 * same "check your inbox" page (lib/auth/config.ts decides who is actually sent a link).
 */
export async function requestSignInLink(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse({
    email: formData.get("email") ?? undefined,
    callbackUrl: formData.get("callbackUrl") ?? undefined,
  });
  if (!parsed.success) return failure("INVALID", "Enter a valid email address.", fieldErrorsOf(parsed.error));
  await ensureInitialOwner();
  let limited = false;
  try {
    // redirect: false returns where Auth.js would go: the signIn callback's answer.
    const next = await signIn("nodemailer", {
      email: parsed.data.email,
      redirectTo: parsed.data.callbackUrl,
      redirect: false,
    });
    limited = typeof next === "string" && next.includes("limited=1");
  } catch (error) {
    unstable_rethrow(error);
    // Telling the visitor that sending failed would tell them the address is a member.
    console.error(`[auth] sign-in link not sent: ${(error as Error).message}`);
  }
  redirect(limited ? `${CHECK_EMAIL_PATH}?limited=1` : CHECK_EMAIL_PATH);
}

/** Signs the current member out, on every tab (the database session is deleted). */
export const signOutAction = createAction({ role: "VIEWER", schema: z.object({}) }, async () => {
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
  return { ok: true };
});
