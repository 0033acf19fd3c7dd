"use server";

import { revalidatePath } from "next/cache";
import type { WebhookSettings } from "../chakra";
import { WEBHOOK_SETTING_FIELDS, webhookSettingsOf, type WebhookSettingField } from "../chakra/schemas";
import { latestConfigForClient } from "../data/snapshots";
import {
  disconnectWaba,
  refreshClientConfig,
  startRefreshAll,
  updateWebhookSettings,
  type WriteResult,
} from "../data/whatsapp";
import { env } from "../env";
import { clientRefSchema, disconnectWabaSchema, webhookFormSchema } from "../validations/whatsapp";
import { fail, failure } from "../result";
import { createAction, type ActionState } from "./safe-action";
import { z } from "zod";

/**
 * Fetches a client's plugin configuration again; on failure the last good snapshot stays.
 * Admins and owners: it writes a snapshot, the stage and the timeline, and viewers change nothing.
 */
export const refreshClientAction = createAction({ role: "ADMIN", schema: clientRefSchema }, async ({ clientId }) => {
  const result = await refreshClientConfig(clientId);
  revalidatePath(`/clients/${clientId}`);
  if (result.ok) return { ok: true, message: "Fetched from ChakraHQ just now." };
  // The words only: ChakraHQ's status and details (result.error) stay on the server.
  return failure(result.code, result.message, result.fieldErrors);
});

export type WebhookChange = { field: WebhookSettingField; from: string; to: string };
/** A write's result: `outcome` says whether ChakraHQ applied it (done), did not, or could not be asked. */
export type WriteState = ActionState<{ outcome?: WriteResult["outcome"] }>;
/** `current`: the settings ChakraHQ holds after an apply, when it could be read (the form shows them). */
export type WebhookState = ActionState<{
  outcome?: WriteResult["outcome"];
  changes?: WebhookChange[];
  current?: WebhookSettings;
}>;

/** An error message inside a sentence: without its final full stop. */
const bare = (message: string) => message.trim().replace(/\.+$/, "");

/** The admin's message after a write: what ChakraHQ now shows, and whether the view is current. */
function writeState(
  result: WriteResult,
  words: {
    done: string;
    current: string;
    stale: string;
    lostButApplied: string;
    notDone: string;
    stillOld: string;
    unconfirmed: string;
    notYet: string;
    tryAgain: string;
  },
): WriteState {
  const failed = (message: string): WriteState => ({ ...fail(message), outcome: result.outcome });
  switch (result.outcome) {
    case "invalid":
      return failed(result.message);
    case "done": {
      const message =
        result.confirmedBy === "re_read"
          ? `${words.done} ChakraHQ's answer was lost (${bare(result.lostAnswer)}), so the app read it back: ${words.lostButApplied} ${words.current}`
          : result.refresh.ok
            ? `${words.done} ${words.current}`
            : `${words.done} ChakraHQ could not be asked again afterwards (${bare(result.refresh.error.message)}): ${words.stale}`;
      return { ok: true, outcome: "done", message };
    }
    case "not_done":
      return failed(
        result.confirmedBy === "answer"
          ? `${words.notDone}: ${bare(result.reason)}.`
          : `${words.notDone}: ${bare(result.reason)}. ${words.stillOld} ${words.tryAgain}`,
      );
    case "unconfirmed":
      return failed(
        result.refresh.ok
          ? `${words.unconfirmed}: ${bare(result.lostAnswer)}. ${words.notYet}: refresh in a minute before trying again.`
          : `${words.unconfirmed}: ${bare(result.lostAnswer)}, and ChakraHQ could not be asked again (${bare(result.refresh.error.message)}). The page shows the last data fetched from ChakraHQ: refresh in a minute before trying again.`,
      );
  }
}

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
  return webhookAction(previous, joined);
}

const webhookAction = createAction(
  { role: "ADMIN", schema: webhookFormSchema(!env.isProduction) },
  async (input, user): Promise<WebhookState> => {
    const { clientId, step, ...settings } = input;
    const current = await latestConfigForClient(clientId);
    const changes: WebhookChange[] = WEBHOOK_SETTING_FIELDS.map((field) => ({
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
    const reread = "refresh" in result && result.refresh.ok ? webhookSettingsOf(result.refresh.config) : undefined;
    const state = writeState(result, {
      done: "Saved in ChakraHQ;",
      current: "shown in the form as ChakraHQ now holds them.",
      stale: "the settings shown in the form may be out of date until the next refresh.",
      lostButApplied: "it holds the settings you sent,",
      notDone: "Not saved: ChakraHQ did not accept the change",
      stillOld: "Reading back shows ChakraHQ does not hold them (shown in the form as it holds them now).",
      unconfirmed: "Could not confirm the change",
      notYet:
        "ChakraHQ does not hold the settings you sent yet (shown in the form as it holds them now), but may still apply them",
      tryAgain: "You can apply them again.",
    });
    return reread ? { ...state, current: reread } : state;
  },
);

/** Disconnects a WABA after the admin typed its name. */
export const disconnectWabaAction = createAction(
  { role: "ADMIN", schema: disconnectWabaSchema },
  async (input, user): Promise<WriteState> => {
    const result = await disconnectWaba({ actor: user, ...input });
    revalidatePath(`/clients/${input.clientId}`);
    revalidatePath("/clients");
    if (result.outcome === "invalid") {
      return { ...fail(result.message, { confirmName: [result.message] }), outcome: "invalid" };
    }
    return writeState(result, {
      done: "Disconnected.",
      current: "ChakraHQ's current configuration is shown.",
      stale: "this page still shows the account until the next refresh.",
      lostButApplied: "it no longer lists the account.",
      notDone: "Not disconnected",
      stillOld: "Reading back shows ChakraHQ still lists the account.",
      unconfirmed: "Could not confirm the disconnect",
      notYet: "ChakraHQ still lists the account (its current configuration is shown), but may still disconnect it",
      tryAgain: "You can try again.",
    });
  },
);

/** Starts fetching every client's plugin in the background ("refresh all"). */
export const startRefreshAllAction = createAction({ role: "ADMIN", schema: z.object({}) }, async (_input, user) => {
  const { job, started } = await startRefreshAll({ actor: user });
  return { ok: true, message: started ? `Refreshing ${job.total} clients…` : "A refresh is already running." };
});
