import "server-only";

type Searchable = { name: string; contactName: string; contactEmail: string; clientReferenceId: string; pluginId: string | null };

/** The one lower-cased column the list searches: every field, and phone numbers with and without punctuation. */
export function buildSearchText(client: Searchable, phones: string[] = []): string {
  const digits = phones.map((p) => p.replace(/\D/g, ""));
  return [client.name, client.contactName, client.contactEmail, client.clientReferenceId, client.pluginId ?? "", ...phones, ...digits]
    .join(" ")
    .toLowerCase();
}
