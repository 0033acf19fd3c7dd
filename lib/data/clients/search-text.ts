import "server-only";

type Searchable = { name: string; contactName: string; contactEmail: string; clientReferenceId: string; pluginId: string | null };

/*
 * Searches are LIKE '%term%' (Prisma's `contains`), where % and _ are wildcards and, on
 * PostgreSQL, \ escapes; SQLite's LIKE has no escape character unless the query names one,
 * and Prisma's does not (prisma/orm#19506). So both the stored text and the term carry these
 * three characters as private-use ones that LIKE takes literally: "50%" finds "50% off" and
 * not "500 offers". A migration mapped the rows written before (…_search_text_literal).
 */
const LITERAL: Record<string, string> = { "%": "\uE000", _: "\uE001", "\\": "\uE002" };
const literal = (text: string) => text.replace(/[%_\\]/g, (c) => LITERAL[c]!);

/** The one lower-cased column the list searches: every field, and phone numbers with and without punctuation. */
export function buildSearchText(client: Searchable, phones: string[] = []): string {
  const digits = phones.map((p) => p.replace(/\D/g, ""));
  return literal(
    [client.name, client.contactName, client.contactEmail, client.clientReferenceId, client.pluginId ?? "", ...phones, ...digits]
      .join(" ")
      .toLowerCase(),
  );
}

/** A search term as the search text stores it: lower-cased, LIKE's special characters literal. */
export function searchTerm(term: string): string {
  return literal(term.toLowerCase());
}
