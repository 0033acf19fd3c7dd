import type { Metadata, Route } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ClientForm } from "@/components/clients/client-form";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/guards";
import { getClient } from "@/lib/data/clients/records";

export const metadata: Metadata = { title: "Edit client" };

export default async function EditClientPage({ params }: PageProps<"/clients/[id]/edit">) {
  await requireUser("ADMIN");
  const client = await getClient((await params).id);
  if (!client) notFound();
  const back = `/clients/${client.id}` as Route;
  return (
    <div className="flex max-w-3xl flex-col gap-6">
      <div>
        <Link href={back} className="text-sm font-medium text-teal-700 underline underline-offset-4">
          ← {client.name}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight break-words">Edit {client.name}</h1>
      </div>
      <Card className="sm:p-6">
        <ClientForm
          cancelHref={back}
          initial={{
            id: client.id,
            name: client.name,
            contactName: client.contactName,
            contactEmail: client.contactEmail,
            clientReferenceId: client.clientReferenceId,
            notes: client.notes,
            language: client.language ?? "",
            pluginId: client.pluginId ?? "",
          }}
        />
      </Card>
    </div>
  );
}
