import type { Metadata } from "next";
import Link from "next/link";
import { Notice } from "@/components/ui/notice";
import { describeSignIn } from "@/lib/data/system";

export const metadata: Metadata = { title: "Check your inbox" };

// The same page for every address, member or not, so it reveals nobody's membership.
export default async function CheckEmailPage({ searchParams }: PageProps<"/sign-in/check-email">) {
  const { limited } = await searchParams;
  const { outbox } = await describeSignIn();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold tracking-tight">Check your inbox</h1>
      {limited ? (
        <Notice tone="warning" title="Too many links asked for">
          This address asked for several links in the last hour. Use the newest email you received, or try again later.
        </Notice>
      ) : (
        <p className="text-slate-700">
          If this address belongs to a member of the team, or has been invited, a sign-in link is on its way. It works
          once and expires after a day.
        </p>
      )}
      <p className="text-sm text-slate-600">
        Nothing arrived after a few minutes? Check the spam folder, or ask an owner of the team to invite you.
      </p>
      {outbox ? (
        <Notice tone="warning" title="Development: no emails are sent">
          Read them in the{" "}
          <Link className="font-medium underline underline-offset-2" href="/dev/outbox">
            outbox
          </Link>
          .
        </Notice>
      ) : null}
      <Link href="/sign-in" className="text-sm font-medium text-teal-700 underline underline-offset-4">
        Use another address
      </Link>
    </div>
  );
}
