import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { resolveDatabaseUrl } from "../../lib/database-url";
import { createPrismaClient, type Db } from "../../lib/prisma";
import { ROOT } from "../../scripts/lib/prisma-schema";
import type { CaughtEmail } from "./mail-catcher";
import { E2E_FAKE_CONTROL_PORT, E2E_MAIL_HTTP_PORT } from "./e2e-ports";

export { FAKE_CHAKRA_TOKEN } from "../../lib/chakra/demo";
/** The fake ChakraHQ's plain-http side, for the tests' own control calls. */
export const E2E_FAKE_URL = `http://127.0.0.1:${E2E_FAKE_CONTROL_PORT}`;

let client: Db | null = null;
/** The database the app under test uses (playwright.config.ts sets DATABASE_URL). */
export function testDb(): Db {
  client ??= createPrismaClient(resolveDatabaseUrl(process.env.DATABASE_URL ?? ""));
  return client;
}

let counter = 0;
/** An address no other test uses. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${counter++}@e2e.test`;
}

/** A member created directly in the database, for tests that start signed in as someone. */
export async function createMember(role: "OWNER" | "ADMIN" | "VIEWER", email = uniqueEmail(role.toLowerCase())) {
  return testDb().user.create({ data: { email, role } });
}

/** Every email the test SMTP server received for `to`, oldest first. */
export async function emailsTo(to: string): Promise<CaughtEmail[]> {
  const response = await fetch(`http://127.0.0.1:${E2E_MAIL_HTTP_PORT}/messages?to=${encodeURIComponent(to)}`);
  return (await response.json()) as CaughtEmail[];
}

/**
 * Waits for the `count`-th email to `to` and returns it. When it does not come, the failure
 * says where the app's emails to `to` are (queued, retrying with the reason, sent).
 */
export async function waitForEmail(to: string, count = 1): Promise<CaughtEmail> {
  try {
    await expect
      .poll(async () => (await emailsTo(to)).length, { message: `email #${count} to ${to}` })
      .toBeGreaterThanOrEqual(count);
  } catch (error) {
    const deliveries = await testDb().emailDelivery.findMany({
      where: { to },
      select: { kind: true, status: true, attempts: true, lastError: true, createdAt: true, updatedAt: true },
      orderBy: { createdAt: "asc" },
    });
    (error as Error).message += `\nThe app's emails to ${to}: ${JSON.stringify(deliveries, null, 2)}`;
    throw error;
  }
  return (await emailsTo(to))[count - 1]!;
}

const SIGN_IN_LINK = /https?:\/\/\S+\/api\/auth\/callback\/nodemailer\S+/;

/** The sign-in link in an email's plain-text part. */
export function signInLink(email: CaughtEmail): string {
  const match = email.text.match(SIGN_IN_LINK);
  if (!match) throw new Error(`No sign-in link in "${email.subject}"`);
  return match[0];
}

/**
 * Asks for a sign-in link on the sign-in page; returns the link from the email. The first new
 * email with a sign-in link: a queued email (an alert, a notice) may reach the inbox first.
 */
export async function requestSignInLink(page: Page, email: string): Promise<string> {
  const before = (await emailsTo(email)).length;
  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const fresh = (await emailsTo(email)).slice(before);
        link = fresh.map((e) => e.text.match(SIGN_IN_LINK)?.[0]).find(Boolean);
        return Boolean(link);
      },
      { message: `a sign-in email to ${email}` },
    )
    .toBe(true);
  return link!;
}

/** Signs in through the real email path and lands on the dashboard. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto(await requestSignInLink(page, email));
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}

/** The roles the setup project (tests/e2e/auth.setup.ts) signs in once per run. */
export const SIGNED_IN_ROLES = ["OWNER", "ADMIN", "VIEWER"] as const;
export type SignedInRole = (typeof SIGNED_IN_ROLES)[number];

/** Where the setup project leaves each member's browser state (cookies), under the test output. */
export const SIGNED_IN_DIR = path.join(ROOT, "test-results", ".auth");
const MEMBERS_FILE = path.join(SIGNED_IN_DIR, "members.json");

/**
 * The browser state of the member with `role` whom the setup project signed in, for
 * `test.use({ storageState: signedInState("ADMIN") })` or `browser.newContext({ storageState })`.
 */
export function signedInState(role: SignedInRole): string {
  return path.join(SIGNED_IN_DIR, `${role.toLowerCase()}.json`);
}

/** The email address of the member with `role` whom the setup project signed in. */
export function signedInEmail(role: SignedInRole): string {
  const members = JSON.parse(readFileSync(MEMBERS_FILE, "utf8")) as Record<SignedInRole, string>;
  return members[role];
}

/** Records the members the setup project signed in (tests/e2e/auth.setup.ts). */
export function membersFile(): string {
  return MEMBERS_FILE;
}

/** Opens the dashboard as whoever the page's browser state signs in. */
export async function openDashboard(page: Page): Promise<void> {
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
}
