import { describe, expect, it } from "vitest";
import { DEFAULT_AGENCY_NAME } from "@/lib/agency-name";
import { EMAIL_PREVIEWS, invitationEmail, renderPreview, signInEmail } from "@/lib/email/messages";
import { possessive } from "@/lib/format";

const agency = { name: `Ana's <b>Agency</b> "&" Co`, brandColor: "#123456", logoUrl: null };
const url = "https://app.example/api/auth/callback/nodemailer?token=abc&email=a%40b.c";
const expires = new Date("2026-11-22T10:00:00Z");

describe("emails", () => {
  it("have an HTML and a plain-text part, both with the agency's name and the link", async () => {
    const email = await signInEmail({ agency, url, expires });
    expect(email.subject).toContain(agency.name);
    expect(email.text).toContain(agency.name);
    expect(email.text).toContain(url);
    expect(email.text).toContain("22 Nov 2026, 10:00 UTC");
    // React escapes ' as &#x27;.
    expect(email.html).toContain("Ana&#x27;s &lt;b&gt;Agency&lt;/b&gt; &quot;&amp;&quot; Co");
    expect(email.html).toContain(`href="${url.replace(/&/g, "&amp;")}"`);
    expect(email.html).not.toContain("<b>Agency</b>");
    expect(email.html).toContain("#123456");
  });

  it("never put a brand colour that is not a colour into CSS", async () => {
    const email = await signInEmail({ agency: { ...agency, brandColor: "red;background:url(x)" }, url, expires });
    expect(email.html).not.toContain("url(x)");
    expect(email.html).toContain("#0f766e");
  });

  it("write on a light brand colour in dark ink, and keep a light colour off white backgrounds", async () => {
    const dark = await signInEmail({ agency, url, expires });
    expect(dark.html).toMatch(/background:#123456;color:#ffffff/);
    const light = await signInEmail({ agency: { ...agency, brandColor: "#fde047" }, url, expires });
    expect(light.html).toMatch(/background:#fde047;color:#0f172a/);
    expect(light.html).not.toMatch(/background:#fde047;color:#ffffff/);
    // The link under the button is on white: the colour only where it reads.
    expect(light.html).not.toMatch(/<a[^>]*style="color:#fde047/);
  });

  it("leave the placeholder agency name out of what they say, and write a name's possessive as names take it", async () => {
    const placeholder = { ...agency, name: DEFAULT_AGENCY_NAME };
    expect((await signInEmail({ agency: placeholder, url, expires })).subject).toBe("Sign in to Partner Onboarding");
    const invitation = await invitationEmail({ agency: placeholder, url, expires, invitedBy: "Olga", role: "ADMIN" });
    expect(invitation.subject).toBe("Olga invited you to Partner Onboarding");
    expect(invitation.text).toContain("the team that onboards the agency's clients onto WhatsApp");
    const traders = await invitationEmail({
      agency: { ...agency, name: "Acme Traders" },
      url,
      expires,
      invitedBy: "Olga",
      role: "ADMIN",
    });
    expect(traders.text).toContain("onboards Acme Traders' clients");
    // The role's words keep their capitals past the first ("WhatsApp", not "whatsapp").
    expect(traders.text).toContain("as admin: clients, onboarding links and WhatsApp settings.");
    expect(possessive("Acme")).toBe("Acme's");
    expect(possessive("BUSINESS")).toBe("BUSINESS'");
  });

  it("say who invited whom, with which role", async () => {
    const email = await invitationEmail({ agency, url, expires, invitedBy: "Olga <olga@x.y>", role: "VIEWER" });
    expect(email.subject).toBe(`Olga <olga@x.y> invited you to ${agency.name} Partner Onboarding`);
    expect(email.text).toContain("as viewer: sees everything, changes nothing.");
    expect(email.html).toContain("Olga &lt;olga@x.y&gt;");
    expect(email.text).toContain(`Accept and sign in: ${url}`);
  });

  it("show the agency's logo when it has one, and keep images and markup out of the plain text", async () => {
    const logoUrl = "https://cdn.example/logo.png";
    const email = await signInEmail({ agency: { ...agency, logoUrl }, url, expires });
    expect(email.html).toContain(`src="${logoUrl}"`);
    expect((await signInEmail({ agency, url, expires })).html).not.toContain("<img");
    expect(email.text).not.toMatch(/<(p|a|table|img)\b|logo\.png|&amp;|&#/i);
    expect(email.text).toMatch(/^Ana's <b>Agency<\/b> "&" Co\n\nSign in\n/);
    // The button is "label: address"; the preheader and the HTML's fallback copy of the address stay out.
    expect(email.text).toContain(`Sign in: ${url}`);
    expect(email.text.split(url)).toHaveLength(2);
    expect(email.text).not.toContain("Your sign-in link, valid once.");
  });

  it("give every preview in the dev outbox both parts", async () => {
    for (const preview of EMAIL_PREVIEWS) {
      const email = await renderPreview(preview.name);
      expect(email?.subject, preview.name).toBeTruthy();
      expect(email?.html, preview.name).toContain("<html");
      expect(email?.text.length, preview.name).toBeGreaterThan(100);
    }
    expect(await renderPreview("no-such-email")).toBeNull();
  });
});
