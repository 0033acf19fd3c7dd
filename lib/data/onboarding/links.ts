import "server-only";
import type { LinkEventType } from "../../generated/prisma/sqlite/enums";
import { db } from "../../db";
import { env } from "../../env";
import { sealToken } from "../../links/sealed";
import { newLinkToken } from "../../links/token";
import { linkState, purposesFor, PURPOSE_INFO, REPLACED_DETAIL, stageMoveOf, type LinkPurpose } from "../../onboarding/rules";
import { Prisma } from "../../generated/prisma/sqlite/client";
import type { RenderedEmail } from "../../email/render";
import { recordAudit } from "../audit";
import { newId } from "../sql";
import { dispatchEmail, EMAIL_DELIVERY_SELECT, queueEmail } from "../emails";
import { fail } from "../../result";
import type { Actor } from "../team";

type Tx = Prisma.TransactionClient;

/*
 * The agency's side of an onboarding link: create, send, give a new address, revoke, list,
 * and the events of its funnel. The end client's side is ./signup.ts; the rules both follow
 * are lib/onboarding/rules.ts.
 */

export function onboardingUrl(token: string): string {
  return `${env.APP_URL.replace(/\/+$/, "")}/onboard/${token}`;
}

/** A link, by its id; with its client's id when the caller knows it (one read fewer). */
export type LinkRef = string | { linkId: string; clientId: string };

/** Records a step of a link's funnel, and moves the client's stage forward with it (together). */
export async function recordLinkEvent(link: LinkRef, type: LinkEventType, detail?: string | null): Promise<void> {
  await db.$transaction((tx) => writeLinkEvent(tx, link, type, detail));
}

/**
 * recordLinkEvent inside the caller's transaction. In SQL (lib/data/sql.ts): every step of the
 * end client's funnel writes it, "Connect WhatsApp" among them; the same rows as Prisma's.
 */
export async function writeLinkEvent(tx: Tx, link: LinkRef, type: LinkEventType, detail?: string | null) {
  const linkId = typeof link === "string" ? link : link.linkId;
  const clientId =
    typeof link === "string"
      ? (await tx.onboardingLink.findUnique({ where: { id: linkId }, select: { clientId: true } }))?.clientId
      : link.clientId;
  if (!clientId) return;
  const now = new Date();
  // The stage moves in the same write that checks it (stageAfterLinkEvent's rule as a condition).
  const move = stageMoveOf(type);
  if (move)
    await tx.$executeRaw`
      UPDATE "Client" SET "onboardingStatus" = ${move.to}, "updatedAt" = ${now}
      WHERE "id" = ${clientId} AND "onboardingStatus" IN (${Prisma.join(move.from)})`;
  // An SDK event keeps its payload (capped at 2 kB by sdkEventSchema); other details are words.
  const max = type === "SDK_EVENT" ? 2200 : 1000;
  await tx.$executeRaw`
    INSERT INTO "OnboardingLinkEvent" ("id", "linkId", "type", "detail", "createdAt", "updatedAt")
    VALUES (${newId()}, ${linkId}, ${type}, ${detail?.slice(0, max) ?? null}, ${now}, ${now})`;
}

/**
 * A new link for a client; the client's earlier links stop working. Returns the address once.
 * `purpose`: a reconnect or a change of number is only for a client that has a plugin (the
 * mint is then for that plugin).
 */
export async function createLink({
  actor,
  clientId,
  validDays,
  purpose = "CONNECT",
  firstOnly = false,
}: {
  actor: Actor;
  clientId: string;
  validDays: number;
  purpose?: LinkPurpose;
  /** Only if the client has never had a link ("Email a link to each": not one another admin just made). */
  firstOnly?: boolean;
}) {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { archived: true, pluginId: true } });
  if (!client) return fail("This client no longer exists.");
  if (client.archived) return fail("Restore the client before sending it a link.");
  if (!purposesFor(client).includes(purpose)) {
    return fail(
      `A ${PURPOSE_INFO[purpose].history.toLowerCase()} is for a client that already has a ChakraHQ plugin. Send a first connection link instead.`,
    );
  }
  const { token, tokenHash } = newLinkToken();
  const now = new Date();
  const link = await db.$transaction(async (tx) => {
    if (firstOnly && (await tx.onboardingLink.count({ where: { clientId } })) > 0) return null;
    const previous = await tx.onboardingLink.findMany({ where: { clientId, revokedAt: null, usedAt: null }, select: { id: true } });
    if (previous.length) {
      await tx.onboardingLink.updateMany({ where: { id: { in: previous.map((l) => l.id) } }, data: { revokedAt: now } });
      await tx.onboardingLinkEvent.createMany({ data: previous.map((l) => ({ linkId: l.id, type: "REVOKED" as const, detail: REPLACED_DETAIL })) });
    }
    const created = await tx.onboardingLink.create({
      data: { clientId, purpose, tokenHash, tokenSealed: sealToken(token), expiresAt: new Date(now.getTime() + validDays * 86_400_000), createdById: actor.id },
      select: { id: true, expiresAt: true, purpose: true },
    });
    await tx.onboardingLinkEvent.create({ data: { linkId: created.id, type: "CREATED" } });
    await recordAudit({ actor, action: "link.created", targetType: "link", targetId: created.id, clientId, metadata: { validDays, purpose } }, tx);
    return created;
  });
  if (!link) return fail("This client was sent a link meanwhile.");
  return { ok: true as const, link, url: onboardingUrl(token) };
}

/**
 * Gives a link a fresh address (the old one stops working) and returns it: the address is
 * stored only as a hash, so sending a link again means sending a new address.
 */
export async function rotateLink({ actor, linkId }: { actor: Actor; linkId: string }) {
  const link = await db.onboardingLink.findUnique({
    where: { id: linkId },
    select: {
      id: true,
      clientId: true,
      purpose: true,
      tokenHash: true,
      revokedAt: true,
      usedAt: true,
      expiresAt: true,
      client: { select: { archived: true } },
    },
  });
  const state = link ? linkState({ ...link, clientArchived: link.client.archived }, new Date()) : "revoked";
  if (!link || state === "revoked") return fail("This link was revoked: create a new one.");
  if (state === "connected") return fail("The client already connected through this link.");
  if (state === "expired") return fail("This link has expired: create a new one.");
  const { token, tokenHash } = newLinkToken();
  // Only while it is still the same link and address: a revoke, a connection or another
  // "Send again" meanwhile wins. The old address is kept as replaced (its page offers to ask
  // for a new link); both in one transaction, so no address is ever lost.
  const rotated = await db.$transaction(async (tx) => {
    const updated = await tx.onboardingLink.updateMany({
      where: { id: link.id, tokenHash: link.tokenHash, revokedAt: null, usedAt: null },
      data: { tokenHash, tokenSealed: sealToken(token) },
    });
    if (updated.count === 1) await tx.replacedLinkToken.create({ data: { linkId: link.id, tokenHash: link.tokenHash } });
    return updated.count === 1;
  });
  if (!rotated) return fail("This link changed meanwhile: reload the page.");
  await recordAudit({ actor, action: "link.rotated", targetType: "link", targetId: link.id, clientId: link.clientId });
  return { ok: true as const, url: onboardingUrl(token), clientId: link.clientId, expiresAt: link.expiresAt, purpose: link.purpose };
}

/** Notes that a link was emailed, and by whom (they hear back when the client connects), and queues the email. */
export async function recordLinkSent({
  actor,
  linkId,
  to,
  email,
}: {
  actor: Actor;
  linkId: string;
  to: string;
  email: RenderedEmail;
}): Promise<void> {
  // The email is queued with the "sent" event and its audit entry: all three or none.
  const deliveryId = await db.$transaction(async (tx) => {
    const link = await tx.onboardingLink.update({ where: { id: linkId }, data: { sentTo: to }, select: { clientId: true } });
    await writeLinkEvent(tx, { linkId, clientId: link.clientId }, "SENT", to);
    await recordAudit({ actor, action: "link.sent", targetType: "link", targetId: linkId, clientId: link.clientId, metadata: { to } }, tx);
    return queueEmail({ kind: "onboarding", to, email, clientId: link.clientId, linkId }, tx);
  });
  await dispatchEmail(deliveryId);
}

/** Stops a link from working. */
export async function revokeLink({ actor, linkId }: { actor: Actor; linkId: string }) {
  const updated = await db.onboardingLink.updateMany({ where: { id: linkId, revokedAt: null, usedAt: null }, data: { revokedAt: new Date() } });
  if (updated.count === 0) return fail("This link is already revoked or used.");
  const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId }, select: { clientId: true } });
  // Who revoked it, shown on the link's card ("Revoked … by …").
  await db.onboardingLinkEvent.create({ data: { linkId, type: "REVOKED", detail: `by ${actor.email}` } });
  await recordAudit({ actor, action: "link.revoked", targetType: "link", targetId: linkId, clientId: link.clientId });
  return { ok: true as const, clientId: link.clientId };
}

/** Clients never sent a link: the dashboard's "Not invited", and what "Email a link to each" takes. */
const NEVER_INVITED = { archived: false, onboardingStatus: "NOT_INVITED", onboardingLinks: { none: {} } } as const;
/**
 * A plugin whose latest snapshot has a WhatsApp Business Account: the admin chooses that
 * client's link (suggestedPurpose in lib/onboarding/rules.ts suggests none), one at a time.
 */
const HAS_ACCOUNT = { some: { isLatest: true, wabaCount: { gt: 0 } } } as const;

/** How many clients one "Email a link to each" takes: its emails are queued, its links made in turn. */
export const BULK_INVITE_MAX = 100;

/** Of the clients never sent a link, how many "Email a link to each" can take, and how many are the admin's to choose. */
export async function countInvitable(): Promise<{ invitable: number; toChoose: number }> {
  const [invitable, toChoose] = await Promise.all([
    db.client.count({ where: { ...NEVER_INVITED, NOT: { snapshots: HAS_ACCOUNT } } }),
    db.client.count({ where: { ...NEVER_INVITED, snapshots: HAS_ACCOUNT } }),
  ]);
  return { invitable, toChoose };
}

/** The oldest `take` clients never sent a link whose first link is a connection (no account on their plugin). */
export function invitableClients(take = BULK_INVITE_MAX) {
  return db.client.findMany({
    where: { ...NEVER_INVITED, NOT: { snapshots: HAS_ACCOUNT } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take,
    select: { id: true },
  });
}

/** A client's links, newest first, each with its funnel. */
export async function listLinks(clientId: string) {
  const links = await db.onboardingLink.findMany({
    where: { clientId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      purpose: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      usedAt: true,
      sentTo: true,
      createdBy: { select: { email: true } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { type: true, detail: true, createdAt: true } },
      emails: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: EMAIL_DELIVERY_SELECT },
    },
  });
  const now = new Date();
  return links.map((link) => ({ ...link, state: linkState(link, now) }));
}

/** The admins to tell about a link: who created it and who sent it. */
export async function linkRecipients(linkId: string): Promise<string[]> {
  const [link, sends] = await Promise.all([
    db.onboardingLink.findUnique({ where: { id: linkId }, select: { createdBy: { select: { email: true, removedAt: true } } } }),
    db.auditLog.findMany({ where: { targetId: linkId, action: "link.sent" }, select: { actor: { select: { email: true, removedAt: true } } } }),
  ]);
  const people = [link?.createdBy, ...sends.map((s) => s.actor)].filter((p): p is { email: string; removedAt: Date | null } => Boolean(p && !p.removedAt));
  return [...new Set(people.map((p) => p.email))];
}

