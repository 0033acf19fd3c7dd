import type { ReactNode } from "react";

type Tone = "ok" | "error" | "pending";

const DOT: Record<Tone, string> = {
  ok: "bg-emerald-500",
  error: "bg-red-500",
  pending: "bg-slate-300 animate-pulse",
};

/** A labelled status with a coloured dot; the words carry the meaning, not the colour. */
export function StatusLine({ label, tone, children }: { label: string; tone: Tone; children: ReactNode }) {
  return (
    // dt and dd directly in the one div a <dl> allows around a group (the dot goes in the dt).
    <div className="py-3">
      <dt className="flex items-center gap-3 text-sm font-medium text-slate-900">
        <span aria-hidden className={`size-2.5 shrink-0 rounded-full ${DOT[tone]}`} />
        {label}
      </dt>
      <dd className="min-w-0 pl-5.5 text-sm break-words text-slate-600">{children}</dd>
    </div>
  );
}
