import Link from "next/link";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Notice } from "@/components/ui/notice";
import { getCurrentUser } from "@/lib/auth/guards";
import { describeSignIn } from "@/lib/data/system";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: PageProps<"/sign-in">) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : undefined;
  if (await getCurrentUser()) redirect("/dashboard");
  const setup = await describeSignIn();
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">
          For members of the agency&apos;s team. We email you a link; there is no password.
        </p>
      </div>
      {params.signedOut ? <Notice tone="success">You are signed out.</Notice> : null}
      <SignInForm callbackUrl={callbackUrl} defaultEmail={setup.demoOwnerEmail ?? undefined} />
      {setup.demoOwnerEmail ? (
        <Notice tone="warning" title="Demo mode">
          Sign in as the demo owner, <strong className="break-all">{setup.demoOwnerEmail}</strong>.
          {setup.outbox ? (
            <>
              {" "}
              Emails are not sent: read them in the{" "}
              <Link className="font-medium underline underline-offset-2" href="/dev/outbox">
                outbox
              </Link>
              .
            </>
          ) : null}
        </Notice>
      ) : null}
    </div>
  );
}
