/*
 * "Needs you now" on the home page: what kinds of thing need the agency, how urgent each is,
 * and the one action that resolves it. Pure: lib/data/home.ts finds the items, this ranks and
 * words them.
 */

/** The kinds, most urgent first: the order of this list is the order of the home page's list. */
export const NEED_KINDS = [
  // WhatsApp is not working for a client that had it.
  "number_down",
  "connection_gone",
  "plugin_missing",
  // A client tried and could not finish, or asked the agency; or is blocked until the agency acts.
  "signup_failed",
  "help_asked",
  "link_asked",
  "plugin_hold",
  // Meta refused something: the client cannot use WhatsApp fully until it is fixed.
  "review_rejected",
  "name_declined",
  // Time-bound: the link stops working soon.
  "link_expiring",
  "link_expired",
  // Stuck, but nothing breaks by waiting a little longer.
  "disconnected",
  "link_stalled",
  "never_invited",
] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

/** A short name for each kind, and how bad it is (the words carry the meaning, the colour repeats it). */
export const NEED_INFO: Record<NeedKind, { label: string; tone: "bad" | "warn" | "neutral" }> = {
  number_down: { label: "Number down", tone: "bad" },
  connection_gone: { label: "Connection gone", tone: "bad" },
  plugin_missing: { label: "Plugin unknown", tone: "bad" },
  signup_failed: { label: "Signup failed", tone: "bad" },
  help_asked: { label: "Asked for help", tone: "warn" },
  link_asked: { label: "Asked for a link", tone: "warn" },
  plugin_hold: { label: "Plugin on hold", tone: "warn" },
  review_rejected: { label: "Review rejected", tone: "bad" },
  name_declined: { label: "Name declined", tone: "warn" },
  link_expiring: { label: "Link expiring", tone: "warn" },
  link_expired: { label: "Link expired", tone: "warn" },
  disconnected: { label: "Disconnected", tone: "neutral" },
  link_stalled: { label: "Not finished", tone: "neutral" },
  never_invited: { label: "Not invited", tone: "neutral" },
};

export type Need = {
  kind: NeedKind;
  clientId: string;
  clientName: string;
  /** What happened, one sentence without the client's name. */
  what: string;
  /** When it started; `atIsStart` false when only the last report's time is known. */
  at: Date;
  atIsStart: boolean;
  /** When it stops working (an expiring link). */
  due?: Date;
  /** One row per thing: a link that both failed and expires soon is listed once, as its most urgent kind. */
  key: string;
};

type Action = { label: string; href: (clientId: string) => string };

const onClient = (anchor: string) => (id: string) => `/clients/${id}#${anchor}`;

/** The action that resolves each kind, for members who may act (admins and owners). */
const ACTIONS: Record<NeedKind, Action> = {
  number_down: { label: "Check the number", href: onClient("whatsapp") },
  connection_gone: { label: "Send a reconnect link", href: onClient("links") },
  plugin_missing: { label: "Map the right plugin", href: (id) => `/clients/${id}/edit` },
  signup_failed: { label: "Send a new link", href: onClient("links") },
  help_asked: { label: "Read the request", href: onClient("links") },
  link_asked: { label: "Send a new link", href: onClient("links") },
  plugin_hold: { label: "Settle the plugin", href: onClient("plugin") },
  review_rejected: { label: "See the account", href: onClient("whatsapp") },
  name_declined: { label: "See the number", href: onClient("whatsapp") },
  link_expiring: { label: "Send a new link", href: onClient("links") },
  link_expired: { label: "Send a new link", href: onClient("links") },
  disconnected: { label: "Send a reconnect link", href: onClient("links") },
  link_stalled: { label: "Send a reminder", href: onClient("links") },
  never_invited: { label: "Send a link", href: onClient("links") },
};

/** Where each kind is seen by a viewer, who may look but not act. */
const VIEW_ANCHOR: Record<NeedKind, string> = {
  number_down: "whatsapp",
  connection_gone: "whatsapp",
  plugin_missing: "plugin",
  signup_failed: "links",
  help_asked: "links",
  link_asked: "links",
  plugin_hold: "plugin",
  review_rejected: "whatsapp",
  name_declined: "whatsapp",
  link_expiring: "links",
  link_expired: "links",
  disconnected: "whatsapp",
  link_stalled: "links",
  never_invited: "links",
};

/** The row's action: the one that resolves it, or for a viewer a look at where it is. */
export function needAction(need: Pick<Need, "kind" | "clientId">, canAct: boolean): { label: string; href: string } {
  if (!canAct) return { label: "See it", href: `/clients/${need.clientId}#${VIEW_ANCHOR[need.kind]}` };
  const action = ACTIONS[need.kind];
  return { label: action.label, href: action.href(need.clientId) };
}

/**
 * Most urgent first: by kind (NEED_KINDS' order), then the link that expires first, then the
 * thing waiting longest. One row per key (its most urgent kind), at most `limit` rows.
 */
export function rankNeeds(needs: Need[], limit: number): Need[] {
  const rank = (kind: NeedKind) => NEED_KINDS.indexOf(kind);
  const sorted = [...needs].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0) ||
      a.at.getTime() - b.at.getTime() ||
      a.clientName.localeCompare(b.clientName) ||
      a.key.localeCompare(b.key),
  );
  const seen = new Set<string>();
  const ranked: Need[] = [];
  for (const need of sorted) {
    if (seen.has(need.key)) continue;
    seen.add(need.key);
    ranked.push(need);
  }
  return ranked.slice(0, limit);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "3 days", "5 hours", "12 minutes", "a moment": a span in its largest whole unit. */
export function formatSpan(ms: number): string {
  const span = Math.max(0, ms);
  if (span >= 2 * DAY) return plural(Math.floor(span / DAY), "day");
  if (span >= 2 * HOUR) return plural(Math.floor(span / HOUR), "hour");
  if (span >= MINUTE) return plural(Math.floor(span / MINUTE), "minute");
  return "a moment";
}

/** The row's time in words: "for 3 days", "reported 5 hours ago", "expires in 20 hours". */
export function describeWhen(need: Pick<Need, "at" | "atIsStart" | "due">, now: Date): string {
  if (need.due) {
    const left = need.due.getTime() - now.getTime();
    return left > 0 ? `expires in ${formatSpan(left)}` : "expired";
  }
  const ago = now.getTime() - need.at.getTime();
  if (!need.atIsStart) return ago < MINUTE ? "reported just now" : `reported ${formatSpan(ago)} ago`;
  return ago < MINUTE ? "just now" : `for ${formatSpan(ago)}`;
}
