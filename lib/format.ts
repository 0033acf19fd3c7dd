/** "21 Nov 2026, 14:05" in the server's locale-neutral form; "never" for null. */
export function formatDateTime(date: Date | null): string {
  if (!date) return "never";
  return date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}

/** A message as a sentence: a full stop added when it ends without one ("…error (502)" → "…error (502)."). */
export function asSentence(message: string): string {
  const text = message.trim();
  return text === "" || /[.!?…]["'”’]?$/.test(text) ? text : `${text}.`;
}
