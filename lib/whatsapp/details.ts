/*
 * Every field ChakraHQ returns for an account or a number, including those this app has no
 * row for yet (Meta adds fields; ChakraHQ passes them through): "more details", as
 * key → readable value. Nothing here may throw on what comes back: null, arrays, nested
 * objects, huge strings.
 */

/** Longest value shown; the rest is cut with an ellipsis (the raw answer stays stored). */
export const DETAIL_MAX_CHARS = 300;
/** At most this many extra fields per number or account. */
export const DETAIL_MAX_FIELDS = 40;

export type Detail = { key: string; value: string };

const cap = (text: string, max = DETAIL_MAX_CHARS) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** One value as text: strings as they are, yes/no, numbers, nested objects as compact JSON. */
export function detailValue(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (typeof value === "string") return value === "" ? "empty" : cap(value);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  try {
    // A cut-down copy first, so a huge nested answer is not serialised whole.
    return cap(JSON.stringify(value, limitedReplacer()) ?? String(value));
  } catch {
    return cap(String(value));
  }
}

/** JSON.stringify replacer that stops long strings and long arrays early. */
function limitedReplacer() {
  let budget = DETAIL_MAX_CHARS * 4;
  return (_key: string, value: unknown) => {
    if (budget <= 0) return undefined;
    if (typeof value === "string") {
      budget -= value.length;
      return cap(value, DETAIL_MAX_CHARS);
    }
    if (Array.isArray(value) && value.length > 20) return [...value.slice(0, 20), "…"];
    return value;
  };
}

/** The fields of `record` not in `known`, in the order ChakraHQ sent them. */
export function moreDetails(record: Record<string, unknown>, known: readonly string[]): Detail[] {
  const skip = new Set(known);
  return Object.entries(record)
    .filter(([key]) => !skip.has(key))
    .slice(0, DETAIL_MAX_FIELDS)
    .map(([key, value]) => ({ key: cap(key, 80), value: detailValue(value) }));
}
