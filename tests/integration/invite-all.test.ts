import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const { inviteAllAction } = await import("@/lib/actions/links");
const { db } = await import("@/lib/db");
const { createLink } = await import("@/lib/data/onboarding/links");
const { createTestClient, createTestLink } = await import("../support/factories");
const { signInAs } = await import("../support/request-context");

/*
 * "Email a link to each" on the Clients page: a first link, emailed, for every client never sent
 * one; a client whose plugin already has a WhatsApp account is left to the admin.
 */

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const NEVER_INVITED = { archived: false, onboardingStatus: "NOT_INVITED" as const, onboardingLinks: { none: {} } };

beforeEach(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {}); // the outbox prints every email
  // Only this file's clients wait for a first link (earlier files' are done with).
  await db.client.deleteMany({ where: NEVER_INVITED });
});

describe("Email a link to each", () => {
  it("emails a first link to each client never sent one, in its language, and leaves a connected plugin's to the admin", async () => {
    const admin = await signInAs("ADMIN");
    const plain = await createTestClient("bulk");
    const hindi = await createTestClient("bulk", { language: "hi" });
    const withAccount = await createTestClient("bulk", { pluginId: "bulk-plugin-with-account" });
    await db.pluginConfigSnapshot.create({
      data: {
        clientId: withAccount.id,
        pluginId: "bulk-plugin-with-account",
        raw: {},
        wabaCount: 1,
        phoneCount: 0,
        connectedPhoneCount: 0,
        needsAttention: false,
        isLatest: true,
      },
    });
    // A link copied (not emailed) is a link: that client is not sent another.
    const copied = await createTestClient("bulk");
    await createTestLink(copied.id);

    const before = Date.now();
    const result = await inviteAllAction(null, form({ validDays: "3" }));
    expect(result).toEqual({
      ok: true,
      message:
        "Links emailed to 2 clients: each delivery shows in the client's links. 1 client already has a WhatsApp account on their plugin: choose each one's link on its page.",
    });
    for (const client of [plain, hindi]) {
      const [link, ...others] = await db.onboardingLink.findMany({
        where: { clientId: client.id },
        include: { events: true, emails: true },
      });
      expect(others).toEqual([]);
      expect(link!.createdById).toBe(admin.id);
      expect(link!.purpose).toBe("CONNECT");
      expect(link!.expiresAt.getTime() - before).toBeGreaterThanOrEqual(3 * 86_400_000 - 1000);
      expect(link!.expiresAt.getTime() - before).toBeLessThan(3 * 86_400_000 + 60_000);
      expect(link!.events.map((e) => e.type)).toEqual(expect.arrayContaining(["CREATED", "SENT"]));
      expect(link!.emails.map((e) => e.to)).toEqual([client.contactEmail]);
      expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).onboardingStatus).toBe("INVITED");
    }
    const [hindiEmail] = await db.emailDelivery.findMany({ where: { to: hindi.contactEmail } });
    expect(hindiEmail!.subject).toMatch(/[\u0900-\u097F]/); // in Devanagari: the client's language
    expect(await db.onboardingLink.count({ where: { clientId: withAccount.id } })).toBe(0);
    expect(await db.onboardingLink.count({ where: { clientId: copied.id } })).toBe(1);
    // A client sent a link by someone else between the list and its turn is not sent another.
    expect(await createLink({ actor: admin, clientId: copied.id, validDays: 7, firstOnly: true })).toMatchObject({
      ok: false,
      message: "This client was sent a link meanwhile.",
    });

    // Pressed again: nothing left to email, and it says why.
    expect(await inviteAllAction(null, form({ validDays: "3" }))).toMatchObject({
      ok: false,
      message:
        "No link was emailed. 1 client already has a WhatsApp account on their plugin: choose each one's link on its page.",
    });
  });

  it("refuses a validity out of range, and says when no client is waiting", async () => {
    await signInAs("ADMIN");
    const waiting = await createTestClient("bulk");
    expect(await inviteAllAction(null, form({ validDays: "0" }))).toMatchObject({
      ok: false,
      code: "INVALID",
      fieldErrors: { validDays: ["At least 1 day."] },
    });
    expect(await db.onboardingLink.count({ where: { clientId: waiting.id } })).toBe(0);
    await db.client.deleteMany({ where: NEVER_INVITED });
    expect(await inviteAllAction(null, form({ validDays: "7" }))).toMatchObject({
      ok: false,
      message: "No client is waiting for a first link.",
    });
  });

  it("is for admins and owners only", async () => {
    await signInAs("VIEWER");
    const client = await createTestClient("bulk");
    expect(await inviteAllAction(null, form({ validDays: "7" }))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db.onboardingLink.count({ where: { clientId: client.id } })).toBe(0);
  });
});
