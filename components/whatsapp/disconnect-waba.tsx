"use client";

import { useEffect, useRef, useState } from "react";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { Input } from "@/components/ui/field";
import { disconnectWabaAction, type WriteState } from "@/lib/actions/whatsapp";
import { useDisconnectOutcome } from "./disconnect-outcome";

/** Disconnect a WABA: a dialog where the admin types the account's name to confirm. */
export function DisconnectWaba({ clientId, waba }: { clientId: string; waba: { id: string; name: string } }) {
  const [typed, setTyped] = useState("");
  const outcome = useDisconnectOutcome();
  // Disconnected, the account leaves the page with this dialog (and the focus in it): the
  // focus goes to the outcome said above the accounts.
  const done = useRef(false);
  useEffect(
    () => () => {
      if (done.current) outcome.focus();
    },
    [outcome],
  );
  const matches = typed.trim() === waba.name.trim();
  return (
    <ConfirmActionForm<WriteState>
      trigger="Disconnect"
      title="Disconnect this WhatsApp Business Account?"
      description={
        <p>
          ChakraHQ detaches <strong className="break-words">{waba.name}</strong> and its phone numbers from this
          client&apos;s plugin: messages stop flowing through it. Connecting it again takes a new signup by the client.
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
      // Said again outside the dialog: a disconnected account's section (and this dialog) leaves the page.
      onDone={(result) => {
        done.current = true;
        outcome.say(result.message ?? "Disconnected.");
      }}
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
