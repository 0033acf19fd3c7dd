import "server-only";
import { env } from "../env";
import { db } from "../db";
import type { Role } from "../auth/roles";
import { fail, type Failure, type Result } from "../result";
import { recordAudit } from "./audit";

/** The owner that exists in development when INITIAL_ADMIN_EMAIL is not set. */
export const DEMO_OWNER_EMAIL = "owner@demo.test";

const INVITATION_DAYS = 7;

export type Actor = { id: string; email: string };
export type TeamResult = Result;

const activeInvitation = (email: string) => ({
  email,
  acceptedAt: null,
  revokedAt: null,
  expiresAt: { gt: new Date() },
});

/**
 * Makes INITIAL_ADMIN_EMAIL the owner while the team has none (the first start). In
 * development without it, the demo owner takes that place.
 */
export async function ensureInitialOwner(): Promise<void> {
  const email = env.INITIAL_ADMIN_EMAIL?.toLowerCase() ?? (env.isProduction ? null : DEMO_OWNER_EMAIL);
  if (!email) return;
  if ((await db.user.count({ where: { role: "OWNER", removedAt: null } })) > 0) return;
  const user = await db.user.upsert({
    where: { email },
    create: { email, role: "OWNER" },
    update: { role: "OWNER", removedAt: null },
    select: { id: true },
  });
  await recordAudit({ actor: null, action: "team.initial_owner", targetType: "user", targetId: user.id, metadata: { email } });
}

/** Whether this address may get a sign-in link: an active member, or a pending invitation. */
export async function canSignIn(email: string): Promise<boolean> {
  const [member, invitation] = await Promise.all([
    db.user.count({ where: { email, removedAt: null } }),
    db.invitation.count({ where: activeInvitation(email) }),
  ]);
  return member + invitation > 0;
}

/**
 * Turns a pending invitation into membership on first sign-in: creates the user with the
 * invited role, or restores a removed member with it. Returns null when there is none.
 */
export async function acceptInvitation(data: { email: string; name?: string | null; emailVerified?: Date | null }) {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: activeInvitation(data.email) });
    if (!invitation) return null;
    const user = await tx.user.upsert({
      where: { email: data.email },
      create: { email: data.email, name: data.name ?? null, emailVerified: data.emailVerified ?? null, role: invitation.role },
      update: { role: invitation.role, removedAt: null },
    });
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
    await recordAudit(
      { actor: { id: user.id, email: user.email }, action: "team.invitation_accepted", targetType: "user", targetId: user.id, metadata: { role: invitation.role } },
      tx,
    );
    return user;
  });
}

/** Notes a completed sign-in: the time on the member, and an audit entry. */
export async function recordSignIn(user: { id: string; email: string }): Promise<void> {
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAudit({ actor: user, action: "auth.sign_in", targetType: "user", targetId: user.id });
}

export type TeamMember = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  lastSignInAt: Date | null;
  createdAt: Date;
};

export type PendingInvitation = {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  createdAt: Date;
  invitedBy: string | null;
};

/** Active members (owners first) and pending invitations. */
export async function listTeam(): Promise<{ members: TeamMember[]; invitations: PendingInvitation[] }> {
  const [members, invitations] = await Promise.all([
    db.user.findMany({
      where: { removedAt: null },
      select: { id: true, email: true, name: true, role: true, lastSignInAt: true, createdAt: true },
      orderBy: [{ createdAt: "asc" }],
    }),
    db.invitation.findMany({
      where: { acceptedAt: null, revokedAt: null },
      select: { id: true, email: true, role: true, expiresAt: true, createdAt: true, invitedBy: { select: { email: true } } },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const order: Record<Role, number> = { OWNER: 0, ADMIN: 1, VIEWER: 2 };
  return {
    members: members.sort((a, b) => order[a.role] - order[b.role]),
    invitations: invitations.map(({ invitedBy, ...rest }) => ({ ...rest, invitedBy: invitedBy?.email ?? null })),
  };
}

/** Records (or renews) an invitation; the caller then sends the sign-in link. */
export async function inviteMember({
  actor,
  email,
  role,
}: {
  actor: Actor;
  email: string;
  role: Role;
}): Promise<TeamResult | { ok: true; pending: { role: Role } }> {
  const existing = await db.user.findUnique({ where: { email }, select: { removedAt: true } });
  if (existing && !existing.removedAt) {
    const message = `${email} is already a member of the team.`;
    return fail(message, { email: [message] });
  }
  return db.$transaction(async (tx) => {
    // An invitation still pending is sent again: the owner is told, and told if its role changes.
    const pending = await tx.invitation.findFirst({
      where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
      select: { role: true },
    });
    const data = {
      role,
      invitedById: actor.id,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
      acceptedAt: null,
      revokedAt: null,
    };
    const invitation = await tx.invitation.upsert({ where: { email }, create: { email, ...data }, update: data });
    // Sent again with another role: the earlier email's link, which names the old role, stops working.
    if (pending && pending.role !== role) await tx.verificationToken.deleteMany({ where: { identifier: email } });
    await recordAudit({ actor, action: "team.invite", targetType: "invitation", targetId: invitation.id, metadata: { email, role } }, tx);
    return pending ? { ok: true as const, pending } : { ok: true as const };
  });
}

/** Withdraws a pending invitation, and any sign-in link it had. */
export async function revokeInvitation({ actor, invitationId }: { actor: Actor; invitationId: string }): Promise<TeamResult> {
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, acceptedAt: null, revokedAt: null } });
    if (!invitation) return fail("This invitation was already accepted or withdrawn.");
    await tx.invitation.update({ where: { id: invitation.id }, data: { revokedAt: new Date() } });
    const member = await tx.user.count({ where: { email: invitation.email, removedAt: null } });
    if (member === 0) await tx.verificationToken.deleteMany({ where: { identifier: invitation.email } });
    await recordAudit({ actor, action: "team.invitation_revoked", targetType: "invitation", targetId: invitation.id, metadata: { email: invitation.email } }, tx);
    return { ok: true } as const;
  });
}

const LAST_OWNER = "The team needs at least one owner: make someone else an owner first.";

// Role changes and removals run serializable and check the owner count after the change,
// so two owners demoting each other at once cannot leave the team without one.

/** Gives a member another role; the last owner keeps theirs. */
export async function changeRole({ actor, userId, role }: { actor: Actor; userId: string; role: Role }): Promise<TeamResult> {
  return db.$transaction(
    async (tx) => {
      const member = await tx.user.findFirst({ where: { id: userId, removedAt: null }, select: { id: true, email: true, role: true } });
      if (!member) return fail("This person is no longer on the team.");
      if (member.role === role) return { ok: true } as const;
      await tx.user.update({ where: { id: member.id }, data: { role } });
      if ((await tx.user.count({ where: { role: "OWNER", removedAt: null } })) === 0) {
        throw new LastOwnerError();
      }
      await recordAudit(
        { actor, action: "team.role_changed", targetType: "user", targetId: member.id, metadata: { email: member.email, from: member.role, to: role } },
        tx,
      );
      return { ok: true } as const;
    },
    { isolationLevel: "Serializable" },
  ).catch(handleTeamError);
}

/** Removes a member: their sessions end at once; the last owner cannot be removed. */
export async function removeMember({ actor, userId }: { actor: Actor; userId: string }): Promise<Result<{ email: string }>> {
  return db.$transaction(
    async (tx) => {
      const member = await tx.user.findFirst({ where: { id: userId, removedAt: null }, select: { id: true, email: true, role: true } });
      if (!member) return fail("This person is no longer on the team.");
      await tx.user.update({ where: { id: member.id }, data: { removedAt: new Date() } });
      if ((await tx.user.count({ where: { role: "OWNER", removedAt: null } })) === 0) throw new LastOwnerError();
      await tx.session.deleteMany({ where: { userId: member.id } });
      await tx.verificationToken.deleteMany({ where: { identifier: member.email } });
      await tx.invitation.updateMany({ where: { email: member.email, acceptedAt: null, revokedAt: null }, data: { revokedAt: new Date() } });
      await recordAudit({ actor, action: "team.member_removed", targetType: "user", targetId: member.id, metadata: { email: member.email, role: member.role } }, tx);
      return { ok: true, email: member.email } as const;
    },
    { isolationLevel: "Serializable" },
  ).catch(handleTeamError);
}

class LastOwnerError extends Error {}

function handleTeamError(error: unknown): Failure {
  if (error instanceof LastOwnerError) return fail(LAST_OWNER);
  // A write conflict (PostgreSQL serialization failure; P2034, or the driver adapter's
  // TransactionWriteConflict): the transaction was rolled back, nothing was changed.
  if ((error as { code?: string }).code === "P2034" || /TransactionWriteConflict/.test(String(error))) {
    return fail("Someone else changed the team at the same time. Try again.");
  }
  throw error;
}

/** How many active members and pending invitations there are. */
export async function countTeam(): Promise<{ members: number; invitations: number }> {
  const [members, invitations] = await Promise.all([
    db.user.count({ where: { removedAt: null } }),
    db.invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
  ]);
  return { members, invitations };
}
