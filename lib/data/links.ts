import "server-only";
import { chakra as defaultChakra, type ChakraClient, type PluginConfig } from "../chakra";
import type { LinkEventType, OnboardingStatus } from "../generated/prisma/sqlite/enums";
import { db } from "../db";
import { env } from "../env";
import { hashToken, newLinkToken } from "../links/token";
import { recordAudit } from "./audit";
import { mintConnectTokenForClient } from "./clients";
import { storeSnapshot } from "./snapshots";
import type { Actor } from "./team";

export function onboardingUrl(token: string): string {
  return `${env.APP_URL.replace(/\/+$/, "")}/onboard/${token}`;
}

/** The stage a client moves to with each link event (never back from connected). */
const STAGE_AFTER: Partial<Record<LinkEventType, OnboardingStatus>> = {
  SENT: "INVITED",
  OPENED: "OPENED",
  STARTED: "OPENED",
  CONNECTED: "CONNECTED",
  FAILED: "ATTENTION",
};
const STAGE_ORDER: OnboardingStatus[] = ["NOT_INVITED", "INVITED", "OPENED", "ATTENTION", "CONNECTED"];

/** Records a step of a link's funnel, and moves the client's stage forward with it (together). */
export async function recordLinkEvent(linkId: string, type: LinkEventType, detail?: string | null): Promise<void> {
  await db.$transaction(async (tx) => {
    const link = await tx.onboardingLink.findUnique({
      where: { id: linkId },
      select: { clientId: true, client: { select: { onboardingStatus: true } } },
    });
    if (!link) return;
    const next = STAGE_AFTER[type];
    const current = link.client.onboardingStatus;
    // Forward only, except that a new attempt after a failure clears the "attention" flag;
    // nothing undoes a connection.
    const forward = next && STAGE_ORDER.indexOf(next) > STAGE_ORDER.indexOf(current);
    const retry = current === "ATTENTION" && (type === "OPENED" || type === "STARTED");
    if (next && (forward || retry) && current !== "CONNECTED") {
      await tx.client.update({ where: { id: link.clientId }, data: { onboardingStatus: next } });
    }
    await tx.onboardingLinkEvent.create({ data: { linkId, type, detail: detail?.slice(0, 1000) ?? null } });
  });
}

/** A new link for a client; the client's earlier links stop working. Returns the address once. */
export async function createLink({ actor, clientId, validDays }: { actor: Actor; clientId: string; validDays: number }) {
  const client = await db.client.findUnique({ where: { id: clientId }, select: { archived: true } });
  if (!client) return { ok: false as const, message: "This client no longer exists." };
  if (client.archived) return { ok: false as const, message: "Restore the client before sending it a link." };
  const { token, tokenHash } = newLinkToken();
  const now = new Date();
  const link = await db.$transaction(async (tx) => {
    const previous = await tx.onboardingLink.findMany({ where: { clientId, revokedAt: null, usedAt: null }, select: { id: true } });
    if (previous.length) {
      await tx.onboardingLink.updateMany({ where: { id: { in: previous.map((l) => l.id) } }, data: { revokedAt: now } });
      await tx.onboardingLinkEvent.createMany({ data: previous.map((l) => ({ linkId: l.id, type: "REVOKED" as const, detail: "replaced by a new link" })) });
    }
    const created = await tx.onboardingLink.create({
      data: { clientId, tokenHash, expiresAt: new Date(now.getTime() + validDays * 86_400_000), createdById: actor.id },
      select: { id: true, expiresAt: true },
    });
    await tx.onboardingLinkEvent.create({ data: { linkId: created.id, type: "CREATED" } });
    await recordAudit({ actor, action: "link.created", targetType: "link", targetId: created.id, clientId, metadata: { validDays } }, tx);
    return created;
  });
  return { ok: true as const, link, url: onboardingUrl(token) };
}

/**
 * Gives a link a fresh address (the old one stops working) and returns it: the address is
 * stored only as a hash, so sending a link again means sending a new address.
 */
export async function rotateLink({ actor, linkId }: { actor: Actor; linkId: string }) {
  const link = await db.onboardingLink.findUnique({ where: { id: linkId }, select: { id: true, clientId: true, revokedAt: true, usedAt: true, expiresAt: true } });
  if (!link || link.revokedAt) return { ok: false as const, message: "This link was revoked: create a new one." };
  if (link.usedAt) return { ok: false as const, message: "The client already connected through this link." };
  if (link.expiresAt < new Date()) return { ok: false as const, message: "This link has expired: create a new one." };
  const { token, tokenHash } = newLinkToken();
  await db.onboardingLink.update({ where: { id: link.id }, data: { tokenHash } });
  await recordAudit({ actor, action: "link.rotated", targetType: "link", targetId: link.id, clientId: link.clientId });
  return { ok: true as const, url: onboardingUrl(token), clientId: link.clientId, expiresAt: link.expiresAt };
}

/** Notes that a link was emailed, and by whom (they hear back when the client connects). */
export async function recordLinkSent({ actor, linkId, to }: { actor: Actor; linkId: string; to: string }) {
  const link = await db.onboardingLink.update({ where: { id: linkId }, data: { sentTo: to }, select: { clientId: true } });
  await recordLinkEvent(linkId, "SENT", to);
  await recordAudit({ actor, action: "link.sent", targetType: "link", targetId: linkId, clientId: link.clientId, metadata: { to } });
}

/** Stops a link from working. */
export async function revokeLink({ actor, linkId }: { actor: Actor; linkId: string }) {
  const updated = await db.onboardingLink.updateMany({ where: { id: linkId, revokedAt: null, usedAt: null }, data: { revokedAt: new Date() } });
  if (updated.count === 0) return { ok: false as const, message: "This link is already revoked or used." };
  const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId }, select: { clientId: true } });
  await db.onboardingLinkEvent.create({ data: { linkId, type: "REVOKED" } });
  await recordAudit({ actor, action: "link.revoked", targetType: "link", targetId: linkId, clientId: link.clientId });
  return { ok: true as const, clientId: link.clientId };
}

/** A client's links, newest first, each with its funnel. */
export async function listLinks(clientId: string) {
  const links = await db.onboardingLink.findMany({
    where: { clientId },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      usedAt: true,
      sentTo: true,
      createdBy: { select: { email: true } },
      events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { type: true, detail: true, createdAt: true } },
    },
  });
  const now = new Date();
  return links.map((link) => ({
    ...link,
    state: link.usedAt ? ("connected" as const) : link.revokedAt ? ("revoked" as const) : link.expiresAt < now ? ("expired" as const) : ("active" as const),
  }));
}

// ---------------------------------------------------------------- the end client's side

export type ResolvedLink =
  | { state: "unknown" }
  | { state: "expired" | "revoked"; linkId: string }
  | { state: "active" | "connected"; linkId: string; clientId: string; clientName: string; expiresAt: Date };

/** What a token in an /onboard/ address refers to. Only the token's hash is looked up. */
export async function resolveLink(token: string): Promise<ResolvedLink> {
  if (!/^[A-Za-z0-9_-]{40,60}$/.test(token)) return { state: "unknown" };
  const link = await db.onboardingLink.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, clientId: true, expiresAt: true, revokedAt: true, usedAt: true, client: { select: { name: true, archived: true } } },
  });
  if (!link) return { state: "unknown" };
  if (link.usedAt) return { state: "connected", linkId: link.id, clientId: link.clientId, clientName: link.client.name, expiresAt: link.expiresAt };
  if (link.revokedAt || link.client.archived) return { state: "revoked", linkId: link.id };
  if (link.expiresAt < new Date()) return { state: "expired", linkId: link.id };
  return { state: "active", linkId: link.id, clientId: link.clientId, clientName: link.client.name, expiresAt: link.expiresAt };
}

/**
 * Mints a connect token for the link's own client: the browser never names a plugin. Not
 * minted while new plugins are held for the client ("held") or another mint for it runs
 * on ("busy").
 */
export async function mintForLink(token: string, chakra: ChakraClient = defaultChakra) {
  const link = await resolveLink(token);
  if (link.state !== "active") return { ok: false as const, state: link.state };
  const minted = await mintConnectTokenForClient(link.clientId, { chakra });
  if (!minted.ok) return { ...minted, state: link.state };
  await recordLinkEvent(link.linkId, "STARTED");
  return { ok: true as const, connectToken: minted.token.connectToken, expiresAt: minted.token.claims.expiresAt };
}

/**
 * After the SDK reports success: the server asks ChakraHQ itself (polling briefly while the
 * number list is still empty), keeps the snapshot, and marks the link connected. The
 * browser's word alone changes nothing. Returns the configuration, or why it could not.
 */
export async function confirmConnection(
  token: string,
  { chakra = defaultChakra, pollMs = 1000, attempts = 12 }: { chakra?: ChakraClient; pollMs?: number; attempts?: number } = {},
): Promise<{ ok: true; config: PluginConfig; clientId: string; newlyConnected: boolean } | { ok: false; reason: string }> {
  const link = await resolveLink(token);
  if (link.state !== "active" && link.state !== "connected") return { ok: false, reason: link.state };
  const client = await db.client.findUniqueOrThrow({ where: { id: link.clientId }, select: { pluginId: true } });
  if (!client.pluginId) return { ok: false, reason: "no_plugin" };
  let config: PluginConfig | null = null;
  for (let attempt = 0; attempt < attempts; attempt++) {
    config = await chakra.getPluginConfig(client.pluginId);
    if (config.whatsappPhoneNumbers.length > 0) break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  if (!config || config.whatsappBusinessAccounts.length === 0) return { ok: false, reason: "not_connected" };
  await storeSnapshot({ clientId: link.clientId, pluginId: client.pluginId, config });
  if (link.state === "connected") return { ok: true, config, clientId: link.clientId, newlyConnected: false };
  const marked = await db.onboardingLink.updateMany({ where: { id: link.linkId, usedAt: null }, data: { usedAt: new Date() } });
  if (marked.count === 1) {
    await recordLinkEvent(link.linkId, "CONNECTED", config.whatsappPhoneNumbers.map((p) => p.display_phone_number).join(", "));
    await recordAudit({ actor: null, action: "link.connected", targetType: "link", targetId: link.linkId, clientId: link.clientId });
  }
  return { ok: true, config, clientId: link.clientId, newlyConnected: marked.count === 1 };
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

/** The client a link belongs to. */
export async function linkClient(linkId: string): Promise<{ clientId: string; clientName: string } | null> {
  const link = await db.onboardingLink.findUnique({ where: { id: linkId }, select: { clientId: true, client: { select: { name: true } } } });
  return link ? { clientId: link.clientId, clientName: link.client.name } : null;
}
