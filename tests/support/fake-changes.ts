import type { Change } from "../../fake-chakra/changes";

/*
 * Changes to a plugin after its signup, through the fake ChakraHQ's control endpoint
 * `POST /__fake/plugins/{pluginId}/changes` (fake-chakra/changes.ts). Used by the vitest
 * suites (a fake of their own) and, through tests/support/e2e-fake.ts, by the browser tests.
 */

export type { Change } from "../../fake-chakra/changes";

export type ChangeAnswer =
  { ok: true; status: number; config: Record<string, unknown> | null } | { ok: false; status: number; error: string };

/** Sends one change (or, to test refusals, any body); never throws for a refusal. */
export async function postFakeChange(
  fake: { url: string; token: string },
  pluginId: string,
  change: Change | Record<string, unknown> | string,
): Promise<ChangeAnswer> {
  const response = await fetch(`${fake.url}/__fake/plugins/${encodeURIComponent(pluginId)}/changes`, {
    method: "POST",
    headers: { Authorization: `Bearer ${fake.token}` },
    body: typeof change === "string" ? change : JSON.stringify(change),
  });
  const body = (await response.json()) as { _data?: { config: Record<string, unknown> | null }; _errors?: string[] };
  return response.ok
    ? { ok: true, status: response.status, config: body._data?.config ?? null }
    : { ok: false, status: response.status, error: body._errors?.[0] ?? "" };
}

/** Typed shortcuts for each change; each resolves to the plugin's configuration afterwards (null once it is gone). */
export function fakeChanges(fake: { url: string; token: string }) {
  const apply = async (pluginId: string, change: Change) => {
    const answer = await postFakeChange(fake, pluginId, change);
    if (!answer.ok) throw new Error(`The fake refused the change (${answer.status}): ${answer.error}`);
    return answer.config;
  };
  type Of<K extends Change["kind"]> = Extract<Change, { kind: K }>;
  return {
    apply,
    numberStatus: (pluginId: string, phoneNumberId: string, status: Of<"number_status">["status"] = "DISCONNECTED") =>
      apply(pluginId, { kind: "number_status", phoneNumberId, status }),
    qualityRating: (pluginId: string, phoneNumberId: string, rating: Of<"quality_rating">["rating"]) =>
      apply(pluginId, { kind: "quality_rating", phoneNumberId, rating }),
    messagingLimit: (pluginId: string, phoneNumberId: string, tier: Of<"messaging_limit">["tier"]) =>
      apply(pluginId, { kind: "messaging_limit", phoneNumberId, tier }),
    nameStatus: (
      pluginId: string,
      phoneNumberId: string,
      status: Of<"name_status">["status"],
      rejectionReason?: string,
    ) => apply(pluginId, { kind: "name_status", phoneNumberId, status, rejectionReason }),
    accountReview: (pluginId: string, wabaId: string, status: Of<"account_review">["status"] = "REJECTED") =>
      apply(pluginId, { kind: "account_review", wabaId, status }),
    removeNumber: (pluginId: string, phoneNumberId: string) =>
      apply(pluginId, { kind: "remove_number", phoneNumberId }),
    removeWaba: (pluginId: string, wabaId: string) => apply(pluginId, { kind: "remove_waba", wabaId }),
    removePlugin: (pluginId: string) => apply(pluginId, { kind: "remove_plugin" }),
    restore: (pluginId: string) => apply(pluginId, { kind: "restore" }),
  };
}
