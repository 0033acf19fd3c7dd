import type { Role } from "@/lib/auth/roles";
import type { AlertPreference } from "@/lib/data/alerts";
import { updateMemberPreferences } from "@/lib/data/digest";
import { createClient } from "@/lib/data/clients/records";
import { createLink, recordLinkSent } from "@/lib/data/onboarding/links";
import { acceptInvitation, inviteMember, type Actor } from "@/lib/data/team";
import type { LinkPurpose } from "@/lib/onboarding/rules";
import { db } from "@/lib/db";

/*
 * Test data made by the app's own data functions (documenso's packages/prisma/seed/users.ts),
 * so it has what the app would give it (search text, plugin mapping, audit entries, a link's
 * hash and events) rather than rows written by hand. Each call makes values no other call uses.
 * The only file of the tests that imports createClient: a test that needs a client asks here.
 */

let n = 0;
/** `prefix-<time>-<counter>`: unique across calls and across test files sharing the database. */
export const uniqueRef = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${n++}`;

/** The member who creates the factories' data: an admin, the same one each time. */
export async function factoryActor(): Promise<Actor> {
  // The one member made by hand: inviting someone takes a member (see createTestMember).
  const email = "factory-admin@test.example";
  const upsert = () =>
    db.user.upsert({
      where: { email },
      create: { email, role: "ADMIN" },
      update: { removedAt: null },
      select: { id: true, email: true },
    });
  // Factories called at once (Promise.all) may both create it: the one that lost finds it made.
  return upsert().catch((error: { code?: string }) => {
    if (error.code === "P2002") return upsert();
    throw error;
  });
}

/**
 * A member with `role`, invited by the factory admin and signed in once (so the invitation is
 * accepted), as the app makes one; `alerts` sets their alert emails.
 */
export async function createTestMember(
  role: Role,
  {
    email = `${uniqueRef(`member-${role.toLowerCase()}`)}@test.example`,
    alerts,
  }: { email?: string; alerts?: AlertPreference } = {},
) {
  const invited = await inviteMember({ actor: await factoryActor(), email, role });
  if (!invited.ok) throw new Error(`createTestMember: ${invited.message}`);
  const user = await acceptInvitation({ email });
  if (!user) throw new Error(`createTestMember: no invitation for ${email}`);
  if (alerts) await updateMemberPreferences({ userId: user.id, alerts, weeklyDigest: user.weeklyDigest });
  return user;
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
 * the name "Client <reference>" unless `fields` says otherwise; a plugin id counts as verified
 * unless `pluginVerified` is false.
 */
export async function createTestClient(
  prefix: string,
  fields: Partial<ClientFields> = {},
  { pluginVerified = true, actor }: { pluginVerified?: boolean; actor?: Actor } = {},
) {
  const ref = fields.clientReferenceId ?? uniqueRef(prefix);
  const result = await createClient({
    actor: actor ?? (await factoryActor()),
    input: {
      name: `Client ${ref}`,
      contactName: "Ana",
      contactEmail: `${ref}@example.com`,
      clientReferenceId: ref,
      pluginId: null,
      notes: "",
      ...fields,
    },
    pluginVerified,
  });
  if (!result.ok) throw new Error(`createTestClient: ${result.message}`);
  return db.client.findUniqueOrThrow({ where: { id: result.id } });
}

type LinkOptions = { actor?: Actor; validDays?: number; purpose?: LinkPurpose };

/**
 * A link created through createLink for the client (its earlier links stop working, as in the
 * app): the link's id, its address and the token in it (the address is shown only once).
 */
export async function createTestLink(clientId: string, { actor, validDays = 7, purpose }: LinkOptions = {}) {
  const created = await createLink({ actor: actor ?? (await factoryActor()), clientId, validDays, purpose });
  if (!created.ok) throw new Error(`createTestLink: ${created.message}`);
  return {
    linkId: created.link.id,
    expiresAt: created.link.expiresAt,
    url: created.url,
    token: created.url.split("/onboard/")[1]!,
  };
}

/** What the factories' links are "sent" with: tests that read the app's own emails can tell it apart. */
export const TEST_LINK_EMAIL = {
  subject: "Test onboarding link",
  html: "<p>Test onboarding link</p>",
  text: "Test onboarding link",
};

/**
 * A link created and emailed to `to` (the client's contact unless said otherwise) through
 * recordLinkSent: the "sent" event, its audit entry and the queued email, as "Send" makes them.
 */
export async function sendTestLink(
  client: { id: string; contactEmail: string },
  {
    to = client.contactEmail,
    email = TEST_LINK_EMAIL,
    ...options
  }: LinkOptions & { to?: string; email?: typeof TEST_LINK_EMAIL } = {},
) {
  const actor = options.actor ?? (await factoryActor());
  const link = await createTestLink(client.id, { ...options, actor });
  await recordLinkSent({ actor, linkId: link.linkId, to, email });
  return link;
}
