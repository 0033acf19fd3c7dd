import type { Page } from "@playwright/test";
import { expect, test } from "../support/e2e-test";
import { hashToken } from "../../lib/links/token";
import { signedInState, testDb, uniqueEmail, waitForEmail } from "../support/e2e";
import { signUpThroughFakeSdk } from "../support/e2e-fake";

/* The end client's side in their language: chosen by the admin, by the browser, or on the page. */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

async function newClient(label: string, language: string | null = null) {
  const ref = `${label}-${Date.now().toString(36)}`;
  return testDb().client.create({
    data: {
      name: `${label} Ltd`,
      contactName: "Casey",
      contactEmail: uniqueEmail(label),
      clientReferenceId: ref,
      searchText: ref,
      language,
    },
  });
}

async function linkFor(clientId: string, { expiresInMs = 86_400_000 } = {}) {
  const token = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
  await testDb().onboardingLink.create({
    data: { clientId, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + expiresInMs) },
  });
  return `/onboard/${token}`;
}

const linkIn = (text: string) => text.match(/https?:\/\/\S+\/onboard\/[A-Za-z0-9_-]+/)?.[0] ?? "";

async function documentLanguage(page: Page) {
  return page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
}

/** The page never scrolls sideways at phone width. */
async function expectNoHorizontalScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(width);
}

/** The steps in order top to bottom, each number on the reading side of its text. */
async function expectSteps(page: Page, titles: string[], dir: "ltr" | "rtl") {
  const steps = page.getByRole("list").filter({ hasText: titles[0] }).getByRole("listitem");
  await expect(steps).toHaveCount(titles.length);
  let previousTop = -1;
  for (const [index, title] of titles.entries()) {
    const step = steps.nth(index);
    await expect(step).toContainText(title);
    const box = (await step.boundingBox())!;
    expect(box.y).toBeGreaterThan(previousTop);
    previousTop = box.y;
    const number = (await step.locator("span[aria-hidden]").boundingBox())!;
    const text = (await step.getByText(title).boundingBox())!;
    if (dir === "rtl") expect(number.x).toBeGreaterThan(text.x + text.width - 1);
    else expect(number.x + number.width).toBeLessThan(text.x + 1);
  }
}

test("Hindi chosen by the admin reaches the email and the page; the whole journey at phone size", async ({
  browser,
}) => {
  const client = await newClient("hindi");

  const adminContext = await browser.newContext({ storageState: signedInState("ADMIN") });
  const adminPage = await adminContext.newPage();
  await adminPage.goto(`/clients/${client.id}`);
  const contact = adminPage.getByRole("region", { name: "Contact" });
  await expect(contact).toContainText("Their browser's language (the agency's default)");
  await adminPage.goto(`/clients/${client.id}/edit`);
  await adminPage.getByLabel("Client's language").selectOption("hi");
  await adminPage.getByRole("button", { name: "Save changes" }).click();
  await expect(adminPage.getByText("Changes saved.")).toBeVisible();
  // The client's page says it, without opening the form.
  await expect(contact).toContainText(/Language\s*हिन्दी/);
  await adminPage.getByRole("button", { name: "Create and email link" }).click();
  await expect(
    adminPage.getByText(
      `Link created; the email to ${client.contactEmail} is queued (its delivery shows in the link's history).`,
    ),
  ).toBeVisible();
  await adminContext.close();

  const email = await waitForEmail(client.contactEmail);
  expect(email.subject).toBe(`Your agency के साथ ${client.name} को WhatsApp से जोड़ें`);
  expect(email.text).toContain("नमस्ते Casey,");
  expect(email.html).toContain('<html lang="hi" dir="ltr">');
  expect(email.html).toContain("WhatsApp जोड़ना शुरू करें");

  // The client's browser asks for English: the admin's choice wins.
  const context = await browser.newContext({ ...PHONE, locale: "en-US" });
  const page = await context.newPage();
  await page.goto(linkIn(email.text));
  expect(await documentLanguage(page)).toEqual({ lang: "hi", dir: "ltr" });
  await expect(page.getByRole("heading", { level: 1, name: client.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "WhatsApp कनेक्ट करें" })).toBeVisible();
  await expectSteps(page, ["“WhatsApp कनेक्ट करें” दबाएँ", "Facebook से लॉग इन करें", "अपना फ़ोन नंबर चुनें", "हो गया"], "ltr");
  await expectNoHorizontalScroll(page);

  await signUpThroughFakeSdk(page, { button: "WhatsApp कनेक्ट करें" });
  await expect(page.getByRole("heading", { name: "WhatsApp कनेक्ट हो गया है" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("+44 7700 900123")).toBeVisible();
  await expect(page.getByText("मैसेज भेजने और पाने के लिए तैयार")).toBeVisible();
  await expectNoHorizontalScroll(page);
  expect(await documentLanguage(page)).toEqual({ lang: "hi", dir: "ltr" });
  await context.close();
});

test("Arabic from the browser's language: right to left, the whole journey at phone size", async ({ browser }) => {
  const client = await newClient("arabic");
  const url = await linkFor(client.id);
  const context = await browser.newContext({ ...PHONE, locale: "ar-EG" });
  const page = await context.newPage();
  await page.goto(url);
  expect(await documentLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });
  await expect(page.getByRole("heading", { level: 2, name: "ربط WhatsApp" })).toBeVisible();
  await expectSteps(page, ["اضغط «ربط WhatsApp»", "سجّل الدخول عبر Facebook", "اختر رقم هاتفك", "تم"], "rtl");
  // Mirrored: the agency's name starts at the right, the language switch sits at the left.
  const header = page.getByRole("banner");
  const name = (await header.getByText("Your agency").boundingBox())!;
  const select = (await header.getByRole("combobox", { name: "اللغة" }).boundingBox())!;
  expect(select.x).toBeLessThan(name.x);
  await expectNoHorizontalScroll(page);

  await signUpThroughFakeSdk(page, { button: "ربط WhatsApp" });
  await expect(page.getByRole("heading", { name: "تم ربط WhatsApp" })).toBeVisible({ timeout: 30_000 });
  // The number reads left to right inside the right-to-left page.
  const number = page.locator('bdi[dir="ltr"]', { hasText: "+44 7700 900123" });
  await expect(number).toBeVisible();
  expect(await number.evaluate((el) => getComputedStyle(el).direction)).toBe("ltr");
  await expect(page.getByText("جاهز لإرسال الرسائل واستقبالها")).toBeVisible();
  await expectNoHorizontalScroll(page);
  await context.close();
});

test("the language switch: kept for that link, and the expired page follows it too", async ({ browser }) => {
  const client = await newClient("switch");
  const url = await linkFor(client.id);
  const other = await linkFor((await newClient("switch-other")).id);
  const context = await browser.newContext({ locale: "en-GB" });
  const page = await context.newPage();
  await page.goto(url);
  expect(await documentLanguage(page)).toEqual({ lang: "en", dir: "ltr" });
  await expect(page.getByRole("button", { name: "Connect WhatsApp" })).toBeVisible();

  await page.getByRole("combobox", { name: "Language" }).selectOption("es");
  await expect(page.getByRole("button", { name: "Conectar WhatsApp" })).toBeVisible();
  expect(await documentLanguage(page)).toEqual({ lang: "es", dir: "ltr" });
  await expect(page).toHaveTitle("Conectar WhatsApp · Your agency");

  await page.reload();
  await expect(page.getByRole("button", { name: "Conectar WhatsApp" })).toBeVisible();
  // Another link in the same browser keeps its own language.
  await page.goto(other);
  await expect(page.getByRole("button", { name: "Connect WhatsApp" })).toBeVisible();
  // An address whose token is not ASCII once decoded: the invalid-link page, in the browser's language.
  await page.goto("/onboard/%C3%A9t%C3%A9");
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  expect(await documentLanguage(page)).toEqual({ lang: "en", dir: "ltr" });

  await page.goto(url);
  await page.getByRole("combobox", { name: "Idioma" }).selectOption("ar");
  await expect(page.getByRole("button", { name: "ربط WhatsApp" })).toBeVisible();
  expect(await documentLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });

  // Once the link has expired, its page still speaks the chosen language.
  await testDb().onboardingLink.updateMany({
    where: { clientId: client.id },
    data: { expiresAt: new Date(Date.now() - 1000) },
  });
  await page.reload();
  await expect(page.getByRole("heading", { name: "انتهت صلاحية هذا الرابط" })).toBeVisible();
  expect(await documentLanguage(page)).toEqual({ lang: "ar", dir: "rtl" });
  await page.getByRole("combobox", { name: "اللغة" }).selectOption("pt-BR");
  await expect(page.getByRole("heading", { name: "Este link expirou" })).toBeVisible();
  expect(await documentLanguage(page)).toEqual({ lang: "pt-BR", dir: "ltr" });
  await context.close();
});
