import type { Tone } from "./meaning";

/*
 * A phone number's status in the end client's words: a small-business owner reading the
 * onboarding page, not the agency. The agency's own meanings are in ./meaning.ts; every status
 * listed there has an entry here (tests/integration/onboard-connection.test.tsx holds them together).
 */

export type ClientMeaning = { label: string; meaning: string; tone: Tone };

const STATUS: Record<string, (agency: string) => ClientMeaning> = {
  CONNECTED: () => ({ label: "Connected", meaning: "ready to send and receive messages", tone: "good" }),
  PENDING: () => ({ label: "Being set up by Meta", meaning: "usually a few minutes", tone: "warn" }),
  UNVERIFIED: (agency) => ({
    label: "Waiting for the code",
    meaning: `the code Meta sent by text or call was not confirmed yet; ${agency} can help you finish`,
    tone: "warn",
  }),
  DISCONNECTED: (agency) => ({
    label: "Not connected",
    meaning: `messages cannot be sent or received; contact ${agency}`,
    tone: "bad",
  }),
  FLAGGED: (agency) => ({
    label: "Warning from Meta",
    meaning: `customers blocked or reported messages, and Meta may limit this number soon; ${agency} can help`,
    tone: "bad",
  }),
  RESTRICTED: (agency) => ({
    label: "Limited by Meta",
    meaning: `you can answer customers, but not start new conversations for now; contact ${agency}`,
    tone: "bad",
  }),
  RATE_LIMITED: () => ({
    label: "Paused for a moment",
    meaning: "too many messages were sent at once; it starts again by itself",
    tone: "warn",
  }),
  BANNED: (agency) => ({
    label: "Blocked by Meta",
    meaning: `this number can no longer use WhatsApp Business; contact ${agency}`,
    tone: "bad",
  }),
  MIGRATED: (agency) => ({
    label: "Moved",
    meaning: `this number now belongs to another WhatsApp Business account; ask ${agency} if that is unexpected`,
    tone: "neutral",
  }),
  DELETED: (agency) => ({
    label: "Removed",
    meaning: `this number was removed from WhatsApp Business; contact ${agency}`,
    tone: "bad",
  }),
};

/** A number's status for the end client; an empty or unknown value is still explained. */
export function clientPhoneStatus(status: string | null | undefined, agencyName: string): ClientMeaning {
  if (status === null || status === undefined || status === "")
    return { label: "Status not known yet", meaning: `${agencyName} checks it for you`, tone: "neutral" };
  const known = Object.hasOwn(STATUS, status) ? STATUS[status] : undefined;
  if (known) return known(agencyName);
  return {
    label: `Meta says “${status}”`,
    meaning: `${agencyName} can tell you what this means`,
    tone: "neutral",
  };
}

/** The badge colours of each tone, on the end client's page. */
export const TONE_BADGE: Record<Tone, string> = {
  good: "bg-emerald-100 text-emerald-800",
  warn: "bg-amber-100 text-amber-900",
  bad: "bg-red-100 text-red-800",
  neutral: "bg-slate-100 text-slate-700",
};
