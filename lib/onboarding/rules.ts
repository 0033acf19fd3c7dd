/*
 * The onboarding link's rules, pure: what state a link is in, what it asks of the end client,
 * how a client's stage follows link events and ChakraHQ's snapshots, and what counts as a
 * signup's result. No database, no network: the data functions (lib/data/onboarding/) and
 * the pages apply them.
 */
import type { PluginConfig } from "../chakra/schemas";
import { isNameDeclined } from "../whatsapp/guidance";
import type { LinkEventType, LinkPurpose, OnboardingStatus } from "../generated/prisma/sqlite/enums";

export type { LinkPurpose };

// ---------------------------------------------------------------- how long a link works

/** How long an onboarding link may work, in days. */
export const LINK_DAYS_RANGE = { min: 1, max: 30, default: 7 } as const;
export const LINK_DAYS_CHOICES = [1, 3, 7, 14, 30] as const;

// ---------------------------------------------------------------- a link's state

export type LinkState = "active" | "expired" | "revoked" | "connected";

/**
 * What an /onboard/ address refers to: its link's state, or "replaced" for an address that
 * "Send again" replaced with a new one. A replaced address never works again, whatever its
 * link's state: it may only ask for a new link, as an expired one does.
 */
export type AddressState = LinkState | "replaced";

/**
 * A link's state from its row and the time. A completed link stays "connected" (its page
 * shows the connection); a revoked link, or one of an archived client, no longer works.
 */
export function linkState(
  link: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date; clientArchived?: boolean },
  now: Date,
): LinkState {
  if (link.usedAt) return "connected";
  if (link.revokedAt || link.clientArchived) return "revoked";
  if (link.expiresAt <= now) return "expired";
  return "active";
}

/** The REVOKED event's detail when a new link, not an admin's Revoke, stopped a link. */
export const REPLACED_DETAIL = "replaced by a new link";

/**
 * Connect tokens a link may mint in an hour, and an address across links. The address's limit
 * is high: mobile carriers put many phones behind one address (carrier-grade NAT), and every
 * one of an agency's clients in a city may share it; each link keeps its own, lower limit.
 */
export const MINT_LIMITS = { perLink: 10, perAddress: 120 } as const;

// ---------------------------------------------------------------- what a link asks for

export const LINK_PURPOSES = ["CONNECT", "RECONNECT", "CHANGE_NUMBER"] as const satisfies readonly LinkPurpose[];

/** For the admin: the choice when creating a link, and the link's name in its history. */
export const PURPOSE_INFO: Record<LinkPurpose, { label: string; choice: string; history: string }> = {
  CONNECT: {
    label: "Connect",
    choice: "Connect WhatsApp: the client's first connection",
    history: "Onboarding link",
  },
  RECONNECT: {
    label: "Reconnect",
    choice: "Reconnect: after a disconnect or a number removed from the WhatsApp Business app",
    history: "Reconnect link",
  },
  CHANGE_NUMBER: {
    label: "Change number",
    choice: "Change number: connect another phone number to the same plugin",
    history: "Change-number link",
  },
};

/**
 * Which purposes a client can be sent: a reconnect or a change of number is for the plugin the
 * client already has; without one, only a first connection.
 */
export function purposesFor(client: { pluginId: string | null }): readonly LinkPurpose[] {
  return client.pluginId ? LINK_PURPOSES : ["CONNECT"];
}

/**
 * The purpose a new link starts with: a first connection while the client never had one, a
 * reconnect when ChakraHQ shows its connection removed, and none (the admin must choose) for
 * a client whose plugin has a WhatsApp Business Account.
 */
export function suggestedPurpose(client: {
  pluginId: string | null;
  latest: { wabaCount: number; removed: boolean } | null;
}): LinkPurpose | null {
  if (!client.pluginId || !client.latest) return "CONNECT";
  if (client.latest.removed) return "RECONNECT";
  return client.latest.wabaCount > 0 ? null : "CONNECT";
}

// ---------------------------------------------------------------- the client's stage

/** The stage a client moves to with each link event. */
const STAGE_AFTER: Partial<Record<LinkEventType, OnboardingStatus>> = {
  SENT: "INVITED",
  OPENED: "OPENED",
  STARTED: "OPENED",
  CONNECTED: "CONNECTED",
  FAILED: "ATTENTION",
  UNCONFIRMED: "ATTENTION",
};
const STAGE_ORDER: OnboardingStatus[] = ["NOT_INVITED", "INVITED", "OPENED", "ATTENTION", "CONNECTED"];

/**
 * The client's stage after a link event, or null when it stays. Forward only, except that a new
 * attempt after a failure clears the "attention" flag, and a connection through a link always
 * counts (a reconnect after a removed connection brings the client back from "attention").
 * Nothing but ChakraHQ's snapshots moves a connected client back (see stageAfterSnapshot).
 */
export function stageAfterLinkEvent(current: OnboardingStatus, event: LinkEventType): OnboardingStatus | null {
  const next = STAGE_AFTER[event];
  if (!next || next === current) return null;
  if (next === "CONNECTED") return next;
  if (current === "CONNECTED") return null;
  const forward = STAGE_ORDER.indexOf(next) > STAGE_ORDER.indexOf(current);
  const retry = current === "ATTENTION" && (event === "OPENED" || event === "STARTED");
  return forward || retry ? next : null;
}

/**
 * stageAfterLinkEvent as a condition a database write can hold: the stages the event moves a
 * client from, and the stage it moves them to (one for every such stage); null: it moves none.
 */
export function stageMoveOf(event: LinkEventType): { from: OnboardingStatus[]; to: OnboardingStatus } | null {
  const to = STAGE_AFTER[event];
  if (!to) return null;
  const from = STAGE_ORDER.filter((stage) => stageAfterLinkEvent(stage, event) === to);
  return from.length > 0 ? { from, to } : null;
}

/** What the dashboard filters on, computed once from a fetched configuration. */
export function summarizeConfig(config: PluginConfig) {
  const phones = config.whatsappPhoneNumbers;
  const needsAttention =
    phones.some((p) => p.status && p.status !== "CONNECTED") ||
    phones.some((p) => p.quality_rating === "RED") ||
    phones.some((p) => isNameDeclined(p.name_status)) ||
    config.whatsappBusinessAccounts.some((w) => w.account_review_status === "REJECTED");
  return {
    wabaCount: config.whatsappBusinessAccounts.length,
    phoneCount: phones.length,
    connectedPhoneCount: phones.filter((p) => p.status === "CONNECTED").length,
    needsAttention,
    rejectedReviewCount: config.whatsappBusinessAccounts.filter((w) => w.account_review_status === "REJECTED").length,
  };
}

export type ConfigSummary = ReturnType<typeof summarizeConfig>;

/** What a client's earlier snapshots of the same plugin showed at some point. */
export type ConnectionHistory = { hadAccount: boolean; hadNumbers: boolean };

/**
 * Whether ChakraHQ's latest answer shows that a connection was removed: a plugin that had a
 * WhatsApp Business Account has none left, or every number it had is gone. A plugin whose
 * numbers have not arrived yet (right after a signup) was never connected, so it does not count.
 */
export function connectionRemoved(
  latest: { wabaCount: number; phoneCount: number },
  before: ConnectionHistory,
): boolean {
  if (!before.hadAccount) return false;
  return latest.wabaCount === 0 || (latest.phoneCount === 0 && before.hadNumbers);
}

/**
 * The client's stage after a snapshot of its plugin: ChakraHQ's word wins. A number in trouble
 * or a removed connection needs the agency; a connected number means connected; otherwise the
 * stage the links gave stays.
 */
export function stageAfterSnapshot(
  current: OnboardingStatus,
  summary: ConfigSummary,
  history: ConnectionHistory,
): OnboardingStatus {
  if (summary.needsAttention) return "ATTENTION";
  if (summary.connectedPhoneCount > 0) return "CONNECTED";
  if (connectionRemoved(summary, history) || (current === "CONNECTED" && summary.wabaCount === 0)) return "ATTENTION";
  return current;
}

// ---------------------------------------------------------------- a signup's result

/** What a plugin held when a signup started: only something new counts as its result. */
export type SignupBaseline = { wabaIds: string[]; numberIds: string[]; connectedIds: string[] };

export function baselineOf(config: PluginConfig): SignupBaseline {
  return {
    wabaIds: config.whatsappBusinessAccounts.map((w) => w.id),
    numberIds: config.whatsappPhoneNumbers.map((p) => p.id),
    connectedIds: config.whatsappPhoneNumbers.filter((p) => p.status === "CONNECTED").map((p) => p.id),
  };
}

/**
 * Whether ChakraHQ's configuration shows a signup's result, whatever the SDK said: a WhatsApp
 * Business Account or a number the plugin did not hold, or a number that was not connected
 * and now is (a reconnect keeps the number's id).
 */
export function signupFound(baseline: SignupBaseline, config: PluginConfig): boolean {
  const seen = baselineOf(config);
  const had = (ids: string[]) => new Set(ids);
  const wabas = had(baseline.wabaIds);
  const numbers = had(baseline.numberIds);
  const connected = had(baseline.connectedIds);
  return (
    seen.wabaIds.some((id) => !wabas.has(id)) ||
    seen.numberIds.some((id) => !numbers.has(id)) ||
    seen.connectedIds.some((id) => !connected.has(id))
  );
}
