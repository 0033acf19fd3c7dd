"use client";

import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * The live region under a form: the action's outcome, read out when it changes. `problem`
 * marks a message as bad news although the action itself ran (a check that found errors).
 */
export function ActionMessage({ state, problem }: { state: ActionResult | null; problem?: boolean }) {
  const good = state?.ok && !problem;
  return (
    <p aria-live="polite" className={`min-h-5 text-sm ${good ? "text-emerald-700" : "text-red-700"}`}>
      {state?.message ?? ""}
    </p>
  );
}
