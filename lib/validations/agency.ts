import { z } from "zod";

export const agencySchema = z.object({
  name: z.string().trim().min(1, "Enter the agency's name.").max(100, "At most 100 characters."),
  logoUrl: z
    .union([z.literal(""), z.url({ protocol: /^https$/, error: "Use an https:// address of an image." }).max(2000)])
    .optional()
    .transform((v) => v || null),
  brandColor: z
    .string()
    .trim()
    .regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #0f766e.")
    .transform((v) => v.toLowerCase()),
});
export type AgencyInput = z.output<typeof agencySchema>;
