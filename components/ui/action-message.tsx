"use client";

import type { ActionResult } from "@/lib/actions/safe-action";

/** The live region under a form: the action's outcome, read out when it changes. */
export function ActionMessage({ state }: { state: ActionResult | null }) {
  return (
    <p aria-live="polite" className={`min-h-5 text-sm ${state?.ok ? "text-emerald-700" : "text-red-700"}`}>
      {state?.message ?? ""}
    </p>
  );
}
