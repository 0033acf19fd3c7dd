import type { ReactElement } from "react";
import type { AgencyBranding } from "../data/agency";
import { ROLE_INFO, type Role } from "../auth/roles";
import type { LinkPurpose } from "../onboarding/rules";
import { formatDateTime, possessive } from "../format";
import { DEFAULT_AGENCY_NAME, productName } from "../agency-name";
import { translator } from "../i18n/catalogs";
import type { Locale } from "../i18n/locales";
import { Heading, Link, Section, Text } from "@react-email/components";
import { EmailLayout, Paragraph, safeColor } from "./layout";
import { renderEmail, type RenderedEmail } from "./render";
import { readableOnWhite } from "../brand-color";

/*
 * Every email the app sends, as react-email trees in one shared layout (./layout.tsx).
 * Adding one: write a `compose` function (props → subject and tree) below, add it with sample
 * props to EMAIL_TEMPLATES (the dev outbox previews every entry), and export a function that
 * renders it; send it through lib/email/mailer.ts.
 */

type Composed = { subject: string; element: ReactElement };

/** A link's expiry in the reader's language, in UTC and marked so (an email cannot know the reader's zone). */
const utcDate = (date: Date, locale: Locale) =>
  `${date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;

type SignInProps = { agency: AgencyBranding; url: string; expires: Date };

function composeSignIn({ agency, url, expires }: SignInProps): Composed {
  const subject = `Sign in to ${productName(agency.name)}`;
  return {
    subject,
    element: (
      <EmailLayout
        agency={agency}
        title={subject}
        preheader="Your sign-in link, valid once."
        heading="Sign in"
        button={{ label: "Sign in", url }}
        footnotes={[
          `The link expires on ${formatDateTime(expires)}.`,
          "If you did not ask to sign in, you can ignore this email.",
        ]}
      >
        <Paragraph>Use the button below to sign in to Partner Onboarding. The link works once.</Paragraph>
      </EmailLayout>
    ),
  };
}

type InvitationProps = { agency: AgencyBranding; url: string; expires: Date; invitedBy: string; role: Role };

function composeInvitation({ agency, url, expires, invitedBy, role }: InvitationProps): Composed {
  const info = ROLE_INFO[role];
  const subject = `${invitedBy} invited you to ${productName(agency.name)}`;
  return {
    subject,
    element: (
      <EmailLayout
        agency={agency}
        title={subject}
        preheader={`Join as ${info.label.toLowerCase()}.`}
        heading={`You are invited to ${productName(agency.name)}`}
        button={{ label: "Accept and sign in", url }}
        footnotes={[
          `This link expires on ${formatDateTime(expires)}. After that, ask for a new one on the sign-in page with this address.`,
        ]}
      >
        <Paragraph>
          {`${invitedBy} invited you to the team that onboards ${agency.name === DEFAULT_AGENCY_NAME ? "the agency's" : possessive(agency.name)} clients onto WhatsApp, as ${info.label.toLowerCase()}: ${info.description.charAt(0).toLowerCase()}${info.description.slice(1)}.`}
        </Paragraph>
        <Paragraph>
          Accept by signing in with the button below. There is no password: each time, you get a link like this one by
          email.
        </Paragraph>
      </EmailLayout>
    ),
  };
}

type OnboardingProps = {
  agency: AgencyBranding;
  clientName: string;
  contactName: string | null;
  url: string;
  expires: Date;
  purpose?: LinkPurpose;
  locale?: Locale;
};

function composeOnboarding({
  agency,
  clientName,
  contactName,
  url,
  expires,
  purpose = "CONNECT",
  locale = "en",
}: OnboardingProps): Composed {
  const t = translator(locale, "email");
  const names = { client: clientName, agency: agency.name };
  const date = utcDate(expires, locale);
  const subject = t(`${purpose}.subject`, names);
  return {
    subject,
    element: (
      <EmailLayout
        locale={locale}
        agency={agency}
        title={subject}
        preheader={t("preheader")}
        heading={t(`${purpose}.heading`, names)}
        button={{ label: t(`${purpose}.button`), url }}
        footnotes={[t("validUntil", { client: clientName, date }), t("questions", names)]}
      >
        {contactName ? <Paragraph>{t("greeting", { name: contactName })}</Paragraph> : null}
        <Paragraph>{t(`${purpose}.first`, names)}</Paragraph>
        <Paragraph>{t("needs")}</Paragraph>
        <Paragraph>{t("how")}</Paragraph>
      </EmailLayout>
    ),
  };
}

type ConnectedProps = { agency: AgencyBranding; clientName: string; numbers: string[]; clientUrl: string };

function composeConnected({ agency, clientName, numbers, clientUrl }: ConnectedProps): Composed {
  const subject = `${clientName} connected WhatsApp`;
  return {
    subject,
    element: (
      <EmailLayout
        agency={agency}
        title={subject}
        preheader={numbers.length ? numbers.join(", ") : "No number is connected yet."}
        heading={`${clientName} connected WhatsApp`}
        button={{ label: "Open the client", url: clientUrl }}
      >
        <Paragraph>
          {numbers.length
            ? `${clientName} finished the WhatsApp signup. Connected ${numbers.length === 1 ? "number" : "numbers"}: ${numbers.join(", ")}.`
            : `${clientName} finished the WhatsApp signup; ChakraHQ does not show a connected number yet. Each number's state is on the client's page.`}
        </Paragraph>
      </EmailLayout>
    ),
  };
}

type NewLinkRequestProps = {
  agency: AgencyBranding;
  clientName: string;
  clientUrl: string;
  /** The link had connected, and ChakraHQ no longer shows that connection. */
  connectionRemoved?: boolean;
  /** The address opened is one that "Send again" replaced. */
  replacedAddress?: boolean;
};

function composeNewLinkRequest({
  agency,
  clientName,
  clientUrl,
  connectionRemoved = false,
  replacedAddress = false,
}: NewLinkRequestProps): Composed {
  const subject = `${clientName} asks for a new onboarding link`;
  return {
    subject,
    element: (
      <EmailLayout
        agency={agency}
        title={subject}
        preheader={
          connectionRemoved
            ? "Their WhatsApp connection was removed."
            : replacedAddress
              ? "They opened an earlier address, since replaced by a newer one."
              : "Their link expired or was revoked."
        }
        heading={`${clientName} asks for a new link`}
        button={{ label: "Open the client", url: clientUrl }}
      >
        <Paragraph>
          {connectionRemoved
            ? `${possessive(clientName)} WhatsApp connection no longer shows in ChakraHQ. Someone opened their onboarding link and asked for a new one to connect again.`
            : replacedAddress
              ? `Someone opened an earlier address of ${possessive(clientName)} onboarding link, since replaced by a newer address, and asked for a new one. The newer address may not have reached them.`
              : `Someone opened ${possessive(clientName)} onboarding link after it stopped working and asked for a new one.`}
        </Paragraph>
      </EmailLayout>
    ),
  };
}

type PluginHoldProps = {
  agency: AgencyBranding;
  clientName: string;
  reference: string;
  reason: string;
  clientUrl: string;
};

function composePluginHold({ agency, clientName, reference, reason, clientUrl }: PluginHoldProps): Composed {
  const subject = `${clientName} cannot connect WhatsApp until you check ChakraHQ`;
  return {
    subject,
    element: (
      <EmailLayout
        agency={agency}
        title={subject}
        preheader={`ChakraHQ may have created a plugin with the reference ${reference}.`}
        heading={`${clientName} is waiting for you`}
        button={{ label: "Open the client", url: clientUrl }}
      >
        <Paragraph>
          {`${clientName} tried to connect WhatsApp, and the app asked ChakraHQ to create their plugin, but the request ended without a clear outcome${reason ? ` (${reason.replace(/\.+$/, "")})` : ""}. ChakraHQ may have created it anyway, so the app will not ask for another one until you decide.`}
        </Paragraph>
        <Paragraph>
          {`In ChakraHQ's dashboard, look for a WhatsApp plugin with the client reference ${reference}. If there is one, map it on the client's page (Edit, then paste its plugin id). If there is none, release the hold on the client's page.`}
        </Paragraph>
        <Paragraph>{`${clientName} has been told that you need to finish setting up their account.`}</Paragraph>
      </EmailLayout>
    ),
  };
}

type SignupUnconfirmedProps = { agency: AgencyBranding; clientName: string; waitMinutes: number; clientUrl: string };

function composeSignupUnconfirmed({ agency, clientName, waitMinutes, clientUrl }: SignupUnconfirmedProps): Composed {
  const subject = `${possessive(clientName)} WhatsApp signup could not be confirmed`;
  return {
    subject,
    element: (
      <EmailLayout
        agency={agency}
        title={subject}
        preheader="ChakraHQ shows no new WhatsApp account yet."
        heading={`${possessive(clientName)} signup could not be confirmed`}
        button={{ label: "Open the client", url: clientUrl }}
      >
        <Paragraph>
          {`${clientName} started the WhatsApp signup, but ${waitMinutes} minutes after its last step ChakraHQ shows no new WhatsApp Business Account or number on their plugin. They were told that you have been informed.`}
        </Paragraph>
        <Paragraph>
          {`The onboarding link's history lists what ChakraHQ's signup said. If it reported a success under a name the app does not recognise, correct CHAKRA_SDK_SUCCESS_PATTERN; otherwise check the plugin in ChakraHQ's dashboard ("Refresh from ChakraHQ" on the client's page shows what it holds now).`}
        </Paragraph>
      </EmailLayout>
    ),
  };
}

type AlertProps = { agency: AgencyBranding; clientName: string; title: string; meaning: string; clientUrl: string };

function composeAlert({ agency, clientName, title, meaning, clientUrl }: AlertProps): Composed {
  const subject = `${clientName}: ${title}`;
  return {
    subject,
    element: (
      <EmailLayout
        agency={agency}
        title={subject}
        preheader={meaning}
        heading={`${clientName} needs your attention`}
        button={{ label: "Open the client", url: clientUrl }}
        footnotes={[
          "You get this email once per problem, until it is fixed and comes back. Choose which clients you are alerted about on the Team page.",
        ]}
      >
        <Paragraph>{`What changed: ${title}.`}</Paragraph>
        <Paragraph>{`What it means: ${meaning}`}</Paragraph>
      </EmailLayout>
    ),
  };
}

type ReminderProps = {
  agency: AgencyBranding;
  kind: "unopened" | "unfinished";
  clientName: string;
  contactName: string | null;
  url: string;
  helpUrl: string;
  expires: Date;
  purpose?: LinkPurpose;
  locale?: Locale;
};

function composeReminder({
  agency,
  kind,
  clientName,
  contactName,
  url,
  helpUrl,
  expires,
  purpose = "CONNECT",
  locale = "en",
}: ReminderProps): Composed {
  const t = translator(locale, "email");
  const names = { client: clientName, agency: agency.name };
  const date = utcDate(expires, locale);
  const subject = t(`reminder.${kind}.subject`, names);
  return {
    subject,
    element: (
      <EmailLayout
        locale={locale}
        agency={agency}
        title={subject}
        preheader={t("preheader")}
        heading={t(`reminder.${kind}.heading`, names)}
        button={{ label: t(`${purpose}.button`), url }}
        aside={{ text: t("reminder.helpText", names), link: { label: t("reminder.helpLink"), url: helpUrl } }}
        footnotes={[t("validUntil", { client: clientName, date }), t("questions", names)]}
      >
        {contactName ? <Paragraph>{t("greeting", { name: contactName })}</Paragraph> : null}
        <Paragraph>{t(`reminder.${kind}.first`, names)}</Paragraph>
      </EmailLayout>
    ),
  };
}

type ExpiryWarningProps = {
  agency: AgencyBranding;
  clientName: string;
  expires: Date;
  opened: boolean;
  clientUrl: string;
};

function composeExpiryWarning({ agency, clientName, expires, opened, clientUrl }: ExpiryWarningProps): Composed {
  const subject = `${possessive(clientName)} onboarding link expires tomorrow, unused`;
  return {
    subject,
    element: (
      <EmailLayout
        agency={agency}
        title={subject}
        preheader={`It stops working on ${formatDateTime(expires)}.`}
        heading={`${possessive(clientName)} link expires tomorrow`}
        button={{ label: "Open the client", url: clientUrl }}
        footnotes={["You get this because you sent the link. Owners choose these reminders in the agency settings."]}
      >
        <Paragraph>
          {opened
            ? `${clientName} opened their onboarding link but has not connected WhatsApp, and the link stops working on ${formatDateTime(expires)}.`
            : `${clientName} has not opened their onboarding link, and it stops working on ${formatDateTime(expires)}.`}
        </Paragraph>
        <Paragraph>
          If they still need it, send it again (it keeps its expiry) or create a new link from the client&apos;s page.
        </Paragraph>
      </EmailLayout>
    ),
  };
}

type HelpRequestProps = {
  agency: AgencyBranding;
  clientName: string;
  contactEmail: string;
  message: string;
  clientUrl: string;
};

function composeHelpRequest({ agency, clientName, contactEmail, message, clientUrl }: HelpRequestProps): Composed {
  const subject = `${clientName} needs help connecting WhatsApp`;
  return {
    subject,
    element: (
      <EmailLayout
        agency={agency}
        title={subject}
        preheader={message.slice(0, 120)}
        heading={`${clientName} needs help`}
        button={{ label: "Open the client", url: clientUrl }}
      >
        <Paragraph>{`Someone on ${possessive(clientName)} onboarding page asked for help. Their message:`}</Paragraph>
        <Paragraph>{`“${message}”`}</Paragraph>
        <Paragraph>
          {`The page does not ask who they are: reply to the client's contact (${contactEmail}) or call them. The link's history on the client's page keeps the message.`}
        </Paragraph>
      </EmailLayout>
    ),
  };
}

export type DigestEmailContent = {
  connected: { name: string; url: string }[];
  unfinished: { name: string; url: string }[];
  expiring: { name: string; url: string; expires: Date }[];
  attention: { name: string; url: string; numbers: number }[];
  attentionNumbers: number;
};

type WeeklyDigestProps = {
  agency: AgencyBranding;
  digest: DigestEmailContent;
  overviewUrl: string;
  preferencesUrl: string;
};

function composeWeeklyDigest({ agency, digest, overviewUrl, preferencesUrl }: WeeklyDigestProps): Composed {
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const lines = <T extends { name: string; url: string }>(items: T[], text: (item: T) => string = (i) => i.name) =>
    items.map((item) => ({ text: text(item), url: item.url }));
  const sections: { heading: string; lines: { text: string; url: string }[] }[] = [];
  if (digest.connected.length)
    sections.push({ heading: `Newly connected (${digest.connected.length})`, lines: lines(digest.connected) });
  if (digest.unfinished.length)
    sections.push({ heading: `Opened, not finished (${digest.unfinished.length})`, lines: lines(digest.unfinished) });
  if (digest.expiring.length)
    sections.push({
      heading: `Links about to expire (${digest.expiring.length})`,
      lines: lines(digest.expiring, (i) => `${i.name}: expires ${formatDateTime(i.expires)}`),
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
  const subject = `Your week at ${agency.name}: ${count(digest.connected.length, "client", "clients")} connected`;
  return {
    subject,
    element: (
      <EmailLayout
        agency={agency}
        title={subject}
        preheader={summary}
        heading="Your weekly digest"
        button={{ label: "Open the overview", url: overviewUrl }}
        footnotes={[`You get this every week. Turn it off under “Your emails” on the team page: ${preferencesUrl}`]}
      >
        <Paragraph>{`This week: ${summary}.`}</Paragraph>
        {sections.map((section) => (
          <Section key={section.heading}>
            <Heading as="h2" style={{ margin: "20px 0 8px", fontSize: "16px", lineHeight: "1.4", color: "#0f172a" }}>
              {section.heading}
            </Heading>
            {section.lines.map((line) => (
              <Text key={line.url + line.text} style={{ margin: "0 0 6px", fontSize: "15px", lineHeight: "1.5" }}>
                {"- "}
                <Link
                  href={line.url}
                  className="spelled-link"
                  style={{ color: readableOnWhite(safeColor(agency.brandColor)) }}
                >
                  {line.text}
                </Link>
              </Text>
            ))}
          </Section>
        ))}
      </EmailLayout>
    ),
  };
}

/** The sign-in link an admin asked for. */
export const signInEmail = (props: SignInProps): Promise<RenderedEmail> => render(composeSignIn(props));

/** An owner's invitation to the team; the button signs the new member in. */
export const invitationEmail = (props: InvitationProps) => render(composeInvitation(props));

/**
 * The onboarding link for an end client, in their language: what will happen, the link, its
 * expiry (in UTC, marked so: the email cannot know the reader's time zone).
 */
export const onboardingEmail = (props: OnboardingProps) => render(composeOnboarding(props));

/** Tells the admins who sent a link that the client connected. */
export const connectedEmail = (props: ConnectedProps) => render(composeConnected(props));

/** An end client with an expired or revoked link asks for a new one. */
export const newLinkRequestEmail = (props: NewLinkRequestProps) => render(composeNewLinkRequest(props));

/**
 * A new-plugin request for a client got no clear answer from ChakraHQ: the admins map the
 * plugin it may have created, or release the hold. Sent once per hold.
 */
export const pluginHoldEmail = (props: PluginHoldProps) => render(composePluginHold(props));

/**
 * An end client's signup gave no result in time: ChakraHQ shows no new WhatsApp account.
 * Sent once per signup attempt; the link's history has what ChakraHQ's signup said.
 */
export const signupUnconfirmedEmail = (props: SignupUnconfirmedProps) => render(composeSignupUnconfirmed(props));

/** A health sweep found a change in a client's WhatsApp that needs the agency. */
export const alertEmail = (props: AlertProps) => render(composeAlert(props));

/**
 * A reminder to the end client, in their language: the same address they were sent (no new
 * token), the agency's branding, and a way to say "I need help" (the page's help form).
 */
export const reminderEmail = (props: ReminderProps) => render(composeReminder(props));

/** Tells the admins who sent a link that it expires within a day, unused. */
export const expiryWarningEmail = (props: ExpiryWarningProps) => render(composeExpiryWarning(props));

/** The end client asked for help from their onboarding page. */
export const helpRequestEmail = (props: HelpRequestProps) => render(composeHelpRequest(props));

/** The weekly digest, per member: what changed and what needs them, with counts and links. */
export const weeklyDigestEmail = (props: WeeklyDigestProps) => render(composeWeeklyDigest(props));

const render = ({ subject, element }: Composed) => renderEmail(subject, element);

const SAMPLE_AGENCY: AgencyBranding = { name: "Northwind Messaging", logoUrl: null, brandColor: "#0f766e" };
const SAMPLE_URL = "https://partners.example/onboard/sample-token";
const SAMPLE_CLIENT_URL = "https://partners.example/clients/sample";
const SAMPLE_EXPIRES = new Date("2026-12-24T10:00:00Z");

/** Every email with sample props: the dev outbox's previews render each one. */
export const EMAIL_PREVIEWS: { name: string; describe: string; compose: () => Composed }[] = [
  {
    name: "sign-in",
    describe: "Sign-in link (sent at once, never queued)",
    compose: () => composeSignIn({ agency: SAMPLE_AGENCY, url: SAMPLE_URL, expires: SAMPLE_EXPIRES }),
  },
  {
    name: "invitation",
    describe: "Invitation to the team",
    compose: () =>
      composeInvitation({
        agency: SAMPLE_AGENCY,
        url: SAMPLE_URL,
        expires: SAMPLE_EXPIRES,
        invitedBy: "Olga Owner",
        role: "ADMIN",
      }),
  },
  ...(["CONNECT", "RECONNECT", "CHANGE_NUMBER"] as const).flatMap((purpose) =>
    (["en", "ar"] as const).map((locale) => ({
      name: `onboarding-${purpose.toLowerCase().replace("_", "-")}-${locale}`,
      describe: `Onboarding link, ${purpose.toLowerCase().replace("_", " ")} (${locale === "ar" ? "Arabic, right to left" : "English"})`,
      compose: () =>
        composeOnboarding({
          agency: SAMPLE_AGENCY,
          clientName: "Bakery Lumen",
          contactName: "Ana",
          url: SAMPLE_URL,
          expires: SAMPLE_EXPIRES,
          purpose,
          locale,
        }),
    })),
  ),
  {
    name: "connected",
    describe: "Client connected (to the admins who sent the link)",
    compose: () =>
      composeConnected({
        agency: SAMPLE_AGENCY,
        clientName: "Bakery Lumen",
        numbers: ["+44 7700 900123"],
        clientUrl: SAMPLE_CLIENT_URL,
      }),
  },
  {
    name: "new-link-request",
    describe: "Client asks for a new link",
    compose: () =>
      composeNewLinkRequest({ agency: SAMPLE_AGENCY, clientName: "Bakery Lumen", clientUrl: SAMPLE_CLIENT_URL }),
  },
  {
    name: "plugin-hold",
    describe: "Plugin request on hold",
    compose: () =>
      composePluginHold({
        agency: SAMPLE_AGENCY,
        clientName: "Bakery Lumen",
        reference: "po_client_sample",
        reason: "ChakraHQ did not answer in time.",
        clientUrl: SAMPLE_CLIENT_URL,
      }),
  },
  {
    name: "signup-unconfirmed",
    describe: "Signup could not be confirmed",
    compose: () =>
      composeSignupUnconfirmed({
        agency: SAMPLE_AGENCY,
        clientName: "Bakery Lumen",
        waitMinutes: 10,
        clientUrl: SAMPLE_CLIENT_URL,
      }),
  },
  {
    name: "alert",
    describe: "Health alert (a change in a client's WhatsApp)",
    compose: () =>
      composeAlert({
        agency: SAMPLE_AGENCY,
        clientName: "Bakery Lumen",
        title: "+44 7700 900123 is no longer connected",
        meaning: "The client cannot send or receive WhatsApp messages on this number until it is reconnected.",
        clientUrl: SAMPLE_CLIENT_URL,
      }),
  },
  ...(["unopened", "unfinished"] as const).flatMap((kind) =>
    (["en", "ar"] as const).map((locale) => ({
      name: `reminder-${kind}-${locale}`,
      describe: `Reminder to the client, link ${kind === "unopened" ? "not opened" : "opened but not finished"} (${locale === "ar" ? "Arabic, right to left" : "English"})`,
      compose: () =>
        composeReminder({
          agency: SAMPLE_AGENCY,
          kind,
          clientName: "Bakery Lumen",
          contactName: "Ana",
          url: SAMPLE_URL,
          helpUrl: `${SAMPLE_URL}#help`,
          expires: SAMPLE_EXPIRES,
          locale,
        }),
    })),
  ),
  {
    name: "expiry-warning",
    describe: "A link expires tomorrow, unused (to the admin who sent it)",
    compose: () =>
      composeExpiryWarning({
        agency: SAMPLE_AGENCY,
        clientName: "Bakery Lumen",
        expires: SAMPLE_EXPIRES,
        opened: true,
        clientUrl: SAMPLE_CLIENT_URL,
      }),
  },
  {
    name: "help-request",
    describe: "The client asks for help from their page",
    compose: () =>
      composeHelpRequest({
        agency: SAMPLE_AGENCY,
        clientName: "Bakery Lumen",
        contactEmail: "ana@bakery.example",
        message: "The Facebook window closes before I can pick my business.",
        clientUrl: SAMPLE_CLIENT_URL,
      }),
  },
  {
    name: "weekly-digest",
    describe: "Weekly digest (to each member who wants it)",
    compose: () =>
      composeWeeklyDigest({
        agency: SAMPLE_AGENCY,
        digest: {
          connected: [{ name: "Bakery Lumen", url: SAMPLE_CLIENT_URL }],
          unfinished: [{ name: "Harbor Dental", url: SAMPLE_CLIENT_URL }],
          expiring: [{ name: "Patient Pharmacy", url: SAMPLE_CLIENT_URL, expires: SAMPLE_EXPIRES }],
          attention: [{ name: "Northwind Traders", url: SAMPLE_CLIENT_URL, numbers: 2 }],
          attentionNumbers: 2,
        },
        overviewUrl: "https://partners.example/overview",
        preferencesUrl: "https://partners.example/team#your-emails",
      }),
  },
];

/** One preview, rendered; null for an unknown name. */
export async function renderPreview(name: string): Promise<RenderedEmail | null> {
  const preview = EMAIL_PREVIEWS.find((p) => p.name === name);
  return preview ? render(preview.compose()) : null;
}
