import { render, toPlainText } from "@react-email/components";
import type { ReactElement } from "react";

/** An email ready to send: the subject, its HTML and its plain-text part. */
export type RenderedEmail = { subject: string; html: string; text: string };

type TextNode = { children: unknown[]; attribs: Record<string, string> };
type TextBuilder = {
  openBlock(options: { leadingLineBreaks: number }): void;
  addInline(text: string): void;
  closeBlock(options: { trailingLineBreaks: number }): void;
};

/**
 * The plain-text part: react-email's conversion (images and data-skip-in-text left out), with
 * the layout's button written "label: address" so the address stands on its own, and a list's
 * links of class "spelled-link" "text: address".
 */
const TEXT_OPTIONS = {
  selectors: [
    { selector: "a.call-to-action", format: "callToAction" },
    { selector: "a.spelled-link", format: "spelledLink" },
    // As written, not upper-cased: names and translations stay the same in both parts.
    { selector: "h1", options: { uppercase: false, leadingLineBreaks: 2 } },
    { selector: "h2", options: { uppercase: false, leadingLineBreaks: 2 } },
  ],
  formatters: {
    callToAction(elem: TextNode, walk: (nodes: unknown[], builder: TextBuilder) => void, builder: TextBuilder) {
      builder.openBlock({ leadingLineBreaks: 2 });
      walk(elem.children, builder);
      builder.addInline(`: ${elem.attribs.href ?? ""}`);
      builder.closeBlock({ trailingLineBreaks: 2 });
    },
    // A link spelled out in the text part, "text: address" (a digest line, a reminder's help link).
    spelledLink(elem: TextNode, walk: (nodes: unknown[], builder: TextBuilder) => void, builder: TextBuilder) {
      walk(elem.children, builder);
      builder.addInline(`: ${elem.attribs.href ?? ""}`);
    },
  },
};

/** Renders a react-email tree into both parts, from the same markup. */
export async function renderEmail(subject: string, element: ReactElement): Promise<RenderedEmail> {
  const html = await render(element);
  return { subject, html, text: toPlainText(html, TEXT_OPTIONS).trim() };
}
