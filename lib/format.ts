/** "21 Nov 2026, 14:05" in the server's locale-neutral form; "never" for null. */
export function formatDateTime(date: Date | null): string {
  if (!date) return "never";
  return date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";
}
