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
      return `Plugin ${String(m.pluginId ?? m.to)} mapped${m.verified === false ? " (not verified)" : ""}`;
    case "client.plugin_changed":
      return `Plugin changed from ${String(m.from)} to ${String(m.to)}${m.verified === false ? " (not verified)" : ""}`;
    case "client.plugin_removed":
      return `Plugin ${String(m.from)} removed`;
    case "client.plugin_created":
      return `ChakraHQ created plugin ${String(m.pluginId)} when the client first connected`;
    case "client.archived":
      return "Archived";
    case "client.restored":
      return "Restored from the archive";
    case "link.created":
      return `Onboarding link created (works ${String(m.validDays ?? "?")} days)`;
    case "link.sent":
      return `Onboarding link emailed to ${String(m.to)}`;
    case "link.rotated":
      return "Onboarding link given a new address";
    case "link.revoked":
      return "Onboarding link revoked";
    case "link.connected":
      return "Connected WhatsApp through the onboarding link";
    case "whatsapp.number_status_changed":
      return `${String(m.number)} went from ${String(m.from)} to ${String(m.to)}`;
    case "whatsapp.quality_dropped":
      return `${String(m.number)}: quality rating dropped from ${String(m.from)} to ${String(m.to)}`;
    case "whatsapp.webhooks_updated":
      return "Webhook settings changed";
    case "whatsapp.waba_disconnected":
      return `WhatsApp Business Account ${String(m.name ?? m.wabaId)} disconnected`;
    case "link.new_requested":
      return "Asked for a new onboarding link (the old one had stopped working)";
    default:
      return action;
  }
}

/** Who did it, for entries without a team member: the end client or ChakraHQ. */
export function describeActor(action: string, actorEmail: string | null): string {
  if (actorEmail) return actorEmail;
  return action.startsWith("link.") ? "The client" : "ChakraHQ";
}
