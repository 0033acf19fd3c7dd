import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Notice } from "@/components/ui/notice";
import { listOutbox } from "@/lib/data/outbox";
import { usesOutbox } from "@/lib/email/mailer";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Outbox (development)" };

export default async function OutboxPage() {
  if (env.isProduction) notFound();
  const messages = await listOutbox();
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Outbox</h1>
        <p className="mt-1 text-slate-600">
          Development only: with no <code className="font-mono text-sm">SMTP_URL</code>, emails are kept here instead of
          being sent. Newest first.
        </p>
        <p className="mt-2">
          <Link href="/dev/outbox/previews" className="font-medium text-teal-700 underline underline-offset-4">
            Previews of every email
          </Link>{" "}
          <span className="text-slate-600">with sample data.</span>
        </p>
      </div>
      {usesOutbox() ? null : (
        <Notice tone="info">SMTP_URL is set, so new emails go to the mail server; older ones stay listed here.</Notice>
      )}
      {messages.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-600">
          No emails yet. Ask for a sign-in link on the{" "}
          <Link href="/sign-in" className="font-medium text-teal-700 underline underline-offset-4">
            sign-in page
          </Link>
          .
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
          {messages.map((m) => (
            <li key={m.id}>
              <Link
                href={`/dev/outbox/${m.id}`}
                className="flex flex-col gap-0.5 p-4 hover:bg-slate-50 focus-visible:outline-3 focus-visible:outline-teal-500"
              >
                <span className="font-medium">{m.subject}</span>
                <span className="text-sm break-all text-slate-600">
                  To {m.to} · {formatDateTime(m.createdAt)}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
