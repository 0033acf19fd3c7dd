import { createClient } from "@/lib/data/clients/records";
import type { Actor } from "@/lib/data/team";
import { db } from "@/lib/db";

/*
 * Test data made by the app's own data functions (documenso's packages/prisma/seed/users.ts),
 * so it has what the app would give it (search text, plugin mapping, audit entries) rather
 * than rows written by hand.
 */

let n = 0;

/** The member who creates the factories' data: an admin, the same one each time. */
export async function factoryActor(): Promise<Actor> {
  const email = "factory-admin@test.example";
  const user = await db.user.upsert({
    where: { email },
    create: { email, role: "ADMIN" },
    update: { removedAt: null },
  });
  return { id: user.id, email: user.email };
}

type ClientFields = {
  name: string;
  contactName: string;
  contactEmail: string;
  clientReferenceId: string;
  pluginId: string | null;
  notes: string;
  language: string | null;
};

/**
 * A client created through createClient, with a reference no other test uses (`prefix-…`) and
 * the name "Client <reference>" unless `fields` says otherwise; a plugin id counts as verified.
 */
export async function createTestClient(prefix: string, fields: Partial<ClientFields> = {}) {
  const ref = fields.clientReferenceId ?? `${prefix}-${Date.now().toString(36)}-${n++}`;
  const result = await createClient({
    actor: await factoryActor(),
    input: {
      name: `Client ${ref}`,
      contactName: "Ana",
      contactEmail: `${ref}@example.com`,
      clientReferenceId: ref,
      pluginId: null,
      notes: "",
      ...fields,
    },
    pluginVerified: true,
  });
  if (!result.ok) throw new Error(`createTestClient: ${result.message}`);
  return db.client.findUniqueOrThrow({ where: { id: result.id } });
}
