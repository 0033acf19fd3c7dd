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
    default:
      return action;
  }
}
