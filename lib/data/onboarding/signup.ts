import "server-only";
import { chakra as defaultChakra, isChakraError, type ChakraClient, type PluginConfig } from "../../chakra";
import { db } from "../../db";
import { hashToken } from "../../links/token";
import { baselineOf, linkState, signupFound, type AddressState, type LinkPurpose, type SignupBaseline } from "../../onboarding/rules";
import { linkTokenSchema } from "../../validations/links";
import { recordAudit } from "../audit";
import { chakraBlockedUntil, recordRateLimited } from "../chakra-rate-limit";
import { connectionForClient, storeSnapshot, storedConfig } from "../snapshots";
import { recordLinkEvent, writeLinkEvent } from "./links";
import { mintConnectTokenForClient } from "./mint";
import { connectedNumbers } from "../../whatsapp/client-meaning";
import { dateOf, newId, readRows } from "../sql";

/*
 * The end client's side of an onboarding link. The link is resolved once, by its token, and
 * every function here takes the resolved link: none looks the token up again.
 */

/** A link found by its token, whatever its state ("replaced": found by an address it no longer has). */
export type FoundLink = {
  state: AddressState;
  linkId: string;
  clientId: string;
  clientName: string;
  /** The client's language as the admin set it; null: the agency's default. */
  language: string | null;
  /** The client's plugin when the link was resolved (null: none yet; the mint asks for one). */
  pluginId: string | null;
  purpose: LinkPurpose;
  expiresAt: Date;
  /** When its signup was found (state "connected"). */
  usedAt: Date | null;
};
export type ResolvedLink = FoundLink | { state: "unknown" };

type LinkRow = {
  id: string;
  clientId: string;
  purpose: LinkPurpose;
  expiresAt: Date | string;
  revokedAt: Date | string | null;
  usedAt: Date | string | null;
  name: string;
  archived: boolean | number;
  language: string | null;
  pluginId: string | null;
  replaced: number | bigint;
};

/**
 * What a token in an /onboard/ address refers to. Only the token's hash is looked up: first
 * as a link's address, then as one that "Send again" replaced (state "replaced", whatever
 * the link's own state: the old address never acts for the link again). One query in SQL
 * (lib/data/sql.ts): every action and every open of the end client's page starts here.
 */
export async function resolveLink(token: unknown, now = new Date()): Promise<ResolvedLink> {
  const parsed = linkTokenSchema.safeParse(token);
  if (!parsed.success) return { state: "unknown" };
  const tokenHash = hashToken(parsed.data);
  const rows = await readRows<LinkRow>(
    `SELECT l."id", l."clientId", l."purpose", l."expiresAt", l."revokedAt", l."usedAt",
      c."name", c."archived", c."language", c."pluginId", 0 AS "replaced"
    FROM "OnboardingLink" l JOIN "Client" c ON c."id" = l."clientId"
    WHERE l."tokenHash" = ?
    UNION ALL
    SELECT l."id", l."clientId", l."purpose", l."expiresAt", l."revokedAt", l."usedAt",
      c."name", c."archived", c."language", c."pluginId", 1 AS "replaced"
    FROM "ReplacedLinkToken" r JOIN "OnboardingLink" l ON l."id" = r."linkId" JOIN "Client" c ON c."id" = l."clientId"
    WHERE r."tokenHash" = ?`,
    tokenHash,
    tokenHash,
  );
  const link = rows.find((r) => Number(r.replaced) === 0) ?? rows[0];
  if (!link) return { state: "unknown" };
  const expiresAt = dateOf(link.expiresAt);
  const found = {
    expiresAt,
    revokedAt: dateOf(link.revokedAt),
    usedAt: dateOf(link.usedAt),
    clientArchived: Boolean(link.archived),
  };
  return {
    state: Number(link.replaced) === 0 ? linkState(found, now) : "replaced",
    linkId: link.id,
    clientId: link.clientId,
    clientName: link.name,
    language: link.language,
    pluginId: link.pluginId,
    purpose: link.purpose,
    expiresAt,
    usedAt: found.usedAt,
  };
}

/**
 * Whether a connected link's client has lost its connection since (ChakraHQ's latest
 * snapshot): its page then offers to ask for a new link.
 */
export async function connectionRemovedSince(link: FoundLink): Promise<boolean> {
  return link.state === "connected" && Boolean((await connectionForClient(link.clientId))?.removed);
}

// ---------------------------------------------------------------- the mint

/**
 * Mints a connect token for the link's own client: the browser never names a plugin. Not
 * minted while new plugins are held for the client ("held") or another mint for it runs
 * on ("busy"). Opens the signup attempt the server watches (see checkSignup).
 */
export async function mintForLink(link: FoundLink, chakra: ChakraClient = defaultChakra) {
  // With the client's plugin known, its configuration (the attempt's baseline, read-only) is
  // asked for beside the token: the end client waits for the slower of the two calls, not
  // their sum. Settled at once, so a mint that fails leaves no rejection unhandled.
  const config = link.pluginId ? settled(chakra.getPluginConfig(link.pluginId)) : null;
  // The client's plugin as the link's resolution read it, a moment ago: not read again.
  const minted = await mintConnectTokenForClient(link.clientId, { chakra, pluginId: link.pluginId });
  if (!minted.ok) return minted;
  const { pluginId, expiresAt } = minted.token.claims;
  // Only a plugin this mint created is known to hold nothing: a plugin an admin mapped
  // meanwhile may already have an account, which is not this signup's result.
  await openSignupAttempt({
    link,
    pluginId,
    expiresAt,
    newPlugin: minted.createdPlugin,
    chakra,
    // Read for the plugin the token is for (a token for another one reads that one's).
    config: pluginId === link.pluginId ? config : null,
  });
  return { ok: true as const, connectToken: minted.token.connectToken, expiresAt };
}

// ---------------------------------------------------------------- the signup attempt, watched by the server

/** How long after the SDK's last event a signup without a result is reported to the agency. */
export const SIGNUP_WAIT_MS = 3 * 60_000;
const SIGNUP_MAX_MS = 60 * 60_000;

const EMPTY: SignupBaseline = { wabaIds: [], numberIds: [], connectedIds: [] };

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
const settled = <T>(promise: Promise<T>): Promise<Settled<T>> =>
  promise.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

/**
 * What the plugin held before the signup, so that only something new counts: nothing for a
 * plugin this mint created; otherwise ChakraHQ now, or the latest snapshot of it; null when
 * neither is known (the first successful check then sets it).
 */
async function baselineFor({
  link,
  pluginId,
  newPlugin,
  chakra,
  config,
}: {
  link: FoundLink;
  pluginId: string;
  newPlugin: boolean;
  chakra: ChakraClient;
  /** The plugin's configuration, already asked for (see mintForLink). */
  config: Promise<Settled<PluginConfig>> | null;
}): Promise<SignupBaseline | null> {
  if (newPlugin) return EMPTY;
  try {
    const read = await (config ?? settled(chakra.getPluginConfig(pluginId)));
    if (!read.ok) throw read.error;
    return baselineOf(read.value);
  } catch (error) {
    if (!isChakraError(error)) throw error;
    const latest = await db.pluginConfigSnapshot.findFirst({
      where: { clientId: link.clientId, pluginId, isLatest: true },
      select: { raw: true },
    });
    return latest ? baselineOf(storedConfig(latest.raw)) : null;
  }
}

const baselineColumns = (baseline: SignupBaseline | null) => ({
  baselineWabaIds: baseline ? JSON.stringify(baseline.wabaIds) : null,
  baselineNumberIds: baseline ? JSON.stringify(baseline.numberIds) : null,
  baselineConnectedIds: baseline ? JSON.stringify(baseline.connectedIds) : null,
});

function storedBaseline(attempt: {
  baselineWabaIds: string | null;
  baselineNumberIds: string | null;
  baselineConnectedIds: string | null;
}): SignupBaseline | null {
  if (attempt.baselineWabaIds === null || attempt.baselineNumberIds === null) return null;
  return {
    wabaIds: JSON.parse(attempt.baselineWabaIds) as string[],
    numberIds: JSON.parse(attempt.baselineNumberIds) as string[],
    // Attempts opened before numbers' states were kept: every number then counts as connected.
    connectedIds: JSON.parse(attempt.baselineConnectedIds ?? attempt.baselineNumberIds) as string[],
  };
}

async function openSignupAttempt(input: {
  link: FoundLink;
  pluginId: string;
  expiresAt: Date;
  newPlugin: boolean;
  chakra: ChakraClient;
  config: Promise<Settled<PluginConfig>> | null;
}) {
  const baseline = await baselineFor(input);
  const now = new Date();
  const expiresAt = new Date(Math.min(input.expiresAt.getTime(), now.getTime() + SIGNUP_MAX_MS));
  const linkId = input.link.linkId;
  const columns = baselineColumns(baseline);
  // In SQL (lib/data/sql.ts): the end client waits for this; the same rows as Prisma's.
  await db.$transaction(async (tx) => {
    // Writing the link's row first makes two mints of one link (two tabs) take turns, so
    // only one attempt is ever open (on PostgreSQL the row lock is held until commit).
    const touched = await tx.$executeRaw`UPDATE "OnboardingLink" SET "updatedAt" = ${now} WHERE "id" = ${linkId}`;
    if (touched === 0) throw new Error(`No onboarding link ${linkId}`);
    await tx.$executeRaw`
      UPDATE "SignupAttempt" SET "endedAt" = ${now}, "outcome" = 'replaced', "updatedAt" = ${now}
      WHERE "linkId" = ${linkId} AND "endedAt" IS NULL`;
    await tx.$executeRaw`
      INSERT INTO "SignupAttempt" ("id", "linkId", "pluginId", "expiresAt", "baselineWabaIds", "baselineNumberIds",
        "baselineConnectedIds", "createdAt", "updatedAt")
      VALUES (${newId()}, ${linkId}, ${input.pluginId}, ${expiresAt}, ${columns.baselineWabaIds},
        ${columns.baselineNumberIds}, ${columns.baselineConnectedIds}, ${now}, ${now})`;
    // The funnel's "started", with the attempt it opened.
    await writeLinkEvent(tx, input.link, "STARTED");
  });
}

const openAttemptWhere = (linkId: string, now: Date) => ({ linkId, endedAt: null, expiresAt: { gt: now } });

/** Keeps what ChakraHQ's SDK told the page, raw, and restarts the wait for a result from it. */
export async function recordSdkEvent({ link, detail, now = new Date() }: { link: FoundLink; detail: string; now?: Date }) {
  await recordLinkEvent(link, "SDK_EVENT", detail);
  await db.signupAttempt.updateMany({ where: openAttemptWhere(link.linkId, now), data: { lastSdkEventAt: now } });
}

/**
 * The page says the client cancelled, or that the signup failed in the SDK: recorded. The
 * browser's word does not end the watch at once: an SDK may report "closed" after a signup it
 * completed under a name the page did not recognise, so ChakraHQ is still looked at for
 * SIGNUP_WAIT_MS (without the "no result in time" alarm: the client was told what happened).
 */
export async function endSignup({
  link,
  outcome,
  message,
  now = new Date(),
}: {
  link: FoundLink;
  outcome: "cancelled" | "failed";
  message: string | null;
  now?: Date;
}) {
  await recordLinkEvent(link, outcome === "cancelled" ? "CANCELLED" : "FAILED", message);
  const until = new Date(now.getTime() + SIGNUP_WAIT_MS);
  await db.signupAttempt.updateMany({
    where: { ...openAttemptWhere(link.linkId, now), expiresAt: { gt: until } },
    data: { expiresAt: until },
  });
  await db.signupAttempt.updateMany({ where: openAttemptWhere(link.linkId, now), data: { outcome } });
}

export type SignupCheck =
  | { status: "connected"; numbers: string[]; newlyConnected: boolean }
  /** overdue: no result SIGNUP_WAIT_MS after the SDK's last event; newlyOverdue: first time seen (tell the admins). */
  | { status: "pending"; overdue: boolean; newlyOverdue: boolean }
  /** No signup attempt open: nothing to check. */
  | { status: "closed" };

/**
 * While a signup attempt is open, asks ChakraHQ whether the plugin shows something it did not
 * hold at the mint (see signupFound), whatever the SDK said; if so the link is connected.
 * A ChakraHQ failure only means "not yet".
 */
export async function checkSignup({
  link,
  chakra = defaultChakra,
  now = new Date(),
  waitMs = SIGNUP_WAIT_MS,
}: {
  link: FoundLink;
  chakra?: ChakraClient;
  now?: Date;
  waitMs?: number;
}): Promise<SignupCheck> {
  const { linkId } = link;
  if (link.state === "connected") return { status: "connected", numbers: await numbersSince(link, chakra, now), newlyConnected: false };
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
    const baseline = storedBaseline(attempt);
    if (!baseline) {
      // Only the first answer sets it: a later one may already hold the signup's result.
      await db.signupAttempt.updateMany({
        where: { id: attempt.id, baselineWabaIds: null },
        data: baselineColumns(baselineOf(config)),
      });
    } else if (signupFound(baseline, config)) {
      const newlyConnected = await markConnected({ link, pluginId: attempt.pluginId, config, how: "seen in ChakraHQ's configuration" });
      return { status: "connected", numbers: connectedNumbers(config), newlyConnected };
    }
  }
  // A signup the page reported as cancelled or failed is not overdue: the client was told.
  const overdue =
    attempt.outcome === null &&
    attempt.lastSdkEventAt !== null &&
    now.getTime() - attempt.lastSdkEventAt.getTime() >= waitMs;
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

/** How long after a signup is found its page may still ask ChakraHQ whether a number is connected yet. */
export const NUMBER_WATCH_MS = 60 * 60_000;

/**
 * A connected link's numbers that ChakraHQ shows connected: from the latest snapshot. A signup
 * found before its number was connected (ChakraHQ lists the account first, the number minutes
 * later) has none there: its page keeps asking, and ChakraHQ is read again, for NUMBER_WATCH_MS
 * after it; a number found connected is stored as the latest snapshot (so the page shows it).
 */
async function numbersSince(link: FoundLink, chakra: ChakraClient, now: Date): Promise<string[]> {
  const latest = await db.pluginConfigSnapshot.findFirst({
    where: { clientId: link.clientId, isLatest: true },
    select: { raw: true, pluginId: true },
  });
  const numbers = latest ? connectedNumbers(storedConfig(latest.raw)) : [];
  const watching = link.usedAt !== null && now.getTime() - link.usedAt.getTime() < NUMBER_WATCH_MS;
  const pluginId = latest?.pluginId ?? link.pluginId;
  if (numbers.length > 0 || !watching || !pluginId) return numbers;
  // ChakraHQ's rate limit as the background work honours it: no read while a 429's wait holds
  // (the page asks again later), and a 429 answered here holds the others back too.
  if (await chakraBlockedUntil(now)) return [];
  let config: PluginConfig;
  try {
    config = await chakra.getPluginConfig(pluginId);
  } catch (error) {
    if (!isChakraError(error)) throw error;
    if (error.status === 429) await recordRateLimited(error);
    console.error(`[onboarding] numbers not checked: ${error.message}`);
    return [];
  }
  const connected = connectedNumbers(config);
  // Stored only once it has something to show: an unchanged answer every few seconds is not kept.
  if (connected.length > 0) await storeSnapshot({ clientId: link.clientId, pluginId, config });
  return connected;
}

/** Stores what ChakraHQ shows and marks the link connected, once; ends its signup attempts. True the first time. */
async function markConnected({
  link,
  pluginId,
  config,
  how,
}: {
  link: FoundLink;
  pluginId: string;
  config: PluginConfig;
  how?: string;
}): Promise<boolean> {
  const { linkId, clientId } = link;
  await storeSnapshot({ clientId, pluginId, config });
  const now = new Date();
  const marked = await db.onboardingLink.updateMany({ where: { id: linkId, usedAt: null }, data: { usedAt: now } });
  await db.signupAttempt.updateMany({ where: { linkId, endedAt: null }, data: { endedAt: now, outcome: "connected" } });
  if (marked.count === 1) {
    const numbers = connectedNumbers(config).join(", ");
    await recordLinkEvent(linkId, "CONNECTED", how ? [numbers, how].filter(Boolean).join("; ") : numbers);
    await recordAudit({
      actor: null,
      action: "link.connected",
      targetType: "link",
      targetId: linkId,
      clientId,
      metadata: { purpose: link.purpose },
    });
  }
  return marked.count === 1;
}

/**
 * After the SDK reports success: the server asks ChakraHQ itself (polling briefly while the
 * result has not shown, or its numbers not arrived), keeps the snapshot, and marks the link
 * connected. The browser's word alone changes nothing: the result must be new against what
 * the plugin held when the signup started (a change of number needs the new number), or, with
 * no such record, a WhatsApp Business Account on the plugin.
 */
export async function confirmConnection(
  link: FoundLink,
  { chakra = defaultChakra, pollMs = 1000, attempts = 12 }: { chakra?: ChakraClient; pollMs?: number; attempts?: number } = {},
): Promise<{ ok: true; config: PluginConfig; newlyConnected: boolean } | { ok: false; reason: "no_plugin" | "not_connected" }> {
  const client = await db.client.findUniqueOrThrow({ where: { id: link.clientId }, select: { pluginId: true } });
  if (!client.pluginId) return { ok: false, reason: "no_plugin" };
  if (link.state === "connected") {
    const config = await chakra.getPluginConfig(client.pluginId);
    await storeSnapshot({ clientId: link.clientId, pluginId: client.pluginId, config });
    return { ok: true, config, newlyConnected: false };
  }
  const attempt = await db.signupAttempt.findFirst({
    where: { linkId: link.linkId, pluginId: client.pluginId },
    orderBy: { createdAt: "desc" },
  });
  const baseline = attempt ? storedBaseline(attempt) : null;
  const shows = (config: PluginConfig) =>
    baseline ? signupFound(baseline, config) : config.whatsappBusinessAccounts.length > 0;
  let config: PluginConfig | null = null;
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, pollMs));
    config = await chakra.getPluginConfig(client.pluginId);
    if (shows(config) && config.whatsappPhoneNumbers.length > 0) break;
  }
  if (!config || !shows(config)) return { ok: false, reason: "not_connected" };
  const newlyConnected = await markConnected({ link, pluginId: client.pluginId, config });
  return { ok: true, config, newlyConnected };
}
