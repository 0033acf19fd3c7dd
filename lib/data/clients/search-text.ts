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

/**
 * The most the search text holds, in UTF-8 bytes. The four list indexes end with this column
 * (prisma/schema.prisma), and PostgreSQL refuses an index entry over 2,704 bytes: a client
 * with a few hundred numbers would otherwise fail to save. The client's own fields always fit
 * (their limits make about 2,100 bytes at worst); its numbers go in, in ChakraHQ's order, while they
 * fit, so the list finds a client by its first ~70 numbers (the WhatsApp page finds any number).
 */
export const SEARCH_TEXT_MAX_BYTES = 2400;

/** The one lower-cased column the list searches: every field, and phone numbers with and without punctuation. */
export function buildSearchText(client: Searchable, phones: string[] = []): string {
  const own = [client.name, client.contactName, client.contactEmail, client.clientReferenceId, client.pluginId ?? ""];
  let text = fitted(literal(own.join(" ").toLowerCase()), SEARCH_TEXT_MAX_BYTES);
  let bytes = Buffer.byteLength(text);
  for (const phone of phones) {
    const part = literal(` ${phone} ${phone.replace(/\D/g, "")}`.toLowerCase());
    const size = Buffer.byteLength(part);
    if (bytes + size > SEARCH_TEXT_MAX_BYTES) break;
    text += part;
    bytes += size;
  }
  return text;
}

/** `text` cut to at most `max` UTF-8 bytes, between characters (never reached by valid fields). */
function fitted(text: string, max: number): string {
  if (Buffer.byteLength(text) <= max) return text;
  let out = "";
  let bytes = 0;
  for (const char of text) {
    bytes += Buffer.byteLength(char);
    if (bytes > max) break;
    out += char;
  }
  return out;
}

/** A search term as the search text stores it: lower-cased, LIKE's special characters literal. */
export function searchTerm(term: string): string {
  return literal(term.toLowerCase());
}

/**
 * A search box's terms (at most 8). A phone number written any way ("+91 98200-12345",
 * "+919820012345") is one term, its digits, which the search text holds for every number.
 */
export function searchTerms(q: string): string[] {
  const trimmed = q.trim();
  if (/^\+?[\d\s().-]+$/.test(trimmed) && (trimmed.match(/\d/g)?.length ?? 0) >= 7) return [trimmed.replace(/\D/g, "")];
  return trimmed.split(/\s+/).filter(Boolean).slice(0, 8);
}

/**
 * Where a term may match: anywhere, but a short run of digits ("04" in "Shop 04") only where a
 * word starts, not inside a phone number's digits (which would find most clients).
 */
export function termStarts(term: string): string[] | null {
  if (!/^\d{1,3}$/.test(term)) return null;
  return [" ", "-", "#", "/", "("].map((before) => `${before}${term}`);
}
