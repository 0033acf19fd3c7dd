import type { PhoneNumber, Waba } from "../chakra/schemas";
import { detailValue } from "./details";

/*
 * Short advice for the agency where a number's state calls for it, each with a link to the
 * Meta page it comes from. Only what those pages (or, where said, providers' docs) state.
 */

export type Guidance = { key: string; text: string; href: string; linkLabel: string };

export const META_DOCS = {
  // "Onboard WhatsApp Business app users" (coexistence). That a new device or a re-registered
  // app offboards the Cloud API side is Meta's "Reconnect offboarded coexistence clients"
  // (https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/reconnect-offboarded-coexistence-clients/).
  // How often the app must be opened is not on Meta's pages we could read; providers state it,
  // e.g. "at least once every 13 days" (https://docs.coralmessaging.com/en/functionality/coexistence-functionality).
  coexistence:
    "https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/onboarding-business-app-users",
  // "Display names": a rejected name sets name_status DECLINED; edit it per the guidelines.
  displayNames: "https://developers.facebook.com/documentation/business-messaging/whatsapp/display-names/",
  // "Migrating a business phone number from one Solution Partner to another": two-step
  // verification must be disabled first; the migration only happens once the client's business
  // has completed Business Verification.
  migration:
    "https://developers.facebook.com/documentation/business-messaging/whatsapp/solution-providers/support/migrating-phone-numbers-among-solution-partners-programmatically",
  // "Messaging Limits": set per business portfolio.
  messagingLimits: "https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits",
} as const;

/** A reason inside a sentence of ours: without its own final full stop ("(reason: …)."). */
export const clause = (text: string) => text.trim().replace(/[.\s]+$/, "");

/**
 * Meta's display name review said no: name_status DECLINED (Meta's value), or REJECTED, in any
 * case. One test for the client's page, its alerts and the dashboard, so they never disagree.
 */
export const DECLINED_NAME_STATUSES = ["DECLINED", "REJECTED"] as const;
export const isNameDeclined = (status: string | null | undefined) =>
  (DECLINED_NAME_STATUSES as readonly string[]).includes((status ?? "").toUpperCase());

/** The display name's rejection reason, when ChakraHQ passes one on (Meta may send "NONE"). */
export function nameRejectionReason(phone: PhoneNumber): string | null {
  const reason = phone.rejection_reason;
  if (reason === undefined || reason === null) return null;
  const text = detailValue(reason);
  return text === "empty" || text.toUpperCase() === "NONE" ? null : text;
}

const NOT_YET_VERIFIED = new Set(["NOT_VERIFIED", "EXPIRED"]);
const NOT_YET_CONNECTED = new Set(["PENDING", "UNVERIFIED"]);

/** What to tell the agency about one number, most pressing first. */
export function guidanceFor(phone: PhoneNumber, waba?: Waba | null): Guidance[] {
  const items: Guidance[] = [];

  if (isNameDeclined(phone.name_status)) {
    const reason = nameRejectionReason(phone);
    items.push({
      key: "name-declined",
      text: `Meta rejected the display name${reason ? ` (reason: ${clause(reason)})` : ""}. Fix what the reason points at, following Meta's display name guidelines, then change the display name in WhatsApp Manager; Meta reviews it again.`,
      href: META_DOCS.displayNames,
      linkLabel: "Meta: display names",
    });
  }

  const codeNotDone = NOT_YET_VERIFIED.has(phone.code_verification_status ?? "");
  if (codeNotDone || NOT_YET_CONNECTED.has(phone.status ?? "") || phone.platform_type === "ON_PREMISE") {
    const unverifiedBusiness =
      waba?.business_verification_status && waba.business_verification_status !== "verified"
        ? " This client's business is not verified yet."
        : "";
    items.push({
      key: "migration",
      text: `If this number is moving from another provider: two-step verification must be turned off on it first (by whoever holds it now), and the move only happens once the client's business has completed Meta's business verification.${unverifiedBusiness}`,
      href: META_DOCS.migration,
      linkLabel: "Meta: moving a number between providers",
    });
  }

  if (phone.is_on_biz_app === true) {
    items.push({
      key: "coexistence",
      text: "This number also runs on the WhatsApp Business app (coexistence). The client must keep the app on their phone and open it regularly, or the connection can be dropped (providers cite every 13 days); a new phone or reinstalling the app disconnects the API side until they reconnect.",
      href: META_DOCS.coexistence,
      linkLabel: "Meta: WhatsApp Business app numbers",
    });
  }

  return items;
}
