import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";

/* Runs on whichever database the suite was started with: SQLite by default, PostgreSQL in CI's second run. */

const unique = () => Math.random().toString(36).slice(2, 10);
/*
 * Rows written straight through Prisma on purpose: this file tests the schema itself (its unique
 * keys answer P2002, its cascades and set-nulls), which the data functions would hide behind
 * their own messages (clients.test.ts tests those).
 */
const newClient = (overrides: Record<string, unknown> = {}) => {
  const id = unique();
  return db.client.create({
    data: {
      name: `Client ${id}`,
      contactName: "Ana",
      contactEmail: `ana-${id}@example.com`,
      clientReferenceId: `client-${id}`,
      ...overrides,
    },
  });
};

afterAll(() => db.$disconnect());

describe("the database", () => {
  it("stores names with quotes, emoji, RTL text and markup exactly", async () => {
    const name = `O'Brien "Café" 🚀 مطعم <script>alert(1)</script>`;
    const client = await newClient({ name });
    expect((await db.client.findUniqueOrThrow({ where: { id: client.id } })).name).toBe(name);
  });

  it("keeps clientReferenceId unique", async () => {
    const first = await newClient();
    await expect(newClient({ clientReferenceId: first.clientReferenceId })).rejects.toMatchObject({ code: "P2002" });
  });

  it("lets one plugin belong to one client only, and many clients have none", async () => {
    const pluginId = crypto.randomUUID();
    await newClient({ pluginId });
    await expect(newClient({ pluginId })).rejects.toMatchObject({ code: "P2002" });
    await expect(Promise.all([newClient(), newClient()])).resolves.toHaveLength(2);
  });

  it("rolls back a failed transaction completely", async () => {
    const reference = `tx-${unique()}`;
    await expect(
      db.$transaction(async (tx) => {
        await tx.client.create({
          data: { name: "Half", contactName: "A", contactEmail: "a@example.com", clientReferenceId: reference },
        });
        await tx.client.create({
          data: { name: "Dup", contactName: "A", contactEmail: "a@example.com", clientReferenceId: reference },
        });
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(await db.client.count({ where: { clientReferenceId: reference } })).toBe(0);
  });

  it("keeps snapshots' raw JSON and their phone numbers, removed with the snapshot", async () => {
    const client = await newClient();
    const raw = {
      whatsappPhoneNumbers: [{ id: "1", status: "CONNECTED", nested: { deep: [1, 2] } }],
      unknownField: "kept",
    };
    const snapshot = await db.pluginConfigSnapshot.create({
      data: {
        clientId: client.id,
        pluginId: crypto.randomUUID(),
        raw,
        wabaCount: 0,
        phoneCount: 1,
        connectedPhoneCount: 1,
        needsAttention: false,
        phoneNumbers: {
          create: [{ phoneNumberId: "1", displayPhoneNumber: "+1 555", status: "CONNECTED", isOnBizApp: true }],
        },
      },
      include: { phoneNumbers: true },
    });
    expect((await db.pluginConfigSnapshot.findUniqueOrThrow({ where: { id: snapshot.id } })).raw).toEqual(raw);
    await db.pluginConfigSnapshot.delete({ where: { id: snapshot.id } });
    expect(await db.snapshotPhoneNumber.count({ where: { snapshotId: snapshot.id } })).toBe(0);
  });

  it("records link events in order and keeps audit entries when the actor is removed", async () => {
    const client = await newClient();
    const user = await db.user.create({ data: { email: `admin-${unique()}@example.com`, role: "ADMIN" } });
    const link = await db.onboardingLink.create({
      data: {
        clientId: client.id,
        tokenHash: unique(),
        expiresAt: new Date(Date.now() + 86_400_000),
        createdById: user.id,
      },
    });
    for (const type of ["CREATED", "SENT", "OPENED"] as const) {
      await db.onboardingLinkEvent.create({ data: { linkId: link.id, type } });
    }
    const audit = await db.auditLog.create({
      data: {
        actorId: user.id,
        actorEmail: user.email,
        action: "client.create",
        targetType: "client",
        targetId: client.id,
        clientId: client.id,
        metadata: { via: "test" },
      },
    });
    await db.user.delete({ where: { id: user.id } });
    const events = await db.onboardingLinkEvent.findMany({ where: { linkId: link.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.type)).toEqual(["CREATED", "SENT", "OPENED"]);
    const kept = await db.auditLog.findUniqueOrThrow({ where: { id: audit.id } });
    expect(kept).toMatchObject({ actorId: null, actorEmail: user.email, metadata: { via: "test" } });
    expect((await db.onboardingLink.findUniqueOrThrow({ where: { id: link.id } })).createdById).toBeNull();
  });

  it("stores the agency's branding as a single row", async () => {
    // Another file's test may have saved branding already: start from none.
    await db.agencySettings.deleteMany();
    await db.agencySettings.upsert({
      where: { id: "agency" },
      create: { name: "Acme Agency" },
      update: { name: "Acme Agency" },
    });
    const row = await db.agencySettings.findUniqueOrThrow({ where: { id: "agency" } });
    expect(row).toMatchObject({ name: "Acme Agency", brandColor: "#0f766e" });
  });
});
