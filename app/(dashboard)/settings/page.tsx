import type { Metadata } from "next";
import { AgencyForm } from "@/components/settings/agency-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";
import { getAgencyBranding, getDefaultLanguage } from "@/lib/data/agency";

export const metadata: Metadata = { title: "Agency settings" };

export default async function SettingsPage() {
  await requireUser("OWNER");
  const [agency, defaultLanguage] = await Promise.all([getAgencyBranding(), getDefaultLanguage()]);
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
    </div>
  );
}
