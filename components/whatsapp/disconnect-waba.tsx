"use client";

import { useState } from "react";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { Input } from "@/components/ui/field";
import { disconnectWabaAction, type WriteState } from "@/lib/actions/whatsapp";

/** Disconnect a WABA: a dialog where the admin types the account's name to confirm. */
export function DisconnectWaba({ clientId, waba }: { clientId: string; waba: { id: string; name: string } }) {
  const [typed, setTyped] = useState("");
  const matches = typed.trim() === waba.name.trim();
  return (
    <ConfirmActionForm<WriteState>
      trigger="Disconnect"
      triggerLabel={`Disconnect ${waba.name}`}
      title="Disconnect this WhatsApp Business Account?"
      description={
        <p>
          ChakraHQ detaches <strong className="break-words">{waba.name}</strong>{" "}
          <span className="font-mono text-xs break-all text-slate-500">(WABA {waba.id})</span> and its phone numbers
          from this client&apos;s plugin: messages stop flowing through it. Connecting it again takes a new signup by
          the client.
        </p>
      }
      action={disconnectWabaAction}
      fields={{ clientId, wabaId: waba.id }}
      confirmLabel="Disconnect account"
      pendingLabel="Disconnecting…"
      // Done while the page still shows the account (ChakraHQ could not be asked again): pressing again would only fail.
      canConfirm={(state) => matches && state?.outcome !== "done"}
      // Its outcome may carry a caveat (done, but the page is stale): said in the dialog.
      keepOpen
      // A confirmation is typed each time the dialog opens, not remembered from a cancelled one.
      onClose={() => setTyped("")}
    >
      <label className="flex flex-col gap-1.5 text-sm">
        <span>
          Type <strong className="break-words">{waba.name}</strong> to confirm
        </span>
        <Input
          id={`confirm-${waba.id}`}
          name="confirmName"
          maxLength={500}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
        />
      </label>
    </ConfirmActionForm>
  );
}
