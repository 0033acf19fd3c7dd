import type { AgencyBranding } from "../data/agency";
import { ROLE_INFO, type Role } from "../auth/roles";
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
