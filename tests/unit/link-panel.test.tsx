import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LinkPanel, type LinkView } from "@/components/links/link-panel";
import { REPLACED_DETAIL } from "@/lib/onboarding/rules";

const at = (minute: number) => new Date(Date.UTC(2026, 10, 23, 10, minute));
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

function link(overrides: Partial<LinkView>): LinkView {
  return {
    id: "l1",
    purpose: "CONNECT",
    state: "active",
    createdAt: at(0),
    expiresAt: at(60 * 24 * 7),
    sentTo: null,
    createdBy: { email: "ann@agency.test" },
    events: [{ type: "CREATED", detail: null, createdAt: at(0) }],
    emails: [],
    ...overrides,
  };
}

const panel = (links: LinkView[]) =>
  renderToStaticMarkup(
    <LinkPanel
      clientId="c1"
      contactEmail="owner@client.test"
      links={links}
      canEdit
      archived={false}
      purposes={["CONNECT"]}
      suggestedPurpose="CONNECT"
    />,
  );

/** The progress list's steps, in order, as the admin reads them. */
const steps = (html: string) =>
  [...html.matchAll(/<li class="rounded-full[^"]*"[^>]*>(.*?)<\/li>/g)].map((m) => text(m[1]!).trim());

describe("a client's link card", () => {
  it("starts a copied link's progress at Created and offers to email it, not to send it again", () => {
    const html = panel([
      link({
        events: [
          { type: "CREATED", detail: null, createdAt: at(0) },
          { type: "OPENED", detail: null, createdAt: at(5) },
        ],
      }),
    ]);
    expect(steps(html)).toEqual([
      "✓ Created : 23 Nov 2026, 10:00 UTC",
      "✓ Opened : 23 Nov 2026, 10:05 UTC",
      "Started : not yet",
      "Connected : not yet",
    ]);
    expect(text(html)).toContain("Email it to");
    expect(text(html)).toContain("the copied one stops working");
    expect(text(html)).not.toContain("Send again");
  });

  it("starts an emailed link's progress at Sent and offers to send it again", () => {
    const html = panel([
      link({
        sentTo: "owner@client.test",
        events: [
          { type: "CREATED", detail: null, createdAt: at(0) },
          { type: "SENT", detail: "owner@client.test", createdAt: at(0) },
        ],
      }),
    ]);
    expect(steps(html)[0]).toBe("✓ Sent : 23 Nov 2026, 10:00 UTC");
    expect(text(html)).toContain("Send again to");
    expect(text(html)).toContain("the current one stops working");
  });

  it("keeps a copied link's start at Created when it was emailed only after the client opened it", () => {
    const events = [
      { type: "CREATED", detail: null, createdAt: at(0) },
      { type: "OPENED", detail: null, createdAt: at(5) },
      { type: "SENT", detail: "owner@client.test", createdAt: at(9) },
    ];
    expect(steps(panel([link({ sentTo: "owner@client.test", events })]))[0]).toBe("✓ Created : 23 Nov 2026, 10:00 UTC");
  });

  it("shows a failure before the connection as history, and one after it as a problem", () => {
    const events = [
      { type: "CREATED", detail: null, createdAt: at(0) },
      { type: "FAILED", detail: "popup closed", createdAt: at(3) },
      { type: "CONNECTED", detail: null, createdAt: at(8) },
    ];
    const before = panel([link({ state: "connected", events })]);
    expect(text(before)).toContain("Before it connected: failed 23 Nov 2026, 10:03 UTC: popup closed");
    expect(before).not.toContain("text-red-800");
    const after = panel([
      link({
        state: "active",
        events: [...events.slice(0, 1), { type: "FAILED", detail: "popup closed", createdAt: at(3) }],
      }),
    ]);
    expect(text(after)).toContain("Failed 23 Nov 2026, 10:03 UTC: popup closed");
    expect(after).toContain("text-red-800");
  });

  it("names a link a newer one replaced Replaced, and one an admin revoked Revoked", () => {
    const replaced = link({
      id: "old",
      state: "revoked",
      events: [{ type: "REVOKED", detail: REPLACED_DETAIL, createdAt: at(9) }],
    });
    const revoked = link({
      id: "new",
      state: "revoked",
      events: [{ type: "REVOKED", detail: "by ana@agency.example", createdAt: at(12) }],
    });
    const html = panel([revoked, replaced]);
    // When, and who revoked it (from before who was kept: when alone).
    expect(text(html)).toContain("; revoked 23 Nov 2026, 10:12 UTC by ana@agency.example");
    expect(text(html)).toContain("; replaced 23 Nov 2026, 10:09 UTC");
    expect(
      text(panel([link({ state: "revoked", events: [{ type: "REVOKED", detail: null, createdAt: at(5) }] })])),
    ).toContain("; revoked 23 Nov 2026, 10:05 UTC");
    const badges = [
      ...html.matchAll(/<span class="rounded-full px-2 py-0.5 text-xs font-medium[^"]*">([^<]*)<\/span>/g),
    ].map((m) => m[1]);
    expect(badges).toEqual(["Revoked", "Replaced"]);
  });
});
