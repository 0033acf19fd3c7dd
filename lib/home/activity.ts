import type { AuditAction } from "../data/audit";
import { describeHistory } from "../clients/history";

/*
 * "Recent activity" on the home page: what happened across clients and the team, one line
 * each. Pure: lib/data/home.ts reads the audit log and the links' failures.
 */

/** The audit actions the home page shows: connections, alerts, and team changes. */
export const ACTIVITY_ACTIONS = [
  "link.connected",
  "link.new_requested",
  "whatsapp.number_status_changed",
  "whatsapp.quality_dropped",
  "whatsapp.plugin_not_found",
  "client.plugin_mint_unknown",
  "team.invite",
  "team.invitation_accepted",
  "team.invitation_revoked",
  "team.role_changed",
  "team.member_removed",
] as const satisfies readonly AuditAction[];

export type ActivityTone = "good" | "bad" | "neutral";

export type Activity = {
  id: string;
  at: Date;
  text: string;
  tone: ActivityTone;
  /** Who did it: a member's address, "The client" or "ChakraHQ". */
  by: string;
  href: string | null;
  client: { id: string; name: string } | null;
};

const role = (value: unknown) => String(value ?? "").toLowerCase();

/** A team change in words; `actor` is who made it. */
function describeTeam(action: string, m: Record<string, unknown>, actor: string | null): string {
  switch (action) {
    case "team.invite":
      return `${String(m.email)} invited as ${role(m.role)}`;
    case "team.invitation_accepted":
      return `${actor ?? "Someone"} joined the team as ${role(m.role)}`;
    case "team.invitation_revoked":
      return `Invitation for ${String(m.email)} withdrawn`;
    case "team.role_changed":
      return `${String(m.email)} is now ${role(m.to)} (was ${role(m.from)})`;
    case "team.member_removed":
      return `${String(m.email)} removed from the team`;
    default:
      return action;
  }
}

const TONES: Record<string, ActivityTone> = {
  "link.connected": "good",
  "whatsapp.number_status_changed": "bad",
  "whatsapp.quality_dropped": "bad",
  "whatsapp.plugin_not_found": "bad",
  "client.plugin_mint_unknown": "bad",
};

/** A client's help message as a short quotation (the link's history keeps it whole). */
export function quotedHelp(detail: string | null): string {
  const text = (detail ?? "").replace(/\s+/g, " ").trim();
  return `“${text.length > 120 ? `${text.slice(0, 119)}…` : text}”`;
}

/** One audit entry as a line of the home page's activity. */
export function activityFromAudit(entry: {
  id: string;
  action: string;
  actorEmail: string | null;
  metadata: unknown;
  createdAt: Date;
  client: { id: string; name: string } | null;
}): Activity {
  const team = entry.action.startsWith("team.");
  const m = (entry.metadata ?? {}) as Record<string, unknown>;
  const text = team ? describeTeam(entry.action, m, entry.actorEmail) : describeHistory(entry.action, entry.metadata);
  return {
    id: `audit:${entry.id}`,
    at: entry.createdAt,
    text,
    tone: TONES[entry.action] ?? "neutral",
    by: entry.actorEmail ?? (entry.action.startsWith("link.") ? "The client" : "ChakraHQ"),
    href: team ? "/team" : entry.client ? `/clients/${entry.client.id}` : null,
    client: entry.client,
  };
}

/** A failed or unconfirmed signup, or a request for help (a link's event), as a line of the home page's activity. */
export function activityFromLinkEvent(event: {
  id: string;
  type: "FAILED" | "UNCONFIRMED" | "HELP_REQUESTED";
  detail: string | null;
  createdAt: Date;
  client: { id: string; name: string };
}): Activity {
  const detail = event.detail?.trim().replace(/\.+$/, "");
  if (event.type === "HELP_REQUESTED") {
    return {
      id: `event:${event.id}`,
      at: event.createdAt,
      text: `Asked for help: ${quotedHelp(event.detail)}`,
      tone: "neutral",
      by: "The client",
      href: `/clients/${event.client.id}#links`,
      client: event.client,
    };
  }
  return {
    id: `event:${event.id}`,
    at: event.createdAt,
    text:
      event.type === "FAILED"
        ? `Signup failed${detail ? `: ${detail}` : ""}`
        : `Signup without a result${detail ? `: ${detail}` : ""}`,
    tone: "bad",
    by: "The client",
    href: `/clients/${event.client.id}#links`,
    client: event.client,
  };
}

/** Both kinds of lines, newest first, at most `take`. */
export function mergeActivity(lists: Activity[][], take: number): Activity[] {
  return lists
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.id.localeCompare(b.id))
    .slice(0, take);
}
