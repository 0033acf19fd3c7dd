import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { EMAIL_PREVIEWS, renderPreview } from "@/lib/email/messages";
import { env } from "@/lib/env";
import { EmailView } from "../../email-view";

export const metadata: Metadata = { title: "Email preview (development)" };

export default async function EmailPreviewPage({ params }: PageProps<"/dev/outbox/previews/[name]">) {
  if (env.isProduction) notFound();
  const { name } = await params;
  const email = await renderPreview(name);
  if (!email) notFound();
  const describe = EMAIL_PREVIEWS.find((p) => p.name === name)?.describe;
  return (
    <div className="flex flex-col gap-5">
      <Link href="/dev/outbox/previews" className="text-sm font-medium text-teal-700 underline underline-offset-4">
        ← All previews
      </Link>
      <div>
        <p className="text-sm text-slate-600">Preview with sample data: {describe}</p>
        <h1 dir="auto" className="text-xl font-semibold break-words">
          {email.subject}
        </h1>
      </div>
      <EmailView html={email.html} text={email.text} />
    </div>
  );
}
