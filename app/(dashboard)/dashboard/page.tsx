import type { Metadata } from "next";
import Link from "next/link";
import { StageCounts } from "@/components/clients/stage-counts";
import { FirstRunSteps } from "@/components/home/first-run";
import { Funnel } from "@/components/home/funnel";
import { NeedsYou } from "@/components/home/needs-you";
import { RecentActivity } from "@/components/home/recent-activity";
import { SystemStatusSection } from "@/components/home/system-status";
import { Card, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";
import { hasRole, ROLE_INFO } from "@/lib/auth/roles";
import { countClientsByStatus } from "@/lib/data/clients/list";
import { getFirstRun, getFunnel, listActivity, listNeeds } from "@/lib/data/home";
import { countTeam } from "@/lib/data/team";
import { parseFunnelPeriod } from "@/lib/validations/home";

export const metadata: Metadata = { title: "Dashboard" };

/** "Clients, onboarding links and WhatsApp settings" as the end of a sentence: only its first letter lowered. */
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

export default async function DashboardPage({ searchParams }: PageProps<"/dashboard">) {
  const user = await requireUser();
  const now = new Date();
  const period = parseFunnelPeriod(await searchParams, now);
  const [firstRun, needs, funnel, activity, clients, team] = await Promise.all([
    getFirstRun(),
    listNeeds({ now }),
    getFunnel(period),
    listActivity(),
    countClientsByStatus(),
    countTeam(),
  ]);
  const canAct = hasRole(user.role, "ADMIN");
  const started = firstRun.brandSet && firstRun.clientAdded && firstRun.linkSent;
  const anyClient = Object.values(clients).some((n) => n > 0);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="mt-1 text-sm break-words text-slate-600">
          Signed in as {user.email} ({ROLE_INFO[user.role].label}): {lowerFirst(ROLE_INFO[user.role].description)}.
        </p>
      </div>
      {started ? null : <FirstRunSteps state={firstRun} isOwner={user.role === "OWNER"} canAct={canAct} />}
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 lg:col-span-2">
          <NeedsYou items={needs.items} total={needs.total} now={now} canAct={canAct} />
          <Funnel period={period} {...funnel} />
        </div>
        <div className="flex min-w-0 flex-col gap-6">
          <RecentActivity items={activity} now={now} />
          {anyClient ? <StageCounts counts={clients} gridClassName="grid-cols-2" /> : null}
          <Card aria-labelledby="team-heading">
            <CardTitle id="team-heading">Team</CardTitle>
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
          </Card>
          <SystemStatusSection />
        </div>
      </div>
    </div>
  );
}
