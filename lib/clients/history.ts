import { PURPOSE_INFO, type LinkPurpose } from "../onboarding/rules";

/** One line of a client's timeline, from an audit entry. */
export function describeHistory(action: string, metadata: unknown): string {
  const m = (metadata ?? {}) as Record<string, unknown>;
  switch (action) {
    case "client.created":
      return "Client created";
    case "client.imported":
      return "Client imported from a CSV file";
    case "client.updated":
      return `Details changed (${((m.fields as string[] | undefined) ?? []).join(", ")})`;
    case "client.plugin_mapped":
      return `Plugin ${String(m.pluginId ?? m.to)} mapped${m.verified === false ? " (not verified)" : ""}${
        m.heldReference ? `, lifting the hold on new plugins (reference ${String(m.heldReference)})` : ""
      }`;
    case "client.plugin_changed":
      return `Plugin changed from ${String(m.from)} to ${String(m.to)}${m.verified === false ? " (not verified)" : ""}`;
    case "client.plugin_removed":
      return `Plugin ${String(m.from)} removed`;
    case "client.plugin_requested":
      return `Asked ChakraHQ for a new plugin (reference ${String(m.clientReferenceId)}); no outcome was recorded`;
    case "client.plugin_request_refused":
      return `ChakraHQ refused to create a plugin (reference ${String(m.clientReferenceId)}): ${String(m.reason).replace(/\.+$/, "")}`;
    case "client.plugin_created":
      return `ChakraHQ created plugin ${String(m.pluginId)} when the client started connecting`;
    case "client.plugin_mint_unknown":
      return `The request to ChakraHQ for a new plugin (reference ${String(m.clientReferenceId)}) ended without a clear outcome: ${String(m.reason).replace(/\.+$/, "")}. New plugins are on hold until the plugin ChakraHQ may have created is mapped or the hold is released`;
    case "client.plugin_hold_released":
      return `Hold on new plugins released (reference ${String(m.clientReferenceId)}): the next connection asks ChakraHQ for a new plugin`;
    case "client.plugin_orphaned":
      return `ChakraHQ created plugin ${String(m.pluginId)} (reference ${String(m.clientReferenceId)}) after a plugin had been mapped: it is not used`;
    case "client.archived":
      return "Archived";
    case "client.restored":
      return "Restored from the archive";
    case "link.created":
      return `${linkName(m)} created (works ${m.validDays === 1 ? "1 day" : `${String(m.validDays ?? "?")} days`})`;
    case "link.sent":
      return `Onboarding link emailed to ${String(m.to)}`;
    case "link.rotated":
      return "Onboarding link given a new address";
    case "link.revoked":
      return "Onboarding link revoked";
    case "link.connected":
      return m.purpose === "RECONNECT"
        ? "Reconnected WhatsApp through the reconnect link"
        : m.purpose === "CHANGE_NUMBER"
          ? "Connected the new number through the change-number link"
          : "Connected WhatsApp through the onboarding link";
    case "whatsapp.number_status_changed":
      // GONE is the app's word for a number ChakraHQ no longer lists, not a status of Meta's.
      return m.to === "GONE"
        ? `${String(m.number)} is no longer on the plugin (it was ${String(m.from)})`
        : `${String(m.number)} went from ${String(m.from)} to ${String(m.to)}`;
    case "whatsapp.plugin_not_found":
      return `ChakraHQ does not know plugin ${String(m.pluginId)} any more (${String(m.message).replace(/\.+$/, "")}): map the right plugin, or check it in ChakraHQ's dashboard`;
    case "whatsapp.quality_dropped":
      return `${String(m.number)}: quality rating dropped from ${String(m.from)} to ${String(m.to)}`;
    // Writes to ChakraHQ: one entry, written as an attempt before the call and given its outcome after.
    case "whatsapp.webhooks_update_attempted":
      return "Webhook settings change sent to ChakraHQ; no outcome was recorded";
    case "whatsapp.webhooks_updated":
      return `Webhook settings changed${confirmedByReRead(m)}`;
    case "whatsapp.webhooks_update_failed":
      return `Webhook settings not changed: ${String(m.reason)}${notDoneByReRead(m)}`;
    case "whatsapp.webhooks_update_unconfirmed":
      return `Webhook settings change not confirmed: ${unconfirmed(m)}`;
    case "whatsapp.waba_disconnect_attempted":
      return `Disconnect of WhatsApp Business Account ${String(m.name ?? m.wabaId)} sent to ChakraHQ; no outcome was recorded`;
    case "whatsapp.waba_disconnected":
      return `WhatsApp Business Account ${String(m.name ?? m.wabaId)} disconnected${confirmedByReRead(m)}`;
    case "whatsapp.waba_disconnect_failed":
      return `WhatsApp Business Account ${String(m.name ?? m.wabaId)} not disconnected: ${String(m.reason)}${notDoneByReRead(m)}`;
    case "whatsapp.waba_disconnect_unconfirmed":
      return `Disconnect of WhatsApp Business Account ${String(m.name ?? m.wabaId)} not confirmed: ${unconfirmed(m)}`;
    case "alert.opened":
      return `Alert: ${String(m.title)}. ${String(m.meaning)}`;
    case "alert.cleared":
      return `Alert cleared: ${String(m.title)} is no longer the case`;
    case "alert.emailed":
      return `Alert emailed to ${m.recipients === 1 ? "1 member" : `${String(m.recipients)} members`}: ${String(m.title)}`;
    case "link.new_requested":
      return m.reason === "replaced_address"
        ? "Asked for a new onboarding link (from an earlier address, since replaced by a newer one)"
        : "Asked for a new onboarding link (the old one had stopped working)";
    case "link.reminded": {
      const to = Array.isArray(m.to) ? m.to.map(String).join(", ") : String(m.to);
      const what =
        m.kind === "unopened"
          ? `Reminder emailed to ${to} (link not opened)`
          : m.kind === "unfinished"
            ? `Reminder emailed to ${to} (link opened, not finished)`
            : `Expiry warning emailed to ${to}`;
      return Number(m.failed) > 0 ? `${what}; not delivered` : what;
    }
    case "link.help_requested":
      return "Asked for help from the onboarding page (the message is in the link's history)";
    case "client.request_answered":
      return "Marked the client's request answered";
    default:
      return action;
  }
}

/** "Reconnect link", "Change-number link" or "Onboarding link" (entries from before purposes: the last). */
const linkName = (m: Record<string, unknown>) =>
  PURPOSE_INFO[m.purpose as LinkPurpose]?.history ?? PURPOSE_INFO.CONNECT.history;

const confirmedByReRead = (m: Record<string, unknown>) =>
  m.confirmedBy === "re_read" ? " (ChakraHQ's answer was lost: confirmed by reading the configuration back)" : "";

const notDoneByReRead = (m: Record<string, unknown>) =>
  m.confirmedBy === "re_read" ? " (confirmed by reading the configuration back)" : "";

const unconfirmed = (m: Record<string, unknown>) =>
  `${String(m.lostAnswer).replace(/\.+$/, "")}, and ${
    m.reReadError
      ? `ChakraHQ could not be asked again (${String(m.reReadError).replace(/\.+$/, "")})`
      : "reading back did not show it yet"
  }`;

/** Who did it, for entries without a team member: the end client, the health check (alerts) or ChakraHQ. */
export function describeActor(action: string, actorEmail: string | null): string {
  if (actorEmail) return actorEmail;
  if (action.startsWith("alert.")) return "Health check";
  return action.startsWith("link.") ? "The client" : "ChakraHQ";
}
