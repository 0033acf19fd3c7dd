import "server-only";
import { ACTIVITY_ACTIONS, activityFromAudit, activityFromLinkEvent, mergeActivity, quotedHelp } from "../home/activity";
import { median, weeklyBuckets, type FunnelCounts } from "../home/funnel";
import { rankNeeds, type Need, type NeedKind } from "../home/needs";
import { DECLINED_NAME_STATUSES } from "../whatsapp/guidance";
import { meaningOf, PHONE_STATUS } from "../whatsapp/meaning";
import { db } from "../db";
import { DEFAULT_AGENCY_NAME } from "./agency";
import { REQUEST_ANSWERED } from "./onboarding/help";
import { storedConfig, TEAM_DISCONNECTS } from "./snapshots";

/*
 * The home page's queries. Every list is bounded and filtered in the database, so they stay
 * quick with 10,000 clients. Links and their events are read through Prisma here rather than
 * through lib/data/links.ts.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A link opened this long ago without a connection, or expiring within this long, needs the agency. */
export const STALL_MS = 2 * DAY;
export const EXPIRY_WARNING_MS = 2 * DAY;

// ---------------------------------------------------------------- first run

export type FirstRun = { brandSet: boolean; clientAdded: boolean; linkSent: boolean; firstClientId: string | null };

/** The three first steps of a new agency, each done or not. */
export async function getFirstRun(): Promise<FirstRun> {
  const [agency, client, link] = await Promise.all([
    db.agencySettings.findUnique({ where: { id: "agency" }, select: { name: true } }),
    db.client.findFirst({ where: { archived: false }, orderBy: { createdAt: "asc" }, select: { id: true } }),
    db.onboardingLink.findFirst({ select: { id: true } }),
  ]);
  // Saving only the reminder settings makes the row with the default name: that is not a brand.
  return { brandSet: Boolean(agency && agency.name !== DEFAULT_AGENCY_NAME), clientAdded: Boolean(client), linkSent: Boolean(link), firstClientId: client?.id ?? null };
}

// ---------------------------------------------------------------- needs you now

const activeClient = { archived: false } as const;
const latestOfActive = { isLatest: true, client: activeClient } as const;

type Found = { needs: Need[]; total: number };
type ClientRef = { id: string; name: string };

/**
 * Everything that needs the agency now, most urgent first (lib/home/needs.ts), at most `limit`
 * rows, and how many there are in all. Each kind is one bounded query and one count.
 */
export async function listNeeds({ limit = 20, now = new Date() }: { limit?: number; now?: Date } = {}) {
  const found = await Promise.all([
    numbersDown(limit),
    connectionsGone(limit),
    pluginsMissing(limit),
    signupsFailed(limit),
    clientRequests(limit, now),
    pluginHolds(limit),
    reviewsRejected(limit),
    namesDeclined(limit),
    linksExpiring(limit, now),
    linksExpired(limit, now),
    teamDisconnected(limit),
    linksStalled(limit, now),
    neverInvited(limit),
  ]);
  // A client who asked for a new link is listed for that, not for the expired link too.
  const asked = new Set(found.flatMap((f) => f.needs.filter((n) => n.kind === "link_asked").map((n) => n.clientId)));
  const listed = found.flatMap((f) => f.needs);
  const all = listed.filter((n) => n.kind !== "link_expired" || !asked.has(n.clientId));
  const items = rankNeeds(all, limit);
  // A link listed under two kinds counts once; an expired link asked about, not at all.
  const duplicates = all.length - new Set(all.map((n) => n.key)).size + (listed.length - all.length);
  const total = Math.max(items.length, found.reduce((sum, f) => sum + f.total, 0) - duplicates);
  return { items, total };
}

const need = (kind: NeedKind, client: ClientRef, rest: Omit<Need, "kind" | "clientId" | "clientName">): Need => ({
  kind,
  clientId: client.id,
  clientName: client.name,
  ...rest,
});

async function numbersDown(take: number): Promise<Found> {
  const where = {
    snapshot: latestOfActive,
    OR: [{ AND: [{ status: { not: null } }, { NOT: { status: "CONNECTED" } }] }, { qualityRating: "RED" }],
  };
  const [rows, total] = await Promise.all([
    db.snapshotPhoneNumber.findMany({
      where,
      orderBy: [{ snapshot: { fetchedAt: "asc" } }, { id: "asc" }],
      take,
      select: {
        id: true,
        displayPhoneNumber: true,
        status: true,
        qualityRating: true,
        snapshot: { select: { fetchedAt: true, client: { select: { id: true, name: true } } } },
      },
    }),
    db.snapshotPhoneNumber.count({ where }),
  ]);
  // Since when: the timeline's last change of each number (written when a refresh saw it), if any.
  const changes = rows.length
    ? await db.auditLog.findMany({
        where: {
          clientId: { in: [...new Set(rows.map((r) => r.snapshot.client!.id))] },
          action: { in: ["whatsapp.number_status_changed", "whatsapp.quality_dropped"] },
        },
        orderBy: { createdAt: "desc" },
        take: take * 4,
        select: { clientId: true, metadata: true, createdAt: true },
      })
    : [];
  const needs = rows.map((row) => {
    const client = row.snapshot.client!;
    const number = row.displayPhoneNumber || "A number";
    const change = changes.find(
      (c) => c.clientId === client.id && (c.metadata as { number?: string } | null)?.number === row.displayPhoneNumber,
    );
    const down = row.status && row.status !== "CONNECTED";
    return need("number_down", client, {
      what: down
        ? `${number} is not connected: ${row.status} (${meaningOf(PHONE_STATUS, row.status).meaning})`
        : `${number} has a red quality rating: Meta may limit it`,
      at: change?.createdAt ?? row.snapshot.fetchedAt,
      atIsStart: Boolean(change),
      key: `number:${row.id}`,
    });
  });
  return { needs, total };
}

/**
 * An account or number that ChakraHQ no longer lists: not in the latest snapshot, so only its
 * open alert (lib/alerts/rules.ts, "waba-gone:" and "number-gone:") still knows of it.
 */
async function connectionsGone(take: number): Promise<Found> {
  const where = {
    status: "OPEN" as const,
    client: activeClient,
    OR: [{ key: { startsWith: "waba-gone:" } }, { key: { startsWith: "number-gone:" } }],
  };
  const [rows, total] = await Promise.all([
    db.alert.findMany({
      where,
      orderBy: [{ firstSeenAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, title: true, firstSeenAt: true, client: { select: { id: true, name: true } } },
    }),
    db.alert.count({ where }),
  ]);
  return {
    needs: rows.map((row) =>
      need("connection_gone", row.client, {
        what: row.title,
        at: row.firstSeenAt,
        atIsStart: true,
        key: `alert:${row.id}`,
      }),
    ),
    total,
  };
}

/**
 * A client the team disconnected (its account removed on ChakraHQ from this app): no alert, as
 * it was asked for, but its stage is "Attention needed" until it reconnects. Listed until then,
 * a link is made after the disconnect (a reconnect), or the client is archived (it has left).
 * A client with an open alert of a connection gone is listed under that instead.
 */
async function teamDisconnected(take: number): Promise<Found> {
  const entries = await db.auditLog.findMany({
    where: { action: { in: TEAM_DISCONNECTS }, client: { ...activeClient, onboardingStatus: "ATTENTION" } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: take * 5,
    select: { createdAt: true, actorEmail: true, metadata: true, client: { select: { id: true, name: true } } },
  });
  const latest = new Map<string, (typeof entries)[number] & { client: ClientRef }>();
  for (const entry of entries) if (entry.client && !latest.has(entry.client.id)) latest.set(entry.client.id, { ...entry, client: entry.client });
  if (latest.size === 0) return { needs: [], total: 0 };
  const clientIds = [...latest.keys()];
  const oldest = new Date(Math.min(...[...latest.values()].map((e) => e.createdAt.getTime())));
  const [links, alerts] = await Promise.all([
    db.onboardingLink.findMany({ where: { clientId: { in: clientIds }, createdAt: { gt: oldest } }, select: { clientId: true, createdAt: true } }),
    db.alert.findMany({
      where: { clientId: { in: clientIds }, status: "OPEN", OR: [{ key: { startsWith: "waba-gone:" } }, { key: { startsWith: "number-gone:" } }] },
      select: { clientId: true },
    }),
  ]);
  const needs = [...latest.values()]
    .filter((e) => !links.some((l) => l.clientId === e.client.id && l.createdAt > e.createdAt) && !alerts.some((a) => a.clientId === e.client.id))
    .map((e) => {
      const m = (e.metadata ?? {}) as { name?: unknown; wabaId?: unknown };
      const account = String(m.name ?? m.wabaId ?? "its WhatsApp Business Account");
      return need("disconnected", e.client, {
        what: `${account} was disconnected${e.actorEmail ? ` by ${e.actorEmail}` : ""}: send a reconnect link, or archive the client if it has left`,
        at: e.createdAt,
        atIsStart: true,
        key: `disconnected:${e.client.id}`,
      });
    })
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return { needs: needs.slice(0, take), total: needs.length };
}

async function pluginsMissing(take: number): Promise<Found> {
  const where = { ...activeClient, pluginMissingAt: { not: null }, pluginId: { not: null } };
  const [rows, total] = await Promise.all([
    db.client.findMany({
      where,
      orderBy: { pluginMissingAt: "asc" },
      take,
      select: { id: true, name: true, pluginId: true, pluginMissingAt: true },
    }),
    db.client.count({ where }),
  ]);
  return {
    needs: rows.map((c) =>
      need("plugin_missing", c, {
        what: `ChakraHQ no longer knows its plugin ${c.pluginId}`,
        at: c.pluginMissingAt!,
        atIsStart: true,
        key: `plugin:${c.id}`,
      }),
    ),
    total,
  };
}

async function pluginHolds(take: number): Promise<Found> {
  const where = { ...activeClient, pluginHoldAt: { not: null } };
  const [rows, total] = await Promise.all([
    db.client.findMany({
      where,
      orderBy: { pluginHoldAt: "asc" },
      take,
      select: { id: true, name: true, pluginHoldAt: true, pluginHoldReference: true },
    }),
    db.client.count({ where }),
  ]);
  return {
    needs: rows.map((c) =>
      need("plugin_hold", c, {
        what: `ChakraHQ may have created a plugin (reference ${c.pluginHoldReference ?? "unknown"}): map it or release the hold`,
        at: c.pluginHoldAt!,
        atIsStart: true,
        key: `hold:${c.id}`,
      }),
    ),
    total,
  };
}

async function reviewsRejected(take: number): Promise<Found> {
  const where = { ...latestOfActive, rejectedReviewCount: { gt: 0 } };
  const [rows, total] = await Promise.all([
    db.pluginConfigSnapshot.findMany({
      where,
      orderBy: [{ fetchedAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, raw: true, fetchedAt: true, client: { select: { id: true, name: true } } },
    }),
    db.pluginConfigSnapshot.count({ where }),
  ]);
  return {
    needs: rows.map((row) => {
      const rejected = storedConfig(row.raw).whatsappBusinessAccounts
        .filter((w) => w.account_review_status === "REJECTED")
        .map((w) => w.name ?? w.id);
      return need("review_rejected", row.client!, {
        what: `Meta rejected the review of ${rejected.length === 1 ? `the business account ${rejected[0]}` : `${rejected.length} business accounts (${rejected.join(", ")})`}`,
        at: row.fetchedAt,
        atIsStart: false,
        key: `review:${row.id}`,
      });
    }),
    total,
  };
}

async function namesDeclined(take: number): Promise<Found> {
  // Stored upper-cased (lib/data/snapshots.ts): the same test as isNameDeclined's.
  const where = { snapshot: latestOfActive, nameStatus: { in: [...DECLINED_NAME_STATUSES] } };
  const [rows, total] = await Promise.all([
    db.snapshotPhoneNumber.findMany({
      where,
      orderBy: [{ snapshot: { fetchedAt: "asc" } }, { id: "asc" }],
      take,
      select: {
        id: true,
        displayPhoneNumber: true,
        verifiedName: true,
        snapshot: { select: { fetchedAt: true, client: { select: { id: true, name: true } } } },
      },
    }),
    db.snapshotPhoneNumber.count({ where }),
  ]);
  return {
    needs: rows.map((row) =>
      need("name_declined", row.snapshot.client!, {
        what: `Meta declined the display name${row.verifiedName ? ` “${row.verifiedName}”` : ""} of ${row.displayPhoneNumber || "a number"}`,
        at: row.snapshot.fetchedAt,
        atIsStart: false,
        key: `name:${row.id}`,
      }),
    ),
    total,
  };
}

/** A link that is still the client's current one: not revoked or replaced, not used. */
const currentLink = { revokedAt: null, usedAt: null, client: activeClient } as const;
const OUTCOME_TYPES = ["OPENED", "STARTED", "CONNECTED", "FAILED", "UNCONFIRMED"] as const;

/**
 * Links whose last step was a failure (or a signup without a result): a later start or a
 * connection settles it. The candidates are bounded; their last steps are read in one query.
 */
async function signupsFailed(take: number): Promise<Found> {
  const candidates = await db.onboardingLink.findMany({
    where: { ...currentLink, events: { some: { type: { in: ["FAILED", "UNCONFIRMED"] } } } },
    orderBy: { createdAt: "desc" },
    take: take * 5,
    select: { id: true, client: { select: { id: true, name: true } } },
  });
  if (candidates.length === 0) return { needs: [], total: 0 };
  const events = await db.onboardingLinkEvent.findMany({
    where: { linkId: { in: candidates.map((l) => l.id) }, type: { in: [...OUTCOME_TYPES] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { linkId: true, type: true, detail: true, createdAt: true },
  });
  const needs: Need[] = [];
  for (const link of candidates) {
    const last = events.find((e) => e.linkId === link.id && e.type !== "OPENED");
    if (!last || (last.type !== "FAILED" && last.type !== "UNCONFIRMED")) continue;
    const detail = last.detail?.trim().replace(/\.+$/, "");
    needs.push(
      need("signup_failed", link.client, {
        what:
          last.type === "FAILED"
            ? `The WhatsApp signup failed${detail ? `: ${detail}` : ""}`
            : "The WhatsApp signup gave no result in time",
        at: last.createdAt,
        atIsStart: true,
        key: `link:${link.id}`,
      }),
    );
  }
  return { needs: needs.sort((a, b) => a.at.getTime() - b.at.getTime()).slice(0, take), total: needs.length };
}

/** How long a client's request (help, a new link) stays listed when nothing answers it. */
export const REQUEST_SHOWN_MS = 7 * DAY;

/**
 * What clients asked of the agency from their page: help ("I need help") or a new link. Listed
 * for REQUEST_SHOWN_MS, until the client has a link made after it, connects after it, or a
 * member marks it answered; one row per client, its latest request. `clientId`: that client's.
 */
async function clientRequests(take: number, now: Date, clientId?: string): Promise<Found> {
  const since = new Date(now.getTime() - REQUEST_SHOWN_MS);
  const client = { select: { id: true, name: true } } as const;
  const ofClient = clientId ? { ...activeClient, id: clientId } : activeClient;
  const [help, asked] = await Promise.all([
    db.onboardingLinkEvent.findMany({
      where: { type: "HELP_REQUESTED", createdAt: { gte: since }, link: { client: ofClient } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: take * 5,
      select: { detail: true, createdAt: true, link: { select: { client } } },
    }),
    db.auditLog.findMany({
      where: { action: "link.new_requested", createdAt: { gte: since }, client: ofClient },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: take * 5,
      select: { metadata: true, createdAt: true, client },
    }),
  ]);
  const latest = new Map<string, Need>();
  const keep = (found: Need) => {
    const had = latest.get(found.clientId);
    if (!had || had.at < found.at) latest.set(found.clientId, found);
  };
  for (const event of help) {
    keep(
      need("help_asked", event.link.client, {
        what: `Asked for help: ${quotedHelp(event.detail)}`,
        at: event.createdAt,
        atIsStart: true,
        key: "",
      }),
    );
  }
  for (const entry of asked) {
    if (!entry.client) continue;
    const reason = (entry.metadata as { reason?: unknown } | null)?.reason;
    keep(
      need("link_asked", entry.client, {
        what:
          reason === "connection_removed"
            ? "Asked for a new link: its WhatsApp connection was removed"
            : reason === "replaced_address"
              ? "Asked for a new link from an earlier address, since replaced"
              : "Asked for a new link: theirs had stopped working",
        at: entry.createdAt,
        atIsStart: true,
        key: "",
      }),
    );
  }
  if (latest.size === 0) return { needs: [], total: 0 };
  // Answered: a link made, a connection, or a member's "Mark answered", after the request.
  const oldest = new Date(Math.min(...[...latest.values()].map((n) => n.at.getTime())));
  const clientIds = [...latest.keys()];
  const [answers, marked] = await Promise.all([
    db.onboardingLink.findMany({
      where: { clientId: { in: clientIds }, OR: [{ createdAt: { gt: oldest } }, { usedAt: { gt: oldest } }] },
      select: { clientId: true, createdAt: true, usedAt: true },
    }),
    db.auditLog.findMany({
      where: { action: REQUEST_ANSWERED, clientId: { in: clientIds }, createdAt: { gt: oldest } },
      select: { clientId: true, createdAt: true },
    }),
  ]);
  const open = [...latest.values()].filter(
    (request) =>
      !answers.some(
        (link) =>
          link.clientId === request.clientId &&
          (link.createdAt > request.at || (link.usedAt !== null && link.usedAt > request.at)),
      ) && !marked.some((mark) => mark.clientId === request.clientId && mark.createdAt > request.at),
  );
  const needs = open
    .map((request) => ({ ...request, key: `asked:${request.clientId}` }))
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  return { needs: needs.slice(0, take), total: needs.length };
}

/** The client's request still open (help, or a new link), as "Needs you now" lists it; or null. */
export async function openClientRequest(clientId: string, now = new Date()): Promise<Need | null> {
  return (await clientRequests(1, now, clientId)).needs[0] ?? null;
}

async function linksExpiring(take: number, now: Date): Promise<Found> {
  const where = { ...currentLink, expiresAt: { gt: now, lte: new Date(now.getTime() + EXPIRY_WARNING_MS) } };
  const [rows, total] = await Promise.all([
    db.onboardingLink.findMany({
      where,
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, createdAt: true, expiresAt: true, client: { select: { id: true, name: true } } },
    }),
    db.onboardingLink.count({ where }),
  ]);
  return {
    needs: rows.map((link) =>
      need("link_expiring", link.client, {
        what: "Its onboarding link expires soon and was not used",
        at: link.createdAt,
        atIsStart: true,
        due: link.expiresAt,
        key: `link:${link.id}`,
      }),
    ),
    total,
  };
}

/** How long a link that expired unused stays listed, when no newer link has replaced it. */
export const EXPIRED_SHOWN_MS = 7 * DAY;

/**
 * The client's current link expired unused (a newer link would have replaced it), in the last
 * EXPIRED_SHOWN_MS: the client cannot connect until the agency sends another. Not for a client
 * connected meanwhile (through another link or a plugin mapped).
 */
async function linksExpired(take: number, now: Date): Promise<Found> {
  const where = {
    ...currentLink,
    client: { ...activeClient, onboardingStatus: { not: "CONNECTED" as const } },
    expiresAt: { lte: now, gt: new Date(now.getTime() - EXPIRED_SHOWN_MS) },
  };
  const [rows, total] = await Promise.all([
    db.onboardingLink.findMany({
      where,
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, expiresAt: true, client: { select: { id: true, name: true } } },
    }),
    db.onboardingLink.count({ where }),
  ]);
  return {
    needs: rows.map((link) =>
      need("link_expired", link.client, {
        what: "Its onboarding link expired unused: the client cannot connect without a new one",
        at: link.expiresAt,
        atIsStart: true,
        key: `link:${link.id}`,
      }),
    ),
    total,
  };
}

async function linksStalled(take: number, now: Date): Promise<Found> {
  const where = {
    ...currentLink,
    expiresAt: { gt: now },
    events: { some: { type: "OPENED" as const, createdAt: { lte: new Date(now.getTime() - STALL_MS) } } },
  };
  const [rows, total] = await Promise.all([
    db.onboardingLink.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        client: { select: { id: true, name: true } },
        events: { where: { type: "OPENED" }, orderBy: { createdAt: "asc" }, take: 1, select: { createdAt: true } },
      },
    }),
    db.onboardingLink.count({ where }),
  ]);
  return {
    needs: rows.map((link) =>
      need("link_stalled", link.client, {
        what: "Opened the onboarding link but did not finish",
        at: link.events[0]!.createdAt,
        atIsStart: true,
        key: `link:${link.id}`,
      }),
    ),
    total,
  };
}

async function neverInvited(take: number): Promise<Found> {
  const where = { ...activeClient, onboardingStatus: "NOT_INVITED" as const, onboardingLinks: { none: {} } };
  const [rows, total] = await Promise.all([
    db.client.findMany({
      where,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take,
      select: { id: true, name: true, createdAt: true },
    }),
    db.client.count({ where }),
  ]);
  return {
    needs: rows.map((c) =>
      need("never_invited", c, { what: "Never sent an onboarding link", at: c.createdAt, atIsStart: true, key: `client:${c.id}` }),
    ),
    total,
  };
}

// ---------------------------------------------------------------- the funnel

/** At most this many connections are read for the median and the weekly chart. */
const MAX_CONNECTIONS = 20_000;

/**
 * The links created in [from, to): how many reached each step (a later step counts as the
 * earlier ones too), the median time from creation to connection, and connections per week.
 */
export async function getFunnel({ from, to }: { from: Date; to: Date }) {
  const created = { createdAt: { gte: from, lt: to } };
  const reached = (types: ("OPENED" | "STARTED" | "CONNECTED")[]) => ({
    ...created,
    OR: [{ usedAt: { not: null } }, { events: { some: { type: { in: types } } } }],
  });
  const [sent, opened, started, connectedLinks, connections] = await Promise.all([
    db.onboardingLink.count({ where: created }),
    db.onboardingLink.count({ where: reached(["OPENED", "STARTED", "CONNECTED"]) }),
    db.onboardingLink.count({ where: reached(["STARTED", "CONNECTED"]) }),
    db.onboardingLink.findMany({
      where: { ...created, usedAt: { not: null } },
      select: { createdAt: true, usedAt: true },
      take: MAX_CONNECTIONS,
    }),
    db.onboardingLink.findMany({
      where: { usedAt: { gte: from, lt: to } },
      select: { usedAt: true },
      orderBy: { usedAt: "asc" },
      take: MAX_CONNECTIONS,
    }),
  ]);
  const counts: FunnelCounts = { sent, opened, started, connected: connectedLinks.length };
  return {
    counts,
    medianToConnectMs: median(connectedLinks.map((l) => l.usedAt!.getTime() - l.createdAt.getTime())),
    weeks: weeklyBuckets(
      from,
      to,
      connections.map((l) => l.usedAt!),
    ),
  };
}

// ---------------------------------------------------------------- recent activity

/** The last connections, failures, clients' requests, alerts and team changes, newest first. */
export async function listActivity({ take = 12 }: { take?: number } = {}) {
  const [entries, failures] = await Promise.all([
    db.auditLog.findMany({
      where: { action: { in: [...ACTIVITY_ACTIONS] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        action: true,
        actorEmail: true,
        metadata: true,
        createdAt: true,
        client: { select: { id: true, name: true } },
      },
    }),
    db.onboardingLinkEvent.findMany({
      where: { type: { in: ["FAILED", "UNCONFIRMED", "HELP_REQUESTED"] } },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take,
      select: {
        id: true,
        type: true,
        detail: true,
        createdAt: true,
        link: { select: { client: { select: { id: true, name: true } } } },
      },
    }),
  ]);
  return mergeActivity(
    [
      entries.map(activityFromAudit),
      failures.map((e) =>
        activityFromLinkEvent({
          id: e.id,
          type: e.type as "FAILED" | "UNCONFIRMED" | "HELP_REQUESTED",
          detail: e.detail,
          createdAt: e.createdAt,
          client: e.link.client,
        }),
      ),
    ],
    take,
  );
}
