import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import { startTestChakra } from "../support/fake-chakra";
import { pseudoCatalog } from "../support/pseudo-locale";
import { emailsSettled } from "../support/emails";

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { cookies } = await import("next/headers");
const { default: OnboardPage, generateMetadata } = await import("@/app/onboard/[token]/page");
const { getAgencyBranding } = await import("@/lib/data/agency");
const { createLink, revokeLink, rotateLink } = await import("@/lib/data/onboarding/links");
const { confirmConnection, resolveLink } = await import("@/lib/data/onboarding/signup");
const { storeSnapshot } = await import("@/lib/data/snapshots");
const { disconnectWaba } = await import("@/lib/data/whatsapp");
const { db } = await import("@/lib/db");
const { onboardingEmail } = await import("@/lib/email/messages");
const { CATALOGS, translator } = await import("@/lib/i18n/catalogs");
const { LANGUAGE_COOKIE, LOCALES, ONBOARD_TOKEN_HEADER } = await import("@/lib/i18n/locales");
const { documentLanguage } = await import("@/lib/i18n/request");
const { refusalMessage } = await import("@/lib/onboarding/messages");
const { clientPhoneStatus } = await import("@/lib/whatsapp/client-meaning");
const { PHONE_STATUS } = await import("@/lib/whatsapp/meaning");
const { createTestClient } = await import("../support/factories");
const { pageProps, renderPage } = await import("../support/render-page");
const { setRequestHeaders, signInAs, signOutOfJar } = await import("../support/request-context");
const { createLinkAction } = await import("@/lib/actions/links");

/*
 * Every state of the end client's page, their email and the refusals, rendered in every
 * language and in a pseudo-locale (English with every catalog letter accented): a missing
 * message fails (next-intl reports it), English text left in a translated page fails, and
 * any plain ASCII word in the pseudo-locale's page is text that did not come from a catalog.
 */

type Locale = (typeof LOCALES)[number];
let t: Awaited<ReturnType<typeof startTestChakra>>;
let admin: { id: string; email: string };
let agencyName = "";
/** Each state of the page: its link, and words only it shows (in English). */
const states: { name: string; token: string; clientName: string; shows: string }[] = [];
/** Values the page shows as they are: names, numbers, product names. */
const verbatim = new Set<string>(["WhatsApp", "Meta", "Facebook", "ChakraHQ", "UTC"]);

/** Visible text: `<time>` (dates are locale data, not catalog text) and the language list (each language's own name) dropped. */
const textOf = (html: string) =>
  html
    .replace(/<time[^>]*>.*?<\/time>/g, " ")
    .replace(/<option[^>]*>.*?<\/option>/g, " ")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

async function newClient(pluginId: string | null = null) {
  const client = await createTestClient("i18n", { pluginId });
  verbatim.add(client.name);
  return client;
}

async function newLink(purpose: "CONNECT" | "RECONNECT" | "CHANGE_NUMBER" = "CONNECT") {
  // Reconnecting or changing the number is for a client that has a plugin.
  const client = await newClient(purpose === "CONNECT" ? null : crypto.randomUUID());
  const created = await createLink({ actor: admin, clientId: client.id, validDays: 7, purpose });
  if (!created.ok) throw new Error("link not created");
  return { client, token: created.url.split("/onboard/")[1]!, linkId: created.link.id };
}

/** A client connected through its link, the fake's numbers given every status there is. */
async function connected({ removed = false, numbers = true } = {}) {
  await db.client.updateMany({ where: { pluginId: EXAMPLE_PLUGIN_ID }, data: { pluginId: null } });
  t.fake.store.reset();
  const { client, token } = await newLink();
  await db.client.update({ where: { id: client.id }, data: { pluginId: EXAMPLE_PLUGIN_ID } });
  const link = await resolveLink(token);
  if (link.state === "unknown") throw new Error("link not found");
  expect(await confirmConnection(link, { chakra: t.chakra, pollMs: 1, attempts: 1 })).toMatchObject({ ok: true });
  if (removed) {
    const result = await disconnectWaba(
      {
        actor: admin,
        clientId: client.id,
        wabaId: "973055385119463",
        confirmName: "Sandbox WhatsApp Business Account",
      },
      t.chakra,
    );
    expect(result).toMatchObject({ outcome: "done" });
    return { client, token };
  }
  const config = await t.chakra.getPluginConfig(EXAMPLE_PLUGIN_ID);
  const template = config.whatsappPhoneNumbers[0]!;
  const statuses: (string | null)[] = numbers ? [...Object.keys(PHONE_STATUS), "SOMETHING_NEW", null] : [];
  const phones = statuses.map((status, i) => {
    const phone = `+1 555 0100 ${String(i).padStart(2, "0")}`;
    verbatim.add(phone);
    return { ...template, id: `phone-${i}`, display_phone_number: phone, status: status ?? undefined };
  });
  for (const phone of phones) if (phone.verified_name) verbatim.add(phone.verified_name);
  verbatim.add("SOMETHING_NEW");
  await db.pluginConfigSnapshot.deleteMany({ where: { clientId: client.id } });
  await storeSnapshot({
    clientId: client.id,
    pluginId: EXAMPLE_PLUGIN_ID,
    config: { ...config, whatsappPhoneNumbers: phones },
  });
  return { client, token };
}

async function render(token: string, locale: Locale) {
  (await cookies()).set(LANGUAGE_COOKIE, locale);
  const html = renderPage(await OnboardPage(pageProps({ token })));
  const title = ((await generateMetadata(pageProps({ token }))).title as { absolute: string }).absolute;
  return { html, text: `${title} ${textOf(html)}` };
}

/** Every email and refusal sentence the client can get, in one language. */
async function messagesFor(locale: Locale) {
  const emails = await Promise.all(
    (["CONNECT", "RECONNECT", "CHANGE_NUMBER"] as const).map((purpose) =>
      onboardingEmail({
        agency: { name: agencyName, logoUrl: null, brandColor: "#0f766e" },
        clientName: "Client Email",
        contactName: "Ana",
        url: "https://app.example/onboard/abc",
        expires: new Date("2026-12-24T10:00:00Z"),
        purpose,
        locale,
      }),
    ),
  );
  // The expiry date is the language's own date format (locale data, not catalog text).
  verbatim.add(
    new Date("2026-12-24T10:00:00Z").toLocaleString(locale, {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "UTC",
    }),
  );
  const refusal = translator(locale, "refusal");
  const codes = Object.keys(CATALOGS.en.refusal) as (keyof typeof CATALOGS.en.refusal)[];
  const refusals = codes.flatMap((code) =>
    [1, 3].map((retryAfterMinutes) => refusalMessage({ ok: false, code, retryAfterMinutes }, agencyName, refusal)),
  );
  const statuses = [...Object.keys(PHONE_STATUS), "SOMETHING_NEW", null].map((status) => {
    const meaning = clientPhoneStatus(status, agencyName, locale);
    return `${meaning.label} ${meaning.meaning}`;
  });
  return { emails, text: [...emails.map((e) => `${e.subject} ${e.text}`), ...refusals, ...statuses].join(" ") };
}

/** The page's words that are neither names, numbers nor product names. */
const wordsLeft = (text: string) => {
  let rest = text;
  for (const value of [...verbatim].sort((a, b) => b.length - a.length)) rest = rest.split(value).join(" ");
  return rest.replace(/https?:\/\/\S+/g, " ");
};

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {}); // the outbox prints every email
  t = await startTestChakra();
  const user = await db.user.upsert({
    where: { email: "i18n-admin@test.example" },
    create: { email: "i18n-admin@test.example", role: "ADMIN" },
    update: { removedAt: null },
  });
  admin = { id: user.id, email: user.email };
  agencyName = (await getAgencyBranding()).name;
  verbatim.add(agencyName);
  verbatim.add("Ana");
  verbatim.add("Client Email");

  for (const purpose of ["CONNECT", "RECONNECT", "CHANGE_NUMBER"] as const) {
    const { token, client } = await newLink(purpose);
    states.push({
      name: `active ${purpose}`,
      token,
      clientName: client.name,
      shows: CATALOGS.en.purpose[purpose].intro.slice(-40),
    });
  }
  const expired = await newLink();
  await db.onboardingLink.update({ where: { id: expired.linkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  states.push({
    name: "expired",
    token: expired.token,
    clientName: expired.client.name,
    shows: "This link has expired",
  });
  const revoked = await newLink();
  await revokeLink({ actor: admin, linkId: revoked.linkId });
  states.push({
    name: "revoked",
    token: revoked.token,
    clientName: revoked.client.name,
    shows: "This link is no longer active",
  });
  const replaced = await newLink();
  const rotated = await rotateLink({ actor: admin, linkId: replaced.linkId });
  if (!rotated.ok) throw new Error(rotated.message);
  states.push({
    name: "replaced",
    token: replaced.token,
    clientName: replaced.client.name,
    shows: "This link was replaced by a newer one",
  });
  states.push({ name: "unknown", token: "A".repeat(43), clientName: "", shows: "This link is not valid" });
  // Each connected state last: the fake's example plugin belongs to one client at a time.
  const removed = await connected({ removed: true });
  states.push({
    name: "connection removed",
    token: removed.token,
    clientName: removed.client.name,
    shows: "This WhatsApp connection was removed",
  });
  const waiting = await connected({ numbers: false });
  states.push({
    name: "connected, number on its way",
    token: waiting.token,
    clientName: waiting.client.name,
    shows: "the number appears here",
  });
  const numbers = await connected();
  states.push({
    name: "connected with every status",
    token: numbers.token,
    clientName: numbers.client.name,
    shows: "Blocked by Meta this number can no longer use WhatsApp Business",
  });
});
afterEach(() => {
  signOutOfJar();
  setRequestHeaders({});
});
afterAll(async () => {
  vi.restoreAllMocks();
  await t.fake.close();
});

describe("every state of the client's page, every email and refusal", () => {
  const englishSentences = () =>
    JSON.stringify(CATALOGS.en)
      .match(/"[^"{}]{25,}"/g)!
      .map((s) => s.slice(1, -1).split(/[{<]/)[0]!)
      .filter((s) => s.length >= 25);

  for (const locale of LOCALES) {
    it(`is complete in ${locale}, with no English left in a translated one`, async () => {
      const errors = vi.spyOn(console, "error");
      const english = englishSentences();
      for (const state of states) {
        const { text } = await render(state.token, locale);
        expect(text.length, state.name).toBeGreaterThan(100);
        if (locale === "en") expect(text, state.name).toContain(state.shows);
        if (locale !== "en")
          for (const sentence of english) expect(text, `${state.name}: "${sentence}"`).not.toContain(sentence);
      }
      const { text, emails } = await messagesFor(locale);
      if (locale !== "en") for (const sentence of english) expect(text, sentence).not.toContain(sentence);
      for (const email of emails) expect(email.html).toContain(`<html lang="${locale}" dir="`);
      // next-intl reports a missing message or a bad argument on the console.
      expect(errors).not.toHaveBeenCalled();
      errors.mockRestore();
    });
  }

  it("shows no text outside the catalogs (a pseudo-locale run)", async () => {
    const real = CATALOGS.en;
    CATALOGS.en = pseudoCatalog(real);
    try {
      for (const state of states) {
        const { text } = await render(state.token, "en");
        expect(text, state.name).toMatch(/[åéíöü]/);
        expect(wordsLeft(text).match(/[A-Za-z]{2,}/g), `${state.name}: ${text}`).toBeNull();
      }
      const { text } = await messagesFor("en");
      expect(wordsLeft(text).match(/[A-Za-z]{2,}/g), text).toBeNull();
    } finally {
      CATALOGS.en = real;
    }
  });

  it("names the client on its own link's states only", async () => {
    for (const state of states) {
      const { text } = await render(state.token, "ar");
      if (["expired", "revoked", "replaced", "unknown"].includes(state.name)) expect(text).not.toContain("Client i18n");
      else expect(text, state.name).toContain(state.clientName);
    }
  });
});

describe("the language a page is shown in", () => {
  it("is the link's own choice, else the client's, else the agency's default, else the browser's", async () => {
    const { client, token } = await newLink();
    const heading = async () => (await render(token, "en")).text;
    // No cookie in these renders: clear the one render() sets first.
    const view = async () => {
      const html = renderPage(await OnboardPage(pageProps({ token })));
      return textOf(html);
    };
    await heading();
    signOutOfJar();
    setRequestHeaders({ "accept-language": "id-ID,id;q=0.9" });
    expect(await view()).toContain("Hubungkan WhatsApp");
    await db.agencySettings.upsert({
      where: { id: "agency" },
      create: { id: "agency", name: agencyName, defaultLanguage: "es" },
      update: { defaultLanguage: "es" },
    });
    try {
      expect(await view()).toContain("Conectar WhatsApp");
      await db.client.update({ where: { id: client.id }, data: { language: "hi" } });
      expect(await view()).toContain("WhatsApp कनेक्ट करें");
      (await cookies()).set(LANGUAGE_COOKIE, "pt-BR");
      expect(await view()).toContain("Conectar o WhatsApp");
      // A cookie naming no language of ours is ignored.
      (await cookies()).set(LANGUAGE_COOKIE, "xx");
      expect(await view()).toContain("WhatsApp कनेक्ट करें");
    } finally {
      await db.agencySettings.update({ where: { id: "agency" }, data: { defaultLanguage: null } });
    }
  });

  it("sets the document's lang and dir on onboarding pages, unknown links included", async () => {
    setRequestHeaders({ "accept-language": "ar", [ONBOARD_TOKEN_HEADER]: "not-a-token" });
    expect(await documentLanguage()).toEqual({ lang: "ar", dir: "rtl" });
    setRequestHeaders({ "accept-language": "ar" });
    expect(await documentLanguage()).toEqual({ lang: "en", dir: "ltr" });
  });
});

describe("the onboarding email", () => {
  it("is in the client's language, else the agency's default, else English", async () => {
    await signInAs("ADMIN");
    const client = await newClient();
    const send = async () => {
      await db.outboxMessage.deleteMany({ where: { to: client.contactEmail } });
      const form = new FormData();
      for (const [key, value] of Object.entries({ clientId: client.id, validDays: "7", sendTo: "", mode: "email" }))
        form.set(key, value);
      expect(await createLinkAction(null as never, form)).toMatchObject({ ok: true });
      await emailsSettled(client.contactEmail);
      const sent = await db.outboxMessage.findMany({
        where: { to: client.contactEmail },
        orderBy: { createdAt: "asc" },
      });
      return sent.at(-1)!;
    };
    expect((await send()).subject).toBe(`Connect ${client.name} to WhatsApp with ${agencyName}`);
    await db.agencySettings.upsert({
      where: { id: "agency" },
      create: { id: "agency", name: agencyName, defaultLanguage: "id" },
      update: { defaultLanguage: "id" },
    });
    try {
      expect((await send()).subject).toBe(`Hubungkan ${client.name} ke WhatsApp bersama ${agencyName}`);
      await db.client.update({ where: { id: client.id }, data: { language: "ar" } });
      const email = await send();
      expect(email.subject).toBe(`اربط ${client.name} بـ WhatsApp مع ${agencyName}`);
      expect(email.html).toContain('<html lang="ar" dir="rtl">');
      expect(email.text).toContain("مرحبًا Ana،");
    } finally {
      await db.agencySettings.update({ where: { id: "agency" }, data: { defaultLanguage: null } });
    }
  });
});
