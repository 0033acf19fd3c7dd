import type { Metadata } from "next";
import Link from "next/link";
import { ClientForm } from "@/components/clients/client-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  await requireUser("ADMIN");
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <Link href="/clients" className="text-sm font-medium text-teal-700 underline underline-offset-4">
          ← Clients
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">New client</h1>
        <p className="mt-1 text-slate-600">The business you will onboard onto WhatsApp, and who to send the link to.</p>
      </div>
      <Card className="sm:p-6">
        <ClientForm cancelHref="/clients" />
      </Card>
    </div>
  );
}
