import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EMAIL_PREVIEWS } from "@/lib/email/messages";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Email previews (development)" };

export default function EmailPreviewsPage() {
  if (env.isProduction) notFound();
  return (
    <div className="flex flex-col gap-5">
      <Link href="/dev/outbox" className="text-sm font-medium text-teal-700 underline underline-offset-4">
        ← Outbox
      </Link>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Email previews</h1>
        <p className="mt-1 text-slate-600">
          Development only: every email the app sends, rendered with sample data in the shared layout (
          <code className="font-mono text-sm">lib/email</code>). Nothing is sent from here.
        </p>
      </div>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
        {EMAIL_PREVIEWS.map((preview) => (
          <li key={preview.name}>
            <Link
              href={`/dev/outbox/previews/${preview.name}`}
              className="flex flex-col gap-0.5 p-4 hover:bg-slate-50 focus-visible:outline-3 focus-visible:outline-teal-500"
            >
              <span className="font-medium">{preview.describe}</span>
              <span dir="auto" className="text-sm break-words text-slate-600">
                {preview.compose().subject}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
