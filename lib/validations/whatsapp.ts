import { z } from "zod";
import { CHAKRA_WEBHOOK_EVENTS } from "../chakra/schemas";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/** A webhook address: https, or http on this machine when `allowLocalhost` (development). */
function webhookUrl(allowLocalhost: boolean) {
  return z
    .string()
    .trim()
    .max(2000)
    .refine(
      (value) => {
        if (value === "") return true;
        try {
          const url = new URL(value);
          return (
            url.protocol === "https:" || (allowLocalhost && url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname))
          );
        } catch {
          return false;
        }
      },
      allowLocalhost ? "Use an https:// address (http:// only for localhost)." : "Use an https:// address.",
    );
}

const checkbox = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");

/** The webhook settings form: the six settable fields of the plugin. */
export function webhookFormSchema(allowLocalhost: boolean) {
  return z
    .object({
      clientId: z.string().min(1),
      step: z.enum(["preview", "apply"]),
      passThroughWebhookUrl: webhookUrl(allowLocalhost),
      enableMessageEchoesForPassThroughWebhook: checkbox,
      enableSendMessageTemplateEventForPassThroughWebhook: checkbox,
      enableChakraWebhook: checkbox,
      chakraWebhookUrl: webhookUrl(allowLocalhost),
      // Several checkboxes of one name arrive joined (see the action).
      whichChakraWebhookEventsToSend: z
        .string()
        .optional()
        .transform((v) => (v ? v.split(",").filter(Boolean) : []))
        .pipe(z.array(z.enum(CHAKRA_WEBHOOK_EVENTS, { error: "Choose events from the list." }))),
    })
    .superRefine((value, ctx) => {
      if (value.enableChakraWebhook && !value.chakraWebhookUrl) {
        ctx.addIssue({
          code: "custom",
          path: ["chakraWebhookUrl"],
          message: "Enter the address the ChakraHQ webhook posts to.",
        });
      }
      if (value.enableChakraWebhook && value.whichChakraWebhookEventsToSend.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["whichChakraWebhookEventsToSend"],
          message: "Choose at least one event.",
        });
      }
      if (
        !value.passThroughWebhookUrl &&
        (value.enableMessageEchoesForPassThroughWebhook || value.enableSendMessageTemplateEventForPassThroughWebhook)
      ) {
        ctx.addIssue({
          code: "custom",
          path: ["passThroughWebhookUrl"],
          message: "Echoes and template events go to the pass-through address: enter it.",
        });
      }
    });
}

export const disconnectWabaSchema = z.object({
  clientId: z.string().min(1),
  wabaId: z.string().min(1),
  confirmName: z.string().max(500),
});

export const clientRefSchema = z.object({ clientId: z.string().min(1) });
