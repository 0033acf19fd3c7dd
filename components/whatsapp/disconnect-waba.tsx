"use client";

import { useActionState, useId, useRef, useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { Button, SubmitButton } from "@/components/ui/button";
import { Input } from "@/components/ui/field";
import { disconnectWabaAction, type WriteState } from "@/lib/actions/whatsapp";

/** Disconnect a WABA: a dialog where the admin types the account's name to confirm. */
export function DisconnectWaba({ clientId, waba }: { clientId: string; waba: { id: string; name: string } }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [typed, setTyped] = useState("");
  const [state, action] = useActionState(disconnectWabaAction, null);
  const matches = typed.trim() === waba.name.trim();
  // Done while the page still shows the account (ChakraHQ could not be asked again): pressing again would only fail.
  const disconnected = (state as WriteState | null)?.outcome === "done";
  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        Disconnect
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={action} className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            Disconnect this WhatsApp Business Account?
          </h2>
          <p className="text-sm text-slate-700">
            ChakraHQ detaches <strong className="break-words">{waba.name}</strong> and its phone numbers from this
            client&apos;s plugin: messages stop flowing through it. Connecting it again takes a new signup by the
            client.
          </p>
          <input type="hidden" name="clientId" value={clientId} />
          <input type="hidden" name="wabaId" value={waba.id} />
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
          <ActionMessage state={state} />
          <div className="flex flex-wrap-reverse justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <SubmitButton variant="danger" disabled={!matches || disconnected} pendingLabel="Disconnecting…">
              Disconnect account
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
