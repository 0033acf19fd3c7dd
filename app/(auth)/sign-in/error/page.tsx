import type { Metadata } from "next";
import { SignInForm } from "@/components/auth/sign-in-form";

export const metadata: Metadata = { title: "Sign-in link not valid" };

const MESSAGES: Record<string, { title: string; text: string }> = {
  Verification: {
    title: "This sign-in link no longer works",
    text: "Sign-in links work once and expire after a while. This one was already used or has expired, or the invitation it brought was withdrawn. Ask for a new one below; if none arrives, ask an owner of the team to invite you.",
  },
  AccessDenied: {
    title: "This address cannot sign in",
    text: "It is not, or no longer, a member of the team. Ask an owner of the team to invite you.",
  },
};

const FALLBACK = {
  title: "Sign-in did not work",
  text: "Something went wrong while signing you in. Ask for a new link below.",
};

export default async function SignInErrorPage({ searchParams }: PageProps<"/sign-in/error">) {
  const { error } = await searchParams;
  const message = (typeof error === "string" && MESSAGES[error]) || FALLBACK;
  return (
    <div className="flex flex-col gap-5">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{message.title}</h1>
        <p className="mt-2 text-slate-700">{message.text}</p>
      </div>
      <SignInForm />
    </div>
  );
}
