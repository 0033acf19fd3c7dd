import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getOutboxMessage } from "@/lib/data/outbox";
import { env } from "@/lib/env";
import { formatDateTime } from "@/lib/format";
import { EmailView } from "../email-view";

export const metadata: Metadata = { title: "Email (development outbox)" };

export default async function OutboxMessagePage({ params }: PageProps<"/dev/outbox/[id]">) {
  if (env.isProduction) notFound();
  const message = await getOutboxMessage((await params).id);
  if (!message) notFound();
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
      <EmailView html={message.html} text={message.text} />
    </div>
  );
}
