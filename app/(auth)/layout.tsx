import Link from "next/link";
import { connection } from "next/server";
import { SIGNED_OUT_FONTS } from "@/components/fonts";
import { getAgencyBranding } from "@/lib/data/agency";
import "../globals.css";
import { readableOnWhite } from "@/lib/brand-color";

/** The signed-out pages: one narrow card, the agency's name above it. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  await connection(); // the branding is read per request, never while `next build` prerenders
  const agency = await getAgencyBranding();
  return (
    <main
      className={`${SIGNED_OUT_FONTS} mx-auto flex min-h-dvh w-full max-w-md flex-col justify-center gap-6 px-4 py-10`}
    >
      <Link href="/" className="text-sm font-semibold" style={{ color: readableOnWhite(agency.brandColor) }}>
        {agency.name} · Partner Onboarding
      </Link>
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm sm:p-8">{children}</div>
    </main>
  );
}
