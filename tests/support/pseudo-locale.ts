/*
 * A pseudo-locale: the English catalog with every letter of its text swapped for an accented
 * look-alike, ICU syntax (arguments, plural keywords, tags) left alone. A page rendered with it
 * shows no plain ASCII word unless the word did not come from the catalog: hard-coded English.
 */

const PLAIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ACCENTED = "åƀçđéƒğĥíĵķłɱñöþʠŕšŧüṽŵẋýžÅßÇĐÉƑĞĤÍĴĶŁṀÑÖÞǪŔŠŦÜṼŴẊÝŽ";

/** One ICU message in pseudo-text: letters are swapped only in text, never in `{arg, plural, one {…}}` syntax. */
export function pseudoMessage(message: string): string {
  // Each open brace is either an argument (whose name and keywords stay) or, inside an
  // argument, a plural/select branch (text again).
  const stack: ("text" | "argument")[] = ["text"];
  let inTag = false;
  let out = "";
  for (const char of message) {
    const context = stack.at(-1)!;
    if (char === "{") {
      stack.push(context === "text" ? "argument" : "text");
      out += char;
    } else if (char === "}") {
      stack.pop();
      out += char;
    } else if (context === "text" && char === "<") {
      inTag = true;
      out += char;
    } else if (inTag) {
      if (char === ">") inTag = false;
      out += char;
    } else if (context === "text" && PLAIN.includes(char)) {
      out += [...ACCENTED][PLAIN.indexOf(char)];
    } else out += char;
  }
  return out;
}

/** A whole catalog in pseudo-text. */
export function pseudoCatalog<T>(catalog: T): T {
  const walk = (value: unknown): unknown =>
    typeof value === "string"
      ? pseudoMessage(value)
      : Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, walk(v)]));
  return walk(catalog) as T;
}
