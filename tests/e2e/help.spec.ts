import { expect, test } from "../support/e2e-test";
import { hashToken } from "../../lib/links/token";
import { createMember, signIn, testDb, uniqueEmail, waitForEmail } from "../support/e2e";

/* "I need help" on the end client's page: the message reaches the admin who sent the link, and the link's history. */

async function linkedClient(label: string, language: string | null = null) {
  const admin = await createMember("ADMIN");
  const ref = `${label}-${Date.now().toString(36)}`;
  const client = await testDb().client.create({
    data: {
      name: `${label} Ltd`,
      contactName: "Casey",
      contactEmail: uniqueEmail(label),
      clientReferenceId: ref,
      searchText: ref,
      language,
    },
  });
  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  const link = await testDb().onboardingLink.create({
    data: {
      clientId: client.id,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 7 * 86_400_000),
      createdById: admin.id,
    },
  });
  return { admin, client, link, url: `/onboard/${token}` };
}

test("the end client asks for help from the page; the admin who sent the link gets it @phone", async ({ page }) => {
  const { admin, client, link, url } = await linkedClient("help");
  // The reminder emails link straight to the form.
  await page.goto(`${url}#help`);
  const form = page.getByRole("region", { name: "Need help?" });
  await expect(form).toBeVisible();
  await expect(form).toBeInViewport();

  // Nothing typed: said so, nothing sent.
  await form.getByRole("button", { name: "Send to Your agency" }).click();
  await expect(form.getByText("Write a few words about what you need.")).toBeVisible();
  await expect(form.getByLabel("Your message")).toHaveAttribute("aria-invalid", "true");

  await form.getByLabel("Your message").fill("Meta asks me for a business portfolio. Which one should I pick?");
  await form.getByRole("button", { name: "Send to Your agency" }).click();
  await expect(form.getByRole("status")).toHaveText("Your message was sent. Your agency will get back to you.");

  const email = await waitForEmail(admin.email);
  expect(email.subject).toBe(`${client.name} needs help connecting WhatsApp`);
  expect(email.text).toContain("“Meta asks me for a business portfolio. Which one should I pick?”");
  expect(email.text).toContain(`/clients/${client.id}`);
  const events = await testDb().onboardingLinkEvent.findMany({ where: { linkId: link.id, type: "HELP_REQUESTED" } });
  expect(events.map((e) => e.detail)).toEqual(["Meta asks me for a business portfolio. Which one should I pick?"]);

  // The admin answers by phone, and says so on the client's page: the dashboard stops listing it.
  // (tests/integration/home.test.ts checks the dashboard's list itself.)
  await signIn(page, admin.email);
  await page.goto(`/clients/${client.id}#links`);
  const request = page.getByRole("status").filter({ hasText: "An open request from the client" });
  await expect(request).toContainText(
    "Asked for help: “Meta asks me for a business portfolio. Which one should I pick?”",
  );
  await request.getByRole("button", { name: "Mark answered" }).click();
  await expect(page.getByText("Marked answered: the dashboard no longer lists this request.")).toBeVisible();
  await expect(request).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: client.name })).toBeVisible();
  await expect(request).toHaveCount(0);
  expect(await testDb().auditLog.count({ where: { clientId: client.id, action: "client.request_answered" } })).toBe(1);
});

test("the help form speaks the client's language, right to left in Arabic @phone", async ({ page }) => {
  const { url } = await linkedClient("help-ar", "ar");
  await page.goto(url);
  const form = page.getByRole("region", { name: "هل تحتاج إلى مساعدة؟" });
  await expect(form).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
  await form.getByLabel("رسالتك").fill("لا أستطيع تسجيل الدخول إلى Facebook");
  await form.getByRole("button", { name: "أرسل إلى Your agency" }).click();
  await expect(form.getByRole("status")).toHaveText("أُرسلت رسالتك. سترد عليك Your agency.");
});
