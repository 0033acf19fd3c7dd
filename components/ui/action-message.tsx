"use client";

import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * The live region under a form: the action's outcome, read out when it changes. `problem`
 * marks a message as bad news although the action itself ran (a check that found errors).
 */
export function ActionMessage({
  state,
  problem,
  className = "min-h-5",
}: {
  state: ActionResult | null;
  problem?: boolean;
  /** Spacing: by default it keeps a line's height, so a message appearing moves nothing. */
  className?: string;
}) {
  const good = state?.ok && !problem;
  return (
    <p aria-live="polite" className={`text-sm ${className} ${good ? "text-emerald-700" : "text-red-700"}`}>
      {state?.message ?? ""}
    </p>
  );
}
