import "server-only";
import type { Prisma } from "../generated/prisma/sqlite/client";
import { db } from "../db";

type Tx = Prisma.TransactionClient;

/**
 * Every action the audit log records, one name per kind of event. The client's history
 * (lib/clients/history.ts) and the home page's activity (lib/home/activity.ts) word them.
 */
export type AuditAction =
  | "agency.updated"
  | "agency.sweep_interval"
  | "agency.nudges_updated"
  | "auth.sign_in"
  | "team.initial_owner"
  | "team.invite"
  | "team.invitation_accepted"
  | "team.invitation_revoked"
  | "team.role_changed"
  | "team.member_removed"
  | "client.created"
  | "client.imported"
  | "client.updated"
  | "client.archived"
  | "client.restored"
  | "client.plugin_mapped"
  | "client.plugin_changed"
  | "client.plugin_removed"
  | "client.plugin_requested"
  | "client.plugin_request_refused"
  | "client.plugin_created"
  | "client.plugin_orphaned"
  | "client.plugin_mint_unknown"
  | "client.plugin_hold_released"
  | "client.request_answered"
  | "link.created"
  | "link.sent"
  | "link.rotated"
  | "link.revoked"
  | "link.connected"
  | "link.new_requested"
  | "link.reminded"
  | "link.help_requested"
  | "whatsapp.refresh_all"
  | "whatsapp.plugin_not_found"
  | "whatsapp.number_status_changed"
  | "whatsapp.quality_dropped"
  | "whatsapp.webhooks_update_attempted"
  | "whatsapp.webhooks_updated"
  | "whatsapp.webhooks_update_failed"
  | "whatsapp.webhooks_update_unconfirmed"
  | "whatsapp.waba_disconnect_attempted"
  | "whatsapp.waba_disconnected"
  | "whatsapp.waba_disconnect_failed"
  | "whatsapp.waba_disconnect_unconfirmed"
  | "health.sweep_started"
  | "alert.opened"
  | "alert.cleared"
  | "alert.emailed";

export type AuditEntry = {
  actor: { id: string; email: string } | null;
  action: AuditAction;
  targetType: string;
  targetId?: string | null;
  clientId?: string | null;
  metadata?: Prisma.InputJsonValue;
};

/** Writes one audit log entry; pass `tx` to make it part of the change it records. Returns its id. */
export async function recordAudit(entry: AuditEntry, tx: Tx = db): Promise<string> {
  const created = await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      clientId: entry.clientId ?? null,
      metadata: entry.metadata,
    },
    select: { id: true },
  });
  return created.id;
}

/**
 * Gives an entry written before a call (an attempt) its outcome: the history then shows one
 * line per attempt, and an attempt whose process died stays on record as such.
 */
export async function settleAudit(
  id: string,
  { action, metadata }: { action: AuditAction; metadata: Prisma.InputJsonValue },
  tx: Tx = db,
): Promise<void> {
  await tx.auditLog.update({ where: { id }, data: { action, metadata } });
}
