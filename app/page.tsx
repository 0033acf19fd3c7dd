import Link from "next/link";
import { connection } from "next/server";
import { MEMBER_FONTS } from "@/components/fonts";
import { buttonClass } from "@/components/ui/button-class";
import { getCurrentUser } from "@/lib/auth/guards";
import { SystemStatusSection } from "@/components/home/system-status";
import { Card, CardTitle } from "@/components/ui/card";
import { StepList } from "@/components/ui/step-list";
import { getAgencyBranding } from "@/lib/data/agency";
import { describeSetup } from "@/lib/data/system";
import "./globals.css";
import { readableOnWhite } from "@/lib/brand-color";

const STEPS = [
  ["Add a client", "Record the business, its contact and, if it already has one, its ChakraHQ WhatsApp plugin."],
  ["Send the onboarding link", "The client gets an email with a private link, valid for a week."],
  [
    "The client connects WhatsApp",
    "On that page they log in with Facebook and verify their number through ChakraHQ's embedded signup.",
  ],
  [
    "Watch it go live",
    "Each client's WhatsApp Business Accounts and numbers, with their status and quality, in one dashboard.",
  ],
] as const;

export default async function HomePage() {
  await connection(); // rendered per request: branding and status come from the database
  const [agency, user, setup] = [await getAgencyBranding(), await getCurrentUser(), describeSetup()];
  return (
    <main className={`${MEMBER_FONTS} mx-auto flex w-full max-w-3xl flex-col gap-8 px-4 py-10 sm:px-6 sm:py-16`}>
      <header className="flex flex-col gap-2">
        <p className="text-sm font-medium" style={{ color: readableOnWhite(agency.brandColor) }}>
          {agency.name}
        </p>
        <h1 className="text-3xl font-semibold tracking-tight text-balance sm:text-4xl">Partner Onboarding</h1>
        <p className="max-w-prose text-slate-600">
          Bring your clients onto WhatsApp through ChakraHQ: one link per client, and a live view of every number you
          manage.
        </p>
        <div className="mt-2">
          <Link href={user ? "/dashboard" : "/sign-in"} className={buttonClass("primary")}>
            {user ? "Open the dashboard" : "Sign in"}
          </Link>
        </div>
      </header>

      {setup.demoMode ? (
        <section aria-labelledby="demo-heading" className="rounded-xl border border-amber-200 bg-amber-50 p-5">
          <h2 id="demo-heading" className="font-semibold text-amber-900">
            Demo mode: running against a fake ChakraHQ
          </h2>
          <p className="mt-2 text-sm text-amber-900/90">
            No <code className="rounded bg-amber-100 px-1 font-mono text-[0.85em]">CHAKRA_API_TOKEN</code> is set, so
            this app talks to the fake ChakraHQ that <code className="font-mono text-[0.85em]">npm run dev</code>{" "}
            started. Nothing reaches ChakraHQ or Meta: plugins, WhatsApp Business Accounts and phone numbers are
            simulated, and the signup window lets you pick a made-up business and number.
          </p>
          <p className="mt-2 text-sm text-amber-900/90">
            To work with your real ChakraHQ account, set{" "}
            <code className="font-mono text-[0.85em]">CHAKRA_API_TOKEN</code> (see{" "}
            <code className="font-mono text-[0.85em]">.env.example</code>) and restart.
          </p>
        </section>
      ) : null}

      <Card aria-labelledby="how-heading">
        <CardTitle id="how-heading">How onboarding works</CardTitle>
        <StepList steps={STEPS} className="mt-3" />
      </Card>

      {/* Members only: visitors cost nothing upstream and learn nothing of the infrastructure. */}
      {user ? <SystemStatusSection /> : null}
    </main>
  );
}
