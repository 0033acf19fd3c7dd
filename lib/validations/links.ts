import { z } from "zod";
import { LINK_DAYS_RANGE } from "../clients/link-days";
import { emailSchema } from "./auth";
import { idSchema, stripControlCharacters } from "./text";

const optionalEmail = z
  .union([z.literal(""), emailSchema])
  .optional()
  .transform((v) => v || null);

export const createLinkSchema = z.object({
  clientId: idSchema,
  validDays: z.coerce
    .number({ error: "Choose how long the link works." })
    .int()
    .min(LINK_DAYS_RANGE.min, `At least ${LINK_DAYS_RANGE.min} day.`)
    .max(LINK_DAYS_RANGE.max, `At most ${LINK_DAYS_RANGE.max} days.`),
  /** Empty: the client's contact address. */
  sendTo: optionalEmail,
  /** "email": create and send; "copy": create and show the address only. */
  mode: z.enum(["email", "copy"]),
});

export const resendLinkSchema = z.object({ linkId: idSchema, sendTo: optionalEmail });
export const linkIdSchema = z.object({ linkId: idSchema });

/** An /onboard/ token as the browser sends it back; anything else is refused unseen. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{40,60}$/);

/** What the signup SDK reported. Its words are kept as data: control characters are dropped, not refused. */
export const onboardingReportSchema = z.object({
  kind: z.enum(["cancelled", "failed"]),
  message: z.string().max(1000).transform(stripControlCharacters).optional(),
});
