import { z } from "zod";
import { CHAKRA_WEBHOOK_EVENTS } from "../chakra/schemas";
import { isPublicHostname } from "./public-url";
import { checkboxSchema, idSchema, userText } from "./text";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

const NOT_PUBLIC = "Use a public address: ChakraHQ cannot post to this machine, a private network or a local name.";

/**
 * A webhook address: https, or http on this machine when `allowLocalhost` (development).
 * Outside development the host must be public, since ChakraHQ's servers call it.
 */
function webhookUrl(allowLocalhost: boolean) {
  const format = allowLocalhost ? "Use an https:// address (http:// only for localhost)." : "Use an https:// address.";
  return userText()
    .trim()
    .max(2000, "At most 2,000 characters.")
    .superRefine((value, ctx) => {
      if (value === "") return;
      let url: URL;
      try {
        url = new URL(value);
      } catch {
        return ctx.addIssue({ code: "custom", message: format });
      }
      if (allowLocalhost) {
        if (url.protocol === "https:" || (url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname))) return;
        return ctx.addIssue({ code: "custom", message: format });
      }
      if (url.protocol !== "https:") return ctx.addIssue({ code: "custom", message: format });
      if (!isPublicHostname(url.hostname)) ctx.addIssue({ code: "custom", message: NOT_PUBLIC });
    });
}

/** The webhook settings form: the six settable fields of the plugin. */
export function webhookFormSchema(allowLocalhost: boolean) {
  return z
    .object({
      clientId: idSchema,
      step: z.enum(["preview", "apply"]),
      passThroughWebhookUrl: webhookUrl(allowLocalhost),
      enableMessageEchoesForPassThroughWebhook: checkboxSchema,
      enableSendMessageTemplateEventForPassThroughWebhook: checkboxSchema,
      enableChakraWebhook: checkboxSchema,
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
  clientId: idSchema,
  wabaId: userText().min(1).max(200),
  confirmName: userText().max(500, "At most 500 characters."),
});

export const clientRefSchema = z.object({ clientId: idSchema });
