import { describe, expect, it } from "vitest";
import { invitationEmail, signInEmail } from "@/lib/email/messages";

const agency = { name: `Ana's <b>Agency</b> "&" Co`, brandColor: "#123456", logoUrl: null };
const url = "https://app.example/api/auth/callback/nodemailer?token=abc&email=a%40b.c";
const expires = new Date("2026-11-22T10:00:00Z");

describe("emails", () => {
  it("have an HTML and a plain-text part, both with the agency's name and the link", () => {
    const email = signInEmail({ agency, url, expires });
    expect(email.subject).toContain(agency.name);
    expect(email.text).toContain(agency.name);
    expect(email.text).toContain(url);
    expect(email.text).toContain("22 Nov 2026, 10:00 UTC");
    expect(email.html).toContain("Ana&#39;s &lt;b&gt;Agency&lt;/b&gt; &quot;&amp;&quot; Co");
    expect(email.html).toContain(`href="${url.replace(/&/g, "&amp;")}"`);
    expect(email.html).not.toContain("<b>Agency</b>");
    expect(email.html).toContain("#123456");
  });

  it("never put a brand colour that is not a colour into CSS", () => {
    const email = signInEmail({ agency: { ...agency, brandColor: "red;background:url(x)" }, url, expires });
    expect(email.html).not.toContain("url(x)");
    expect(email.html).toContain("#0f766e");
  });

  it("say who invited whom, with which role", () => {
    const email = invitationEmail({ agency, url, expires, invitedBy: "Olga <olga@x.y>", role: "VIEWER" });
    expect(email.subject).toBe(`Olga <olga@x.y> invited you to ${agency.name} Partner Onboarding`);
    expect(email.text).toContain("as viewer: sees everything, changes nothing.");
    expect(email.html).toContain("Olga &lt;olga@x.y&gt;");
    expect(email.text).toContain(`Accept and sign in: ${url}`);
  });
});
