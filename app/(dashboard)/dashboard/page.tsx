import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { SystemStatus, SystemStatusPending } from "@/components/home/system-status";
import { requireUser } from "@/lib/auth/guards";
import { ROLE_INFO } from "@/lib/auth/roles";
import { StatusBadge } from "@/components/clients/status-badge";
import { clientListHref } from "@/lib/clients/list-url";
import { CLIENT_FILTERS } from "@/lib/clients/status";
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
      <section aria-labelledby="clients-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
        <h2 id="clients-heading" className="font-semibold">
          Clients by stage
        </h2>
        <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {CLIENT_FILTERS.map((status) => (
            <li key={status}>
              <Link
                href={clientListHref({ status })}
                className="flex h-full flex-col gap-2 rounded-lg border border-slate-200 p-3 hover:bg-slate-50 focus-visible:outline-3 focus-visible:outline-teal-500"
              >
                <span className="text-2xl font-semibold tabular-nums">{clients[status]}</span>
                <StatusBadge status={status} />
              </Link>
            </li>
          ))}
        </ul>
      </section>
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
        <section aria-labelledby="status-heading" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="status-heading" className="font-semibold">
            System status
          </h2>
          <Suspense fallback={<SystemStatusPending />}>
            <SystemStatus />
          </Suspense>
        </section>
      </div>
    </div>
  );
}
