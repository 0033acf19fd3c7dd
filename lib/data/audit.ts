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

/** Writes one audit log entry; pass `tx` to make it part of the change it records. */
export async function recordAudit(entry: AuditEntry, tx: Tx = db): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId ?? null,
      clientId: entry.clientId ?? null,
      metadata: entry.metadata,
    },
  });
}
