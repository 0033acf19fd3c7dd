import type { AgencyBranding } from "../data/agency";
import { ROLE_INFO, type Role } from "../auth/roles";
import type { LinkPurpose } from "../onboarding/rules";
import { translator } from "../i18n/catalogs";
import type { Locale } from "../i18n/locales";
import { renderEmail } from "./template";

const when = (date: Date) =>
  date.toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC";

/** The sign-in link an admin asked for. */
export function signInEmail({ agency, url, expires }: { agency: AgencyBranding; url: string; expires: Date }) {
  return renderEmail({
    agency,
    subject: `Sign in to ${agency.name} Partner Onboarding`,
    preheader: "Your sign-in link, valid once.",
    heading: "Sign in",
    paragraphs: ["Use the button below to sign in to Partner Onboarding. The link works once."],
    button: { label: "Sign in", url },
    footnotes: [`The link expires on ${when(expires)}.`, "If you did not ask to sign in, you can ignore this email."],
  });
}

/** An owner's invitation to the team; the button signs the new member in. */
export function invitationEmail({
  agency,
  url,
  expires,
  invitedBy,
  role,
}: {
  agency: AgencyBranding;
  url: string;
  expires: Date;
  invitedBy: string;
  role: Role;
}) {
  const info = ROLE_INFO[role];
  return renderEmail({
    agency,
    subject: `${invitedBy} invited you to ${agency.name} Partner Onboarding`,
    preheader: `Join as ${info.label.toLowerCase()}.`,
    heading: `You are invited to ${agency.name}`,
    paragraphs: [
      `${invitedBy} invited you to the team that onboards ${agency.name}'s clients onto WhatsApp, as ${info.label.toLowerCase()}: ${info.description.toLowerCase()}.`,
      "Accept by signing in with the button below. There is no password: each time, you get a link like this one by email.",
    ],
    button: { label: "Accept and sign in", url },
    footnotes: [
      `This link expires on ${when(expires)}. After that, ask for a new one on the sign-in page with this address.`,
    ],
  });
}

/**
 * The onboarding link for an end client, in their language: what will happen, the link, its
 * expiry (in UTC, marked so: the email cannot know the reader's time zone).
 */
export function onboardingEmail({
  agency,
  clientName,
  contactName,
  url,
  expires,
  purpose = "CONNECT",
  locale = "en",
}: {
  agency: AgencyBranding;
  clientName: string;
  contactName: string | null;
  url: string;
  expires: Date;
  purpose?: LinkPurpose;
  locale?: Locale;
}) {
  const t = translator(locale, "email");
  const names = { client: clientName, agency: agency.name };
  const date = `${expires.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
  return renderEmail({
    locale,
    agency,
    subject: t(`${purpose}.subject`, names),
    preheader: t("preheader"),
    heading: t(`${purpose}.heading`, names),
    paragraphs: [
      ...(contactName ? [t("greeting", { name: contactName })] : []),
      t(`${purpose}.first`, names),
      t("needs"),
      t("how"),
    ],
    button: { label: t(`${purpose}.button`), url },
    footnotes: [t("validUntil", { client: clientName, date }), t("questions", names)],
  });
}

/** Tells the admins who sent a link that the client connected. */
export function connectedEmail({
  agency,
  clientName,
  numbers,
  clientUrl,
}: {
  agency: AgencyBranding;
  clientName: string;
  numbers: string[];
  clientUrl: string;
}) {
  return renderEmail({
    agency,
    subject: `${clientName} connected WhatsApp`,
    preheader: numbers.length ? numbers.join(", ") : "The WhatsApp Business Account is attached.",
    heading: `${clientName} connected WhatsApp`,
    paragraphs: [
      numbers.length
        ? `${clientName} finished the WhatsApp signup. Connected ${numbers.length === 1 ? "number" : "numbers"}: ${numbers.join(", ")}.`
        : `${clientName} finished the WhatsApp signup; ChakraHQ lists the business account, its numbers are still being set up.`,
    ],
    button: { label: "Open the client", url: clientUrl },
    footnotes: [],
  });
}

/** An end client with an expired or revoked link asks for a new one. */
export function newLinkRequestEmail({
  agency,
  clientName,
  clientUrl,
  connectionRemoved = false,
  replacedAddress = false,
}: {
  agency: AgencyBranding;
  clientName: string;
  clientUrl: string;
  /** The link had connected, and ChakraHQ no longer shows that connection. */
  connectionRemoved?: boolean;
  /** The address opened is one that "Send again" replaced. */
  replacedAddress?: boolean;
}) {
  return renderEmail({
    agency,
    subject: `${clientName} asks for a new onboarding link`,
    preheader: connectionRemoved
      ? "Their WhatsApp connection was removed."
      : replacedAddress
        ? "They opened an address that “Send again” replaced."
        : "Their link expired or was revoked.",
    heading: `${clientName} asks for a new link`,
    paragraphs: [
      connectionRemoved
        ? `${clientName}'s WhatsApp connection no longer shows in ChakraHQ. Someone opened their onboarding link and asked for a new one to connect again.`
        : replacedAddress
          ? `Someone opened an earlier address of ${clientName}'s onboarding link, one that “Send again” replaced, and asked for a new one. The newer address may not have reached them.`
          : `Someone opened ${clientName}'s onboarding link after it stopped working and asked for a new one.`,
    ],
    button: { label: "Open the client", url: clientUrl },
    footnotes: [],
  });
}

/**
 * A new-plugin request for a client got no clear answer from ChakraHQ: the admins map the
 * plugin it may have created, or release the hold. Sent once per hold.
 */
export function pluginHoldEmail({
  agency,
  clientName,
  reference,
  reason,
  clientUrl,
}: {
  agency: AgencyBranding;
  clientName: string;
  reference: string;
  reason: string;
  clientUrl: string;
}) {
  return renderEmail({
    agency,
    subject: `${clientName} cannot connect WhatsApp until you check ChakraHQ`,
    preheader: `ChakraHQ may have created a plugin with the reference ${reference}.`,
    heading: `${clientName} is waiting for you`,
    paragraphs: [
      `${clientName} tried to connect WhatsApp, and the app asked ChakraHQ to create their plugin, but the request ended without a clear outcome${reason ? ` (${reason.replace(/\.+$/, "")})` : ""}. ChakraHQ may have created it anyway, so the app will not ask for another one until you decide.`,
      `In ChakraHQ's dashboard, look for a WhatsApp plugin with the client reference ${reference}. If there is one, map it on the client's page (Edit, then paste its plugin id). If there is none, release the hold on the client's page.`,
      `${clientName} has been told that you need to finish setting up their account.`,
    ],
    button: { label: "Open the client", url: clientUrl },
    footnotes: [],
  });
}

/**
 * An end client's signup gave no result in time: ChakraHQ shows no new WhatsApp account.
 * Sent once per signup attempt; the link's history has what ChakraHQ's signup said.
 */
export function signupUnconfirmedEmail({
  agency,
  clientName,
  waitMinutes,
  clientUrl,
}: {
  agency: AgencyBranding;
  clientName: string;
  waitMinutes: number;
  clientUrl: string;
}) {
  return renderEmail({
    agency,
    subject: `${clientName}'s WhatsApp signup could not be confirmed`,
    preheader: "ChakraHQ shows no new WhatsApp account yet.",
    heading: `${clientName}'s signup could not be confirmed`,
    paragraphs: [
      `${clientName} started the WhatsApp signup, but ${waitMinutes} minutes after its last step ChakraHQ shows no new WhatsApp Business Account or number on their plugin. They were told that you have been informed.`,
      `The onboarding link's history lists what ChakraHQ's signup said. If it reported a success under a name the app does not recognise, correct CHAKRA_SDK_SUCCESS_PATTERN; otherwise check the plugin in ChakraHQ's dashboard ("Refresh from ChakraHQ" on the client's page shows what it holds now).`,
    ],
    button: { label: "Open the client", url: clientUrl },
    footnotes: [],
  });
}

/**
 * A reminder to the end client, in their language: the same address they were sent (no new
 * token), the agency's branding, and a way to say "I need help" (the page's help form).
 */
export function reminderEmail({
  agency,
  kind,
  clientName,
  contactName,
  url,
  helpUrl,
  expires,
  purpose = "CONNECT",
  locale = "en",
}: {
  agency: AgencyBranding;
  kind: "unopened" | "unfinished";
  clientName: string;
  contactName: string | null;
  url: string;
  helpUrl: string;
  expires: Date;
  purpose?: LinkPurpose;
  locale?: Locale;
}) {
  const t = translator(locale, "email");
  const names = { client: clientName, agency: agency.name };
  const date = `${expires.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
  return renderEmail({
    locale,
    agency,
    subject: t(`reminder.${kind}.subject`, names),
    preheader: t("preheader"),
    heading: t(`reminder.${kind}.heading`, names),
    paragraphs: [...(contactName ? [t("greeting", { name: contactName })] : []), t(`reminder.${kind}.first`, names)],
    button: { label: t(`${purpose}.button`), url },
    aside: { text: t("reminder.helpText", names), link: { label: t("reminder.helpLink"), url: helpUrl } },
    footnotes: [t("validUntil", { client: clientName, date }), t("questions", names)],
  });
}

/** Tells the admins who sent a link that it expires within a day, unused. */
export function expiryWarningEmail({
  agency,
  clientName,
  expires,
  opened,
  clientUrl,
}: {
  agency: AgencyBranding;
  clientName: string;
  expires: Date;
  opened: boolean;
  clientUrl: string;
}) {
  return renderEmail({
    agency,
    subject: `${clientName}'s onboarding link expires tomorrow, unused`,
    preheader: `It stops working on ${when(expires)}.`,
    heading: `${clientName}'s link expires tomorrow`,
    paragraphs: [
      opened
        ? `${clientName} opened their onboarding link but has not connected WhatsApp, and the link stops working on ${when(expires)}.`
        : `${clientName} has not opened their onboarding link, and it stops working on ${when(expires)}.`,
      "If they still need it, send it again (it keeps its expiry) or create a new link from the client's page.",
    ],
    button: { label: "Open the client", url: clientUrl },
    footnotes: ["You get this because you sent the link. Owners choose these reminders in the agency settings."],
  });
}

/** The end client asked for help from their onboarding page. */
export function helpRequestEmail({
  agency,
  clientName,
  contactEmail,
  message,
  clientUrl,
}: {
  agency: AgencyBranding;
  clientName: string;
  contactEmail: string;
  message: string;
  clientUrl: string;
}) {
  return renderEmail({
    agency,
    subject: `${clientName} needs help connecting WhatsApp`,
    preheader: message.slice(0, 120),
    heading: `${clientName} needs help`,
    paragraphs: [
      `Someone on ${clientName}'s onboarding page asked for help. Their message:`,
      `“${message}”`,
      `The page does not ask who they are: reply to the client's contact (${contactEmail}) or call them. The link's history on the client's page keeps the message.`,
    ],
    button: { label: "Open the client", url: clientUrl },
    footnotes: [],
  });
}

export type DigestEmailContent = {
  connected: { name: string; url: string }[];
  unfinished: { name: string; url: string }[];
  expiring: { name: string; url: string; expires: Date }[];
  attention: { name: string; url: string; numbers: number }[];
  attentionNumbers: number;
};

/** The weekly digest, per member: what changed and what needs them, with counts and links. */
export function weeklyDigestEmail({
  agency,
  digest,
  overviewUrl,
  preferencesUrl,
}: {
  agency: AgencyBranding;
  digest: DigestEmailContent;
  overviewUrl: string;
  preferencesUrl: string;
}) {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = <T extends { name: string; url: string }>(items: T[], text: (item: T) => string = (i) => i.name) =>
    items.map((item) => ({ text: text(item), url: item.url }));
  const sections: NonNullable<Parameters<typeof renderEmail>[0]["sections"]> = [];
  if (digest.connected.length)
    sections.push({ heading: `Newly connected (${digest.connected.length})`, lines: lines(digest.connected) });
  if (digest.unfinished.length)
    sections.push({ heading: `Opened, not finished (${digest.unfinished.length})`, lines: lines(digest.unfinished) });
  if (digest.expiring.length)
    sections.push({
      heading: `Links about to expire (${digest.expiring.length})`,
      lines: lines(digest.expiring, (i) => `${i.name}: expires ${when(i.expires)}`),
    });
  if (digest.attention.length)
    sections.push({
      heading: `${count(digest.attentionNumbers, "number needs", "numbers need")} attention`,
      lines: lines(digest.attention, (i) => `${i.name}: ${count(i.numbers, "number", "numbers")}`),
    });
  const summary = [
    count(digest.connected.length, "client connected", "clients connected"),
    count(digest.unfinished.length, "link opened but not finished", "links opened but not finished"),
    count(digest.expiring.length, "link about to expire", "links about to expire"),
    count(digest.attentionNumbers, "number needing attention", "numbers needing attention"),
  ].join(", ");
  return renderEmail({
    agency,
    subject: `Your week at ${agency.name}: ${count(digest.connected.length, "client", "clients")} connected`,
    preheader: summary,
    heading: "Your weekly digest",
    paragraphs: [`This week: ${summary}.`],
    sections,
    button: { label: "Open the overview", url: overviewUrl },
    footnotes: [`You get this every week. Turn it off under “Your emails” on the team page: ${preferencesUrl}`],
  });
}
