import { z } from "zod";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "Enter a valid email address, like name@agency.com." }).max(254));

/** A path inside the app to return to after sign-in; anything else becomes the dashboard. */
export const callbackPathSchema = z
  .string()
  .optional()
  .transform((v) => (v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/dashboard"));

export const signInSchema = z.object({ email: emailSchema, callbackUrl: callbackPathSchema });
