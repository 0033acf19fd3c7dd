import "server-only";
import { chakra as defaultChakra, isChakraError, type ChakraClient, type PluginConfig } from "../chakra";
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
  UNCONFIRMED: "ATTENTION",
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
    // An SDK event keeps its payload (capped at 2 kB by sdkEventSchema); other details are words.
    const max = type === "SDK_EVENT" ? 2200 : 1000;
    await tx.onboardingLinkEvent.create({ data: { linkId, type, detail: detail?.slice(0, max) ?? null } });
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
 * on ("busy"). Opens the signup attempt the server watches (see checkSignup).
 */
export async function mintForLink(token: string, chakra: ChakraClient = defaultChakra) {
  const link = await resolveLink(token);
  if (link.state !== "active") return { ok: false as const, state: link.state };
  const before = await db.client.findUniqueOrThrow({ where: { id: link.clientId }, select: { pluginId: true } });
  const minted = await mintConnectTokenForClient(link.clientId, { chakra });
  if (!minted.ok) return { ...minted, state: link.state };
  const { pluginId, expiresAt } = minted.token.claims;
  await openSignupAttempt({ linkId: link.linkId, clientId: link.clientId, pluginId, expiresAt, newPlugin: !before.pluginId, chakra });
  await recordLinkEvent(link.linkId, "STARTED");
  return { ok: true as const, connectToken: minted.token.connectToken, expiresAt: minted.token.claims.expiresAt };
}

// ---------------------------------------------------------------- the signup attempt, watched by the server

/** How long after the SDK's last event a signup without a result is reported to the agency. */
export const SIGNUP_WAIT_MS = 3 * 60_000;
const SIGNUP_MAX_MS = 60 * 60_000;

type Baseline = { wabaIds: string[]; numberIds: string[] };
const idsOf = (config: PluginConfig): Baseline => ({
  wabaIds: config.whatsappBusinessAccounts.map((w) => w.id),
  numberIds: config.whatsappPhoneNumbers.map((p) => p.id),
});

/**
 * What the plugin held before the signup, so that only a new WABA or number counts: nothing
 * for a plugin this mint created; otherwise ChakraHQ now, or the latest snapshot of it; null
 * when neither is known (the first successful check then sets it).
 */
async function baselineFor({ clientId, pluginId, newPlugin, chakra }: { clientId: string; pluginId: string; newPlugin: boolean; chakra: ChakraClient }): Promise<Baseline | null> {
  if (newPlugin) return { wabaIds: [], numberIds: [] };
  try {
    return idsOf(await chakra.getPluginConfig(pluginId));
  } catch (error) {
    if (!isChakraError(error)) throw error;
    const latest = await db.pluginConfigSnapshot.findFirst({ where: { clientId, pluginId, isLatest: true }, select: { raw: true } });
    return latest ? idsOf(latest.raw as unknown as PluginConfig) : null;
  }
}

async function openSignupAttempt(input: { linkId: string; clientId: string; pluginId: string; expiresAt: Date; newPlugin: boolean; chakra: ChakraClient }) {
  const baseline = await baselineFor(input);
  const now = new Date();
  const expiresAt = new Date(Math.min(input.expiresAt.getTime(), now.getTime() + SIGNUP_MAX_MS));
  await db.$transaction([
    db.signupAttempt.updateMany({ where: { linkId: input.linkId, endedAt: null }, data: { endedAt: now, outcome: "replaced" } }),
    db.signupAttempt.create({
      data: {
        linkId: input.linkId,
        pluginId: input.pluginId,
        expiresAt,
        baselineWabaIds: baseline ? JSON.stringify(baseline.wabaIds) : null,
        baselineNumberIds: baseline ? JSON.stringify(baseline.numberIds) : null,
      },
    }),
  ]);
}

const openAttemptWhere = (linkId: string, now: Date) => ({ linkId, endedAt: null, expiresAt: { gt: now } });

/** Keeps what ChakraHQ's SDK told the page, raw, and restarts the wait for a result from it. */
export async function recordSdkEvent({ linkId, detail, now = new Date() }: { linkId: string; detail: string; now?: Date }) {
  await recordLinkEvent(linkId, "SDK_EVENT", detail);
  await db.signupAttempt.updateMany({ where: openAttemptWhere(linkId, now), data: { lastSdkEventAt: now } });
}

/** Ends the link's open signup attempt (cancelled or failed in the SDK): the server stops watching. */
export async function endSignupAttempt({ linkId, outcome }: { linkId: string; outcome: "cancelled" | "failed" }) {
  await db.signupAttempt.updateMany({ where: { linkId, endedAt: null }, data: { endedAt: new Date(), outcome } });
}

export type SignupCheck =
  | { status: "connected"; numbers: string[]; newlyConnected: boolean }
  /** overdue: no result SIGNUP_WAIT_MS after the SDK's last event; newlyOverdue: first time seen (tell the admins). */
  | { status: "pending"; overdue: boolean; newlyOverdue: boolean }
  /** No signup attempt open: nothing to check. */
  | { status: "closed" };

const numbersOf = (config: PluginConfig) => config.whatsappPhoneNumbers.map((p) => p.display_phone_number ?? p.id);

/**
 * While a signup attempt is open, asks ChakraHQ whether a WABA or number appeared that the
 * plugin did not hold at the mint, whatever the SDK said; if so the link is connected.
 * A ChakraHQ failure only means "not yet".
 */
export async function checkSignup({
  linkId,
  chakra = defaultChakra,
  now = new Date(),
  waitMs = SIGNUP_WAIT_MS,
}: {
  linkId: string;
  chakra?: ChakraClient;
  now?: Date;
  waitMs?: number;
}): Promise<SignupCheck> {
  const link = await db.onboardingLink.findUniqueOrThrow({ where: { id: linkId }, select: { clientId: true, usedAt: true } });
  if (link.usedAt) return { status: "connected", numbers: await latestNumbers(link.clientId), newlyConnected: false };
  const attempt = await db.signupAttempt.findFirst({ where: openAttemptWhere(linkId, now), orderBy: { createdAt: "desc" } });
  if (!attempt) return { status: "closed" };
  let config: PluginConfig | null = null;
  try {
    config = await chakra.getPluginConfig(attempt.pluginId);
  } catch (error) {
    if (!isChakraError(error)) throw error;
    console.error(`[onboarding] signup not checked: ${error.message}`);
  }
  if (config) {
    const seen = idsOf(config);
    if (attempt.baselineWabaIds === null || attempt.baselineNumberIds === null) {
      await db.signupAttempt.update({ where: { id: attempt.id }, data: { baselineWabaIds: JSON.stringify(seen.wabaIds), baselineNumberIds: JSON.stringify(seen.numberIds) } });
    } else {
      const wabas = new Set(JSON.parse(attempt.baselineWabaIds) as string[]);
      const numbers = new Set(JSON.parse(attempt.baselineNumberIds) as string[]);
      if (seen.wabaIds.some((id) => !wabas.has(id)) || seen.numberIds.some((id) => !numbers.has(id))) {
        const newlyConnected = await markConnected({ linkId, clientId: link.clientId, pluginId: attempt.pluginId, config, how: "seen in ChakraHQ's configuration" });
        return { status: "connected", numbers: numbersOf(config), newlyConnected };
      }
    }
  }
  const overdue = attempt.lastSdkEventAt !== null && now.getTime() - attempt.lastSdkEventAt.getTime() >= waitMs;
  if (!overdue) return { status: "pending", overdue: false, newlyOverdue: false };
  const claimed = await db.signupAttempt.updateMany({ where: { id: attempt.id, overdueNotifiedAt: null }, data: { overdueNotifiedAt: now } });
  if (claimed.count === 1) {
    await recordLinkEvent(
      linkId,
      "UNCONFIRMED",
      `ChakraHQ showed no new WhatsApp account ${Math.round(waitMs / 60_000)} minutes after the signup's last event`,
    );
  }
  return { status: "pending", overdue: true, newlyOverdue: claimed.count === 1 };
}

async function latestNumbers(clientId: string): Promise<string[]> {
  const latest = await db.pluginConfigSnapshot.findFirst({ where: { clientId, isLatest: true }, select: { raw: true } });
  return latest ? numbersOf(latest.raw as unknown as PluginConfig) : [];
}

/** Stores what ChakraHQ shows and marks the link connected, once; ends its signup attempts. True the first time. */
async function markConnected({ linkId, clientId, pluginId, config, how }: { linkId: string; clientId: string; pluginId: string; config: PluginConfig; how?: string }): Promise<boolean> {
  await storeSnapshot({ clientId, pluginId, config });
  const now = new Date();
  const marked = await db.onboardingLink.updateMany({ where: { id: linkId, usedAt: null }, data: { usedAt: now } });
  await db.signupAttempt.updateMany({ where: { linkId, endedAt: null }, data: { endedAt: now, outcome: "connected" } });
  if (marked.count === 1) {
    const numbers = config.whatsappPhoneNumbers.map((p) => p.display_phone_number).join(", ");
    await recordLinkEvent(linkId, "CONNECTED", how ? [numbers, how].filter(Boolean).join("; ") : numbers);
    await recordAudit({ actor: null, action: "link.connected", targetType: "link", targetId: linkId, clientId });
  }
  return marked.count === 1;
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
  if (link.state === "connected") {
    await storeSnapshot({ clientId: link.clientId, pluginId: client.pluginId, config });
    return { ok: true, config, clientId: link.clientId, newlyConnected: false };
  }
  const newlyConnected = await markConnected({ linkId: link.linkId, clientId: link.clientId, pluginId: client.pluginId, config });
  return { ok: true, config, clientId: link.clientId, newlyConnected };
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
