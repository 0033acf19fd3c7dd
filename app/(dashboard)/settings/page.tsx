import type { Metadata } from "next";
import { AgencyForm } from "@/components/settings/agency-form";
import { NudgeForm } from "@/components/settings/nudge-form";
import { Card, CardDescription, CardTitle } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";
import { getAgencyBranding, getDefaultLanguage, getNudgeSettings } from "@/lib/data/agency";

export const metadata: Metadata = { title: "Agency settings" };

export default async function SettingsPage() {
  await requireUser("OWNER");
  const [agency, defaultLanguage, nudges] = await Promise.all([
    getAgencyBranding(),
    getDefaultLanguage(),
    getNudgeSettings(),
  ]);
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Agency settings</h1>
        <p className="mt-1 text-slate-600">
          How your agency appears to clients: in emails and on their onboarding page.
        </p>
      </div>
      <Card className="sm:p-6">
        <AgencyForm initial={{ ...agency, defaultLanguage }} />
      </Card>
      <Card aria-labelledby="nudges-heading" className="sm:p-6">
        <CardTitle id="nudges-heading">Reminders</CardTitle>
        <CardDescription className="mb-4">
          Nudge clients who have not connected yet, and warn the team before a link runs out.
        </CardDescription>
        <NudgeForm initial={nudges} />
      </Card>
    </div>
  );
}
