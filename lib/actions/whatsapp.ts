"use server";

import { revalidatePath } from "next/cache";
import type { WebhookSettings } from "../chakra";
import { latestConfigForClient } from "../data/snapshots";
import { disconnectWaba, refreshClientConfig, startRefreshAll, updateWebhookSettings } from "../data/whatsapp";
import { env } from "../env";
import { clientRefSchema, disconnectWabaSchema, webhookFormSchema } from "../validations/whatsapp";
import { createAction, type ActionResult } from "./safe-action";
import { z } from "zod";

/**
 * Fetches a client's plugin configuration again; on failure the last good snapshot stays.
 * Admins and owners: it writes a snapshot, the stage and the timeline, and viewers change nothing.
 */
export const refreshClientAction = createAction({ role: "ADMIN", schema: clientRefSchema }, async ({ clientId }) => {
  const result = await refreshClientConfig(clientId);
  revalidatePath(`/clients/${clientId}`);
  return result.ok
    ? { ok: true, message: "Fetched from ChakraHQ just now." }
    : {
        ok: false,
        code: "FAILED",
        message: `ChakraHQ could not be asked: ${result.error.message} Showing the last good data.`,
      };
});

const FIELDS = [
  "passThroughWebhookUrl",
  "enableMessageEchoesForPassThroughWebhook",
  "enableSendMessageTemplateEventForPassThroughWebhook",
  "enableChakraWebhook",
  "chakraWebhookUrl",
  "whichChakraWebhookEventsToSend",
] as const;

export type WebhookChange = { field: (typeof FIELDS)[number]; from: string; to: string };
export type WebhookState = ActionResult & { changes?: WebhookChange[] };

const show = (value: unknown) =>
  Array.isArray(value)
    ? value.join(", ") || "none"
    : value === true
      ? "on"
      : value === false
        ? "off"
        : String(value ?? "") || "empty";

/**
 * The webhook settings form. step=preview: validates and lists what would change.
 * step=apply: the update call, then a re-fetch of what ChakraHQ now holds.
 */
export async function webhookSettingsAction(previous: WebhookState | null, formData: FormData): Promise<WebhookState> {
  // Checkboxes sharing a name arrive as several values: join them for the schema.
  const joined = new FormData();
  for (const [key, value] of formData)
    joined.set(key, key === "whichChakraWebhookEventsToSend" ? formData.getAll(key).join(",") : value);
  return webhookAction(previous, joined) as Promise<WebhookState>;
}

const webhookAction = createAction(
  { role: "ADMIN", schema: webhookFormSchema(!env.isProduction) },
  async (input, user): Promise<WebhookState> => {
    const { clientId, step, ...settings } = input;
    const current = await latestConfigForClient(clientId);
    const changes: WebhookChange[] = FIELDS.map((field) => ({
      field,
      from: show(current?.config[field]),
      to: show(settings[field]),
    })).filter((c) => c.from !== c.to);
    if (step === "preview") {
      return {
        ok: true,
        changes,
        message: changes.length ? "Review the changes, then apply them." : "Nothing would change.",
      };
    }
    const result = await updateWebhookSettings({ actor: user, clientId, settings: settings as WebhookSettings });
    revalidatePath(`/clients/${clientId}`);
    return result.ok
      ? { ok: true, message: "Saved in ChakraHQ; shown below as ChakraHQ now holds them." }
      : { ok: false, code: "FAILED", message: `ChakraHQ did not accept the change: ${result.error.message}` };
  },
);

/** Disconnects a WABA after the admin typed its name. */
export const disconnectWabaAction = createAction(
  { role: "ADMIN", schema: disconnectWabaSchema },
  async (input, user) => {
    const result = await disconnectWaba({ actor: user, ...input });
    revalidatePath(`/clients/${input.clientId}`);
    revalidatePath("/clients");
    if (result.ok) return { ok: true, message: "Disconnected. ChakraHQ's current configuration is shown." };
    return {
      ok: false,
      code: "FAILED",
      message: result.error.message,
      fieldErrors: { confirmName: [result.error.message] },
    };
  },
);

/** Starts fetching every client's plugin in the background ("refresh all"). */
export const startRefreshAllAction = createAction({ role: "ADMIN", schema: z.object({}) }, async (_input, user) => {
  const { job, started } = await startRefreshAll({ actor: user });
  return { ok: true, message: started ? `Refreshing ${job.total} clients…` : "A refresh is already running." };
});
