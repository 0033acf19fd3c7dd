"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { archiveClientAction, restoreClientAction } from "@/lib/actions/clients";

/** Archive (behind a confirmation) or restore a client. */
export function ArchiveButton({ client }: { client: { id: string; name: string; archived: boolean } }) {
  const [restoreState, restore] = useActionState(restoreClientAction, null);
  if (client.archived) {
    return (
      <form action={restore} className="flex items-center gap-3">
        <input type="hidden" name="id" value={client.id} />
        <SubmitButton variant="secondary" pendingLabel="Restoring…">
          Restore
        </SubmitButton>
        <ActionMessage state={restoreState} />
      </form>
    );
  }
  return (
    <ConfirmActionForm
      trigger="Archive"
      title={`Archive ${client.name}?`}
      description="The client leaves the usual lists and its links stop being offered; nothing is deleted, and you can restore it at any time."
      action={archiveClientAction}
      fields={{ id: client.id }}
      confirmLabel="Archive client"
      pendingLabel="Archiving…"
    />
  );
}
