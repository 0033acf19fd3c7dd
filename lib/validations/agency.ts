import { z } from "zod";
import { optionalLanguageSchema } from "./language";
import { isPublicHostname } from "./public-url";
import { userText } from "./text";

const HTTPS_IMAGE = "Use an https:// address of an image.";
const NOT_PUBLIC =
  "Use a public address: your clients' browsers load the logo from it, not from this machine or a private network.";

/** The agency settings form. Outside development (`allowLocal` false) the logo's host must be public. */
export function agencyFormSchema(allowLocal: boolean) {
  return z.object({
    name: userText().trim().min(1, "Enter the agency's name.").max(100, "At most 100 characters."),
    logoUrl: userText()
      .trim()
      .max(2000, "At most 2,000 characters.")
      .superRefine((value, ctx) => {
        if (value === "") return;
        let url: URL;
        try {
          url = new URL(value);
        } catch {
          return ctx.addIssue({ code: "custom", message: HTTPS_IMAGE });
        }
        if (url.protocol !== "https:") return ctx.addIssue({ code: "custom", message: HTTPS_IMAGE });
        if (!allowLocal && !isPublicHostname(url.hostname)) ctx.addIssue({ code: "custom", message: NOT_PUBLIC });
      })
      .optional()
      .transform((v) => v || null),
    brandColor: z
      .string()
      .trim()
      .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #0f766e.")
      .transform((v) => v.toLowerCase()),
    /** The language of clients whose own is not set; null: each client's browser decides. */
    defaultLanguage: optionalLanguageSchema,
  });
}

/** The settings as production accepts them. */
export const agencySchema = agencyFormSchema(false);
export type AgencyInput = z.output<typeof agencySchema>;
