import type { Metadata } from "next";
import Link from "next/link";
import { StageCounts } from "@/components/clients/stage-counts";
import { SystemStatusSection } from "@/components/home/system-status";
import { requireUser } from "@/lib/auth/guards";
import { ROLE_INFO } from "@/lib/auth/roles";
import { countClientsByStatus } from "@/lib/data/clients";
import { countTeam } from "@/lib/data/team";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const user = await requireUser();
  const [team, clients] = await Promise.all([countTeam(), countClientsByStatus()]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="mt-1 text-slate-600">
          Signed in as {user.email}: {ROLE_INFO[user.role].description.toLowerCase()}.
        </p>
      </div>
      <StageCounts counts={clients} gridClassName="grid-cols-2 sm:grid-cols-3 lg:grid-cols-6" />
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="team-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="team-heading" className="font-semibold">
            Team
          </h2>
          <p className="mt-2 text-sm text-slate-600">
            {team.members} {team.members === 1 ? "member" : "members"}
            {team.invitations
              ? `, ${team.invitations} pending ${team.invitations === 1 ? "invitation" : "invitations"}`
              : ""}
            .
          </p>
          <Link
            href="/team"
            className="mt-3 inline-block text-sm font-medium text-teal-700 underline underline-offset-4"
          >
            See the team
          </Link>
        </section>
        <SystemStatusSection />
      </div>
    </div>
  );
}
