import { translator } from "../i18n/catalogs";
import type { Locale } from "../i18n/locales";
import type { PluginConfig } from "../chakra/schemas";
import type { Tone } from "./meaning";

/*
 * A phone number's status in the end client's words: a small-business owner reading the
 * onboarding page, not the agency. The words are in the catalogs (messages/<locale>.json,
 * "phoneStatus"); the agency's own meanings are in ./meaning.ts; every status listed there has
 * an entry here (tests/integration/onboard-connection.test.tsx holds them together).
 */

export type ClientMeaning = { label: string; meaning: string; tone: Tone };

const TONES = {
  CONNECTED: "good",
  PENDING: "warn",
  UNVERIFIED: "warn",
  DISCONNECTED: "bad",
  FLAGGED: "bad",
  RESTRICTED: "bad",
  RATE_LIMITED: "warn",
  BANNED: "bad",
  MIGRATED: "neutral",
  DELETED: "bad",
} as const satisfies Record<string, Tone>;

/** A number's status for the end client, in their language; an empty or unknown value is still explained. */
export function clientPhoneStatus(
  status: string | null | undefined,
  agencyName: string,
  locale: Locale = "en",
): ClientMeaning {
  const t = translator(locale, "phoneStatus");
  const agency = agencyName;
  if (status === null || status === undefined || status === "")
    return { label: t("none.label"), meaning: t("none.meaning", { agency }), tone: "neutral" };
  if (Object.hasOwn(TONES, status)) {
    const known = status as keyof typeof TONES;
    return { label: t(`${known}.label`), meaning: t(`${known}.meaning`, { agency }), tone: TONES[known] };
  }
  return { label: t("other.label", { status }), meaning: t("other.meaning", { agency }), tone: "neutral" };
}

/** The badge colours of each tone, on the end client's page. */
export const TONE_BADGE: Record<Tone, string> = {
  good: "bg-emerald-100 text-emerald-800",
  warn: "bg-amber-100 text-amber-900",
  bad: "bg-red-100 text-red-800",
  neutral: "bg-slate-100 text-slate-700",
};

type ListedNumber = PluginConfig["whatsappPhoneNumbers"][number];

/**
 * The numbers to show the end client: ChakraHQ's, less an entry whose number (its display form)
 * is also listed connected under another id: an earlier copy that a reconnect replaced, which
 * would otherwise read "Not connected, contact the agency" beside the working one.
 */
export function clientNumbers(config: PluginConfig): ListedNumber[] {
  const live = new Set(
    config.whatsappPhoneNumbers.filter((p) => p.status === "CONNECTED").map((p) => p.display_phone_number),
  );
  return config.whatsappPhoneNumbers.filter(
    (p) => p.status === "CONNECTED" || !p.display_phone_number || !live.has(p.display_phone_number),
  );
}

/** The numbers ChakraHQ shows connected, each once (as displayed; the id without a display form). */
export function connectedNumbers(config: PluginConfig): string[] {
  const numbers = config.whatsappPhoneNumbers
    .filter((p) => p.status === "CONNECTED")
    .map((p) => p.display_phone_number ?? p.id);
  return [...new Set(numbers)];
}
