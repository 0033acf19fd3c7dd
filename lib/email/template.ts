import { translator } from "../i18n/catalogs";
import { localeDirection, type Locale } from "../i18n/locales";

/** Everything an email shows; every string is text, escaped on the way into HTML. */
export type EmailContent = {
  /** The reader's language (an end client's); the agency's emails are English. */
  locale?: Locale;
  agency: { name: string; brandColor: string };
  subject: string;
  /** The first line mail apps preview. */
  preheader: string;
  heading: string;
  paragraphs: string[];
  /** Lists under the paragraphs (the weekly digest's), each line linked when it has a url. */
  sections?: { heading: string; lines: { text: string; url?: string }[] }[];
  button: { label: string; url: string };
  /** Small print under the button, e.g. when the link expires. */
  footnotes: string[];
  /** A second, smaller way on (a reminder's "I need help"), under the button. */
  aside?: { text: string; link: { label: string; url: string } };
};

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

/** A safe CSS colour: the brand colour if it is a hex colour, else the default teal. */
const safeColor = (color: string) => (/^#[0-9a-f]{3,8}$/i.test(color) ? color : "#0f766e");

/** Renders an email's HTML and plain-text parts from the same content. */
export function renderEmail(content: EmailContent): { subject: string; html: string; text: string } {
  const color = safeColor(content.agency.brandColor);
  const locale = content.locale ?? "en";
  const dir = localeDirection(locale);
  const t = translator(locale, "email");
  const sentBy = t("sentBy", { agency: content.agency.name });
  const p = (text: string) =>
    `<p style="margin:0 0 16px;font-size:16px;line-height:1.5;color:#334155">${escapeHtml(text)}</p>`;
  const small = (text: string) =>
    `<p style="margin:0 0 8px;font-size:13px;line-height:1.5;color:#64748b">${escapeHtml(text)}</p>`;
  const url = escapeHtml(content.button.url);
  const sections = (content.sections ?? [])
    .map(
      (section) =>
        `<h2 style="margin:20px 0 8px;font-size:16px;line-height:1.4;color:#0f172a">${escapeHtml(section.heading)}</h2>\n` +
        `<ul style="margin:0 0 16px;padding-inline-start:20px;font-size:15px;line-height:1.5;color:#334155">` +
        section.lines
          .map((line) =>
            line.url
              ? `<li><a href="${escapeHtml(line.url)}" style="color:${color}">${escapeHtml(line.text)}</a></li>`
              : `<li>${escapeHtml(line.text)}</li>`,
          )
          .join("") +
        `</ul>`,
    )
    .join("\n");
  const aside = content.aside
    ? `<p style="margin:0 0 16px;font-size:15px;line-height:1.5;color:#334155">${escapeHtml(content.aside.text)} <a href="${escapeHtml(content.aside.link.url)}" style="color:${color};font-weight:600">${escapeHtml(content.aside.link.label)}</a></p>`
    : "";
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(content.subject)}</title></head>
<body dir="${dir}" style="margin:0;padding:0;background:#f1f5f9;font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif">
<span style="display:none;max-height:0;overflow:hidden">${escapeHtml(content.preheader)}</span>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" style="background:#f1f5f9;padding:24px 12px"><tr><td align="center">
<table role="presentation" dir="${dir}" width="100%" cellpadding="0" cellspacing="0" style="max-width:560px;background:#ffffff;border-radius:12px;overflow:hidden">
<tr><td style="background:${color};padding:16px 24px;color:#ffffff;font-size:15px;font-weight:600">${escapeHtml(content.agency.name)}</td></tr>
<tr><td style="padding:28px 24px 8px">
<h1 style="margin:0 0 16px;font-size:22px;line-height:1.3;color:#0f172a">${escapeHtml(content.heading)}</h1>
${content.paragraphs.map(p).join("\n")}
${sections}
<p style="margin:24px 0"><a href="${url}" style="display:inline-block;background:${color};color:#ffffff;text-decoration:none;font-weight:600;font-size:16px;padding:12px 22px;border-radius:8px">${escapeHtml(content.button.label)}</a></p>
${small(t("buttonFallback"))}
<p dir="ltr" style="margin:0 0 16px;font-size:13px;line-height:1.5;word-break:break-all"><a href="${url}" style="color:${color}">${url}</a></p>
${aside}
${content.footnotes.map(small).join("\n")}
</td></tr>
<tr><td style="padding:8px 24px 24px">${small(sentBy)}</td></tr>
</table></td></tr></table></body></html>`;
  const text = [
    content.agency.name,
    "",
    content.heading,
    "",
    ...content.paragraphs.flatMap((line) => [line, ""]),
    ...(content.sections ?? []).flatMap((section) => [
      section.heading,
      ...section.lines.map((line) => (line.url ? `- ${line.text}: ${line.url}` : `- ${line.text}`)),
      "",
    ]),
    `${content.button.label}: ${content.button.url}`,
    "",
    ...(content.aside ? [`${content.aside.text} ${content.aside.link.label}: ${content.aside.link.url}`, ""] : []),
    ...content.footnotes,
    "",
    sentBy,
  ].join("\n");
  return { subject: content.subject, html, text };
}
