import "server-only";
import type { Prisma } from "../generated/prisma/sqlite/client";
import { db } from "../db";

type Tx = Prisma.TransactionClient;

export type AuditEntry = {
  actor: { id: string; email: string } | null;
  /** "team.invite", "auth.sign_in", … */
  action: string;
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
  { action, metadata }: { action: string; metadata: Prisma.InputJsonValue },
  tx: Tx = db,
): Promise<void> {
  await tx.auditLog.update({ where: { id }, data: { action, metadata } });
}
