import type { Metadata } from "next";
import { InvitationActions } from "@/components/team/invitation-actions";
import { EmailPreferencesForm } from "@/components/team/email-preferences-form";
import { InviteForm } from "@/components/team/invite-form";
import { MemberActions } from "@/components/team/member-actions";
import { OutcomeNotice } from "@/components/ui/outcome-notice";
import { RoleBadge } from "@/components/ui/role-badge";
import { Card, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";
import { hasRole, ROLE_INFO, ROLES } from "@/lib/auth/roles";
import { getAlertPreference } from "@/lib/data/alerts";
import { getMemberPreferences } from "@/lib/data/digest";
import { listTeam } from "@/lib/data/team";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Team" };

export default async function TeamPage() {
  const user = await requireUser();
  const [{ members, invitations }, alerts, preferences] = await Promise.all([
    listTeam(),
    getAlertPreference(user.id),
    getMemberPreferences(user.id),
  ]);
  const sendsLinks = hasRole(user.role, "ADMIN");
  const isOwner = hasRole(user.role, "OWNER");
  const ownerCount = members.filter((m) => m.role === "OWNER").length;
  return (
    <div className="flex flex-col gap-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Team</h1>
        <p className="mt-1 text-slate-600">
          {isOwner
            ? "Invite colleagues and choose what each may do."
            : "The people who can sign in. Only owners change the team."}
        </p>
      </div>

      <Card id="your-emails" aria-labelledby="your-emails-heading" className="scroll-mt-20">
        <CardTitle id="your-emails-heading">Your emails</CardTitle>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          The health sweep checks every client&apos;s WhatsApp and emails you when something needs the agency: a number
          disconnected, quality or messaging limit down, a name or review rejected. Each problem is emailed once, until
          it is fixed and comes back.
        </p>
        {/* "Mine" saved by an admin who became a viewer reads as none: they send no links any more. */}
        <EmailPreferencesForm
          alerts={alerts === "MINE" && !sendsLinks ? "NONE" : alerts}
          weeklyDigest={preferences?.weeklyDigest ?? true}
          sendsLinks={sendsLinks}
        />
      </Card>

      {isOwner ? (
        <Card aria-labelledby="invite-heading">
          <CardTitle id="invite-heading" className="mb-4">
            Invite someone
          </CardTitle>
          <InviteForm />
        </Card>
      ) : null}

      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="mb-3 font-semibold">
          Members ({members.length})
        </h2>
        {/* A removed member's row leaves the page: the outcome is said above the list. */}
        <OutcomeNotice>
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
            {members.map((member) => (
              <li key={member.id} className="flex flex-col gap-3 p-4 md:flex-row md:items-center md:justify-between">
                <div className="min-w-0">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-all">{member.email}</span>
                    {member.id === user.id ? <span className="text-sm text-slate-500">(you)</span> : null}
                    <RoleBadge role={member.role} />
                  </p>
                  <p className="text-sm text-slate-500">Last signed in: {formatDateTime(member.lastSignInAt)}</p>
                </div>
                {!isOwner ? null : member.role === "OWNER" && ownerCount === 1 ? (
                  <p className="text-sm text-slate-500 md:max-w-60 md:text-right">
                    The only owner. To step down, make someone else an owner first.
                  </p>
                ) : (
                  <MemberActions member={member} self={member.id === user.id} />
                )}
              </li>
            ))}
          </ul>
        </OutcomeNotice>
      </section>

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading" className="mb-3 font-semibold">
          Pending invitations ({invitations.length})
        </h2>
        {invitations.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-600">
            No pending invitations.{isOwner ? " Invited people appear here until they first sign in." : ""}
          </p>
        ) : (
          <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
            {invitations.map((invitation) => {
              const expired = invitation.expiresAt < new Date();
              return (
                <li
                  key={invitation.id}
                  className="flex flex-col gap-3 p-4 md:flex-row md:items-center md:justify-between"
                >
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium break-all">{invitation.email}</span>
                      <RoleBadge role={invitation.role} />
                      {expired ? <span className="text-sm font-medium text-amber-700">expired</span> : null}
                    </p>
                    <p className="text-sm text-slate-500">
                      Invited {invitation.invitedBy ? `by ${invitation.invitedBy} ` : ""}on{" "}
                      {formatDateTime(invitation.createdAt)}
                      {expired ? "" : `; valid until ${formatDateTime(invitation.expiresAt)}`}
                    </p>
                  </div>
                  {isOwner ? <InvitationActions invitation={invitation} /> : null}
                </li>
              );
            })}
          </ul>
        )}
      </section>

      <section aria-labelledby="roles-heading" className="text-sm text-slate-600">
        <h2 id="roles-heading" className="mb-2 font-semibold text-slate-900">
          Roles
        </h2>
        <dl className="grid gap-1 sm:grid-cols-[8rem_1fr]">
          {ROLES.map((role) => (
            <div key={role} className="contents">
              <dt className="font-medium text-slate-800">{ROLE_INFO[role].label}</dt>
              <dd>{ROLE_INFO[role].description}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
