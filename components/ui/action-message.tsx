"use client";

import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * The live region under a form: the action's outcome, read out when it changes. `problem`
 * marks a message as bad news although the action itself ran (a check that found errors).
 * `unsaved`: the form differs from what is saved. A refusal still shows; an earlier "Saved"
 * gives way to "Unsaved changes", so a page of several forms says which one holds an edit.
 */
export function ActionMessage({
  state,
  problem,
  unsaved,
  className = "min-h-5",
}: {
  state: ActionResult | null;
  problem?: boolean;
  unsaved?: boolean;
  /** Spacing: by default it keeps a line's height, so a message appearing moves nothing. */
  className?: string;
}) {
  if (unsaved && (!state || state.ok)) {
    return (
      <p aria-live="polite" className={`text-sm ${className} text-amber-800`}>
        Unsaved changes.
      </p>
    );
  }
  const good = state?.ok && !problem;
  return (
    <p aria-live="polite" className={`text-sm ${className} ${good ? "text-emerald-700" : "text-red-700"}`}>
      {state?.message ?? ""}
    </p>
  );
}
