import { notFound } from "next/navigation";
import { MEMBER_FONTS } from "@/components/fonts";
import { env } from "@/lib/env";
import "../globals.css";

/** Development tools: they do not exist in production. */
export default function DevLayout({ children }: { children: React.ReactNode }) {
  if (env.isProduction) notFound();
  return <main className={`${MEMBER_FONTS} mx-auto w-full max-w-4xl px-4 py-8 sm:px-6`}>{children}</main>;
}
