import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  acceptInvitation,
  canSignIn,
  changeRole,
  DEMO_OWNER_EMAIL,
  ensureInitialOwner,
  inviteMember,
  listTeam,
  removeMember,
  revokeInvitation,
} from "@/lib/data/team";

let n = 0;
const email = (label: string) => `${label}-${Date.now()}-${n++}@team.test`;

/** A team of exactly these members (everything else cleared). */
async function team(...roles: ("OWNER" | "ADMIN" | "VIEWER")[]) {
  await db.session.deleteMany();
  await db.invitation.deleteMany();
  await db.auditLog.deleteMany();
  await db.user.deleteMany();
  return Promise.all(roles.map((role) => db.user.create({ data: { email: email(role.toLowerCase()), role } })));
}

const actorOf = (user: { id: string; email: string }) => ({ id: user.id, email: user.email });

beforeEach(async () => {
  await team();
});

describe("the first owner", () => {
  it("is the demo owner in development when nobody owns the team, once", async () => {
    await ensureInitialOwner();
    await ensureInitialOwner();
    expect(await db.user.findMany({ where: { role: "OWNER" }, select: { email: true } })).toEqual([
      { email: DEMO_OWNER_EMAIL },
    ]);
    expect(await db.auditLog.count({ where: { action: "team.initial_owner" } })).toBe(1);
  });

  it("is not created while the team has an owner", async () => {
    await team("OWNER");
    await ensureInitialOwner();
    expect(await db.user.count({ where: { email: DEMO_OWNER_EMAIL } })).toBe(0);
  });
});

describe("who may get a sign-in link", () => {
  it("members and pending invitees only", async () => {
    const [owner, removed] = await team("OWNER", "ADMIN");
    await db.user.update({ where: { id: removed!.id }, data: { removedAt: new Date() } });
    const invited = email("invited");
    const revoked = email("revoked");
    const expired = email("expired");
    await inviteMember({ actor: actorOf(owner!), email: invited, role: "VIEWER" });
    await inviteMember({ actor: actorOf(owner!), email: revoked, role: "VIEWER" });
    const toRevoke = await db.invitation.findUniqueOrThrow({ where: { email: revoked } });
    await revokeInvitation({ actor: actorOf(owner!), invitationId: toRevoke.id });
    await db.invitation.create({ data: { email: expired, role: "VIEWER", expiresAt: new Date(Date.now() - 1000) } });

    expect(await canSignIn(owner!.email)).toBe(true);
    expect(await canSignIn(invited)).toBe(true);
    expect(await canSignIn(removed!.email)).toBe(false);
    expect(await canSignIn(revoked)).toBe(false);
    expect(await canSignIn(expired)).toBe(false);
    expect(await canSignIn("stranger@team.test")).toBe(false);
  });
});

describe("invitations", () => {
  it("become a member with the invited role on first sign-in", async () => {
    const [owner] = await team("OWNER");
    const address = email("new");
    expect(await inviteMember({ actor: actorOf(owner!), email: address, role: "ADMIN" })).toEqual({ ok: true });
    const user = await acceptInvitation({ email: address });
    expect(user).toMatchObject({ email: address, role: "ADMIN", removedAt: null });
    expect((await db.invitation.findUniqueOrThrow({ where: { email: address } })).acceptedAt).not.toBeNull();
    expect(await acceptInvitation({ email: address })).toBeNull(); // used up
    const actions = (await db.auditLog.findMany({ orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["team.invite", "team.invitation_accepted"]);
  });

  it("sent again while pending say so, with the role it had", async () => {
    const [owner] = await team("OWNER");
    const address = email("again");
    expect(await inviteMember({ actor: actorOf(owner!), email: address, role: "VIEWER" })).toEqual({ ok: true });
    // The first email's sign-in link.
    const link = { identifier: address, expires: new Date(Date.now() + 86_400_000) };
    await db.verificationToken.create({ data: { ...link, token: `first-${address}` } });
    expect(await inviteMember({ actor: actorOf(owner!), email: address, role: "VIEWER" })).toEqual({
      ok: true,
      pending: { role: "VIEWER" },
    });
    // Same role: the first email still says the truth, and its link still works.
    expect(await db.verificationToken.count({ where: { identifier: address } })).toBe(1);
    expect(await inviteMember({ actor: actorOf(owner!), email: address, role: "ADMIN" })).toEqual({
      ok: true,
      pending: { role: "VIEWER" },
    });
    expect((await db.invitation.findUniqueOrThrow({ where: { email: address } })).role).toBe("ADMIN");
    // Another role: the earlier email, which says viewer, no longer signs anyone in.
    expect(await db.verificationToken.count({ where: { identifier: address } })).toBe(0);
    // Withdrawn, it is not pending any more: a new invitation.
    const invitation = await db.invitation.findUniqueOrThrow({ where: { email: address } });
    await revokeInvitation({ actor: actorOf(owner!), invitationId: invitation.id });
    expect(await inviteMember({ actor: actorOf(owner!), email: address, role: "ADMIN" })).toEqual({ ok: true });
  });

  it("bring a removed member back with the new role", async () => {
    const [owner, old] = await team("OWNER", "ADMIN");
    await removeMember({ actor: actorOf(owner!), userId: old!.id });
    await inviteMember({ actor: actorOf(owner!), email: old!.email, role: "VIEWER" });
    expect(await acceptInvitation({ email: old!.email })).toMatchObject({
      id: old!.id,
      role: "VIEWER",
      removedAt: null,
    });
  });

  it("are refused for someone already on the team", async () => {
    const [owner, admin] = await team("OWNER", "ADMIN");
    const result = await inviteMember({ actor: actorOf(owner!), email: admin!.email, role: "VIEWER" });
    const message = `${admin!.email} is already a member of the team.`;
    expect(result).toEqual({ ok: false, code: "FAILED", message, fieldErrors: { email: [message] } });
  });
});

describe("roles and removal", () => {
  it("the last owner can be neither demoted nor removed", async () => {
    const [owner] = await team("OWNER", "ADMIN");
    const message = "The team needs at least one owner: make someone else an owner first.";
    expect(await changeRole({ actor: actorOf(owner!), userId: owner!.id, role: "ADMIN" })).toEqual({
      ok: false,
      code: "FAILED",
      message,
    });
    expect(await removeMember({ actor: actorOf(owner!), userId: owner!.id })).toEqual({
      ok: false,
      code: "FAILED",
      message,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: owner!.id } })).toMatchObject({
      role: "OWNER",
      removedAt: null,
    });
  });

  it("two owners demoting each other at once leave one owner", async () => {
    const [a, b] = await team("OWNER", "OWNER");
    const results = await Promise.all([
      changeRole({ actor: actorOf(a!), userId: b!.id, role: "ADMIN" }),
      changeRole({ actor: actorOf(b!), userId: a!.id, role: "ADMIN" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.user.count({ where: { role: "OWNER", removedAt: null } })).toBe(1);
  });

  it("removing a member ends their sessions at once and is audited", async () => {
    const [owner, admin] = await team("OWNER", "ADMIN");
    await db.session.create({
      data: { sessionToken: `t-${n++}`, userId: admin!.id, expires: new Date(Date.now() + 3_600_000) },
    });
    expect(await removeMember({ actor: actorOf(owner!), userId: admin!.id })).toEqual({
      ok: true,
      email: admin!.email,
    });
    expect(await db.session.count({ where: { userId: admin!.id } })).toBe(0);
    expect((await listTeam()).members.map((m) => m.id)).toEqual([owner!.id]);
    expect(await db.auditLog.findFirst({ where: { action: "team.member_removed" } })).toMatchObject({
      actorId: owner!.id,
      targetId: admin!.id,
    });
  });

  it("role changes are audited with before and after", async () => {
    const [owner, viewer] = await team("OWNER", "VIEWER");
    await changeRole({ actor: actorOf(owner!), userId: viewer!.id, role: "ADMIN" });
    expect(await db.auditLog.findFirst({ where: { action: "team.role_changed" } })).toMatchObject({
      metadata: { from: "VIEWER", to: "ADMIN", email: viewer!.email },
    });
  });
});
