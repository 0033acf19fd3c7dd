import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/clients/import-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";

export const metadata: Metadata = { title: "Import clients" };

export default async function ImportClientsPage() {
  await requireUser("ADMIN");
  return (
    <div className="flex max-w-5xl flex-col gap-6">
      <div>
        <Link href="/clients" className="text-sm font-medium text-teal-700 underline underline-offset-4">
          ← Clients
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Import clients</h1>
        <p className="mt-1 max-w-prose text-slate-600">
          New clients from a CSV file with the columns name, contactName, contactEmail and, if you have them,
          clientReferenceId (proposed from the name when empty), pluginId and notes. Every row is checked first; the
          import then adds all of them or none.
        </p>
      </div>
      <Card className="sm:p-6">
        <ImportForm />
      </Card>
    </div>
  );
}
