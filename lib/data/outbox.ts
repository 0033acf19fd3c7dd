import "server-only";
import { db } from "../db";

/** The newest locally kept emails (development outbox). */
export async function listOutbox({ take = 100 }: { take?: number } = {}) {
  return db.outboxMessage.findMany({
    orderBy: { createdAt: "desc" },
    take,
    select: { id: true, to: true, subject: true, createdAt: true },
  });
}

export async function getOutboxMessage(id: string) {
  return db.outboxMessage.findUnique({ where: { id } });
}
