import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getOutboxMessage } from "@/lib/data/outbox";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Email (development outbox)" };

export default async function OutboxMessagePage({ params }: PageProps<"/dev/outbox/[id]">) {
  if (env.isProduction) notFound();
  const message = await getOutboxMessage((await params).id);
  if (!message) notFound();
  // Links open in the top window, so a sign-in link signs in this browser.
  const html = message.html.replace(/<head>/i, '<head><base target="_top">');
  return (
    <div className="flex flex-col gap-5">
      <Link href="/dev/outbox" className="text-sm font-medium text-teal-700 underline underline-offset-4">
        ← All emails
      </Link>
      <div>
        <h1 className="text-xl font-semibold break-words">{message.subject}</h1>
        <dl className="mt-2 grid grid-cols-[4rem_1fr] gap-x-2 text-sm text-slate-600">
          <dt>From</dt>
          <dd className="break-all">{message.from}</dd>
          <dt>To</dt>
          <dd className="break-all">{message.to}</dd>
          <dt>Date</dt>
          <dd>{formatDateTime(message.createdAt)}</dd>
        </dl>
      </div>
      <section aria-label="HTML version">
        {/* Sandboxed: the email's HTML runs no script, only its links work. */}
        <iframe
          title="Email (HTML version)"
          srcDoc={html}
          sandbox="allow-top-navigation-by-user-activation allow-popups"
          className="h-[32rem] w-full rounded-xl border border-slate-200 bg-white"
        />
      </section>
      <details className="rounded-xl border border-slate-200 bg-white p-4">
        <summary className="cursor-pointer font-medium">Plain-text version</summary>
        <pre className="mt-3 font-mono text-sm break-words whitespace-pre-wrap">{message.text}</pre>
      </details>
    </div>
  );
}
