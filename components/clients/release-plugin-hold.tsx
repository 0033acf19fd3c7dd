"use client";

import { useActionState, useId, useRef, useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { Button, SubmitButton } from "@/components/ui/button";
import { releasePluginHoldAction } from "@/lib/actions/clients";

/**
 * Releases the hold on new plugins: a dialog where the admin confirms that ChakraHQ shows no
 * plugin with the reference the lost request used.
 */
export function ReleasePluginHold({ clientId, reference }: { clientId: string; reference: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [confirmed, setConfirmed] = useState(false);
  const [state, action] = useActionState(releasePluginHoldAction, null);
  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        Release the hold
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={action} className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            Release the hold on new plugins?
          </h2>
          <p className="text-sm text-slate-700">
            The next time the client connects, ChakraHQ is asked for a new plugin. If ChakraHQ already created one with
            the reference <code className="font-mono break-all">{reference}</code>, the client then has two: map that
            one instead (edit the client and paste its plugin id).
          </p>
          <input type="hidden" name="id" value={clientId} />
          <input type="hidden" name="reference" value={reference} />
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              name="confirm"
              className="mt-0.5 size-4"
              checked={confirmed}
              onChange={(e) => setConfirmed(e.target.checked)}
            />
            <span>
              I searched ChakraHQ&apos;s dashboard for <code className="font-mono break-all">{reference}</code> and
              found no plugin.
            </span>
          </label>
          {state && !state.ok ? <ActionMessage state={state} /> : null}
          <div className="flex flex-wrap-reverse justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <SubmitButton variant="danger" disabled={!confirmed} pendingLabel="Releasing…">
              Release the hold
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
