import { Body, Button, Container, Head, Heading, Img, Link, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { translator } from "../i18n/catalogs";
import { localeDirection, type Locale } from "../i18n/locales";
import { readableOnWhite, textOn } from "../brand-color";

/** What every email shows of the agency: its name, colour and (when set) logo. */
export type EmailBranding = { name: string; brandColor: string; logoUrl?: string | null };

/** A safe CSS colour: the brand colour if it is a hex colour, else the default teal. */
export const safeColor = (color: string) => (/^#[0-9a-f]{3,8}$/i.test(color) ? color : "#0f766e");

const paragraph = { margin: "0 0 16px", fontSize: "16px", lineHeight: "1.5", color: "#334155" } as const;
const small = { margin: "0 0 8px", fontSize: "13px", lineHeight: "1.5", color: "#64748b" } as const;

/** A paragraph of an email's body. */
export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={paragraph}>{children}</Text>;
}

/** Small print, e.g. when a link expires. */
export function Footnote({ children }: { children: ReactNode }) {
  return <Text style={small}>{children}</Text>;
}

/**
 * The one shared layout: the agency's branded header, a heading, the body, one button (with
 * its address spelled out for mail apps that hide buttons), small print, and who sent it.
 * The plain-text part (lib/email/render.ts) comes from the same tree: the button becomes
 * "label: address", and what is marked data-skip-in-text stays out of it.
 */
export function EmailLayout({
  agency,
  locale = "en",
  title,
  preheader,
  heading,
  button,
  footnotes = [],
  aside,
  children,
}: {
  agency: EmailBranding;
  /** The reader's language (an end client's); the agency's emails are English. */
  locale?: Locale;
  /** The document's title: the subject. */
  title: string;
  /** The first line mail apps preview. */
  preheader: string;
  heading: string;
  button: { label: string; url: string };
  footnotes?: string[];
  /** A second, smaller way on under the button (a reminder's "I need help"). */
  aside?: { text: string; link: { label: string; url: string } };
  children: ReactNode;
}) {
  const color = safeColor(agency.brandColor);
  // On the colour: white or dark, whichever reads; the colour as text on white only where it reads.
  const onColor = textOn(color);
  const linkColor = readableOnWhite(color);
  const dir = localeDirection(locale);
  const t = translator(locale, "email");
  return (
    // A plain <html>: react-email's <Html> writes dir before lang, and nothing else is needed.
    <html lang={locale} dir={dir}>
      <Head>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
      </Head>
      <Preview>{preheader}</Preview>
      <Body
        dir={dir}
        style={{
          margin: 0,
          padding: "24px 12px",
          background: "#f1f5f9",
          fontFamily: "-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif",
        }}
      >
        <Container
          dir={dir}
          style={{ maxWidth: "560px", background: "#ffffff", borderRadius: "12px", overflow: "hidden" }}
        >
          <Section style={{ background: color, padding: "16px 24px" }}>
            {agency.logoUrl ? (
              <Img
                src={agency.logoUrl}
                alt=""
                height="32"
                style={{ display: "inline-block", height: "32px", width: "auto", verticalAlign: "middle" }}
              />
            ) : null}
            <Text
              style={{
                display: "inline-block",
                margin: agency.logoUrl ? "0 12px" : 0,
                verticalAlign: "middle",
                color: onColor,
                fontSize: "15px",
                lineHeight: "1.4",
                fontWeight: 600,
              }}
            >
              {agency.name}
            </Text>
          </Section>
          <Section style={{ padding: "28px 24px 8px" }}>
            <Heading as="h1" style={{ margin: "0 0 16px", fontSize: "22px", lineHeight: "1.3", color: "#0f172a" }}>
              {heading}
            </Heading>
            {children}
            <Section style={{ margin: "24px 0" }}>
              <Button
                href={button.url}
                className="call-to-action"
                style={{
                  background: color,
                  color: onColor,
                  textDecoration: "none",
                  fontWeight: 600,
                  fontSize: "16px",
                  padding: "12px 22px",
                  borderRadius: "8px",
                }}
              >
                {button.label}
              </Button>
            </Section>
            <Section data-skip-in-text="true">
              <Footnote>{t("buttonFallback")}</Footnote>
              <Text dir="ltr" style={{ ...small, margin: "0 0 16px", wordBreak: "break-all" }}>
                <Link href={button.url} style={{ color: linkColor }}>
                  {button.url}
                </Link>
              </Text>
            </Section>
            {aside ? (
              <Text style={paragraph}>
                {`${aside.text} `}
                <Link href={aside.link.url} className="spelled-link" style={{ color: linkColor, fontWeight: 600 }}>
                  {aside.link.label}
                </Link>
              </Text>
            ) : null}
            {footnotes.map((note) => (
              <Footnote key={note}>{note}</Footnote>
            ))}
          </Section>
          <Section style={{ padding: "8px 24px 24px" }}>
            <Footnote>{t("sentBy", { agency: agency.name })}</Footnote>
          </Section>
        </Container>
      </Body>
    </html>
  );
}
