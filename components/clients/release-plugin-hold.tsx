"use client";

import { useState } from "react";
import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { releasePluginHoldAction } from "@/lib/actions/clients";

/**
 * Releases the hold on new plugins: a dialog where the admin confirms that ChakraHQ shows no
 * plugin with the reference the lost request used.
 */
export function ReleasePluginHold({ clientId, reference }: { clientId: string; reference: string }) {
  const [confirmed, setConfirmed] = useState(false);
  return (
    <ConfirmActionForm
      trigger="Release the hold"
      title="Release the hold on new plugins?"
      description={
        <p>
          The next time the client connects, ChakraHQ is asked for a new plugin. If ChakraHQ already created one with
          the reference <code className="font-mono break-all">{reference}</code>, the client then has two: map that one
          instead (edit the client and paste its plugin id).
        </p>
      }
      action={releasePluginHoldAction}
      fields={{ id: clientId, reference }}
      confirmLabel="Release the hold"
      pendingLabel="Releasing…"
      canConfirm={() => confirmed}
    >
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          name="confirm"
          className="mt-0.5 size-4"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
        />
        <span>
          I searched ChakraHQ&apos;s dashboard for <code className="font-mono break-all">{reference}</code> and found no
          plugin.
        </span>
      </label>
    </ConfirmActionForm>
  );
}
