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
    <div className="flex items-start gap-3 py-3">
      <span aria-hidden className={`mt-1.5 size-2.5 shrink-0 rounded-full ${DOT[tone]}`} />
      <div className="min-w-0">
        <dt className="text-sm font-medium text-slate-900">{label}</dt>
        <dd className="text-sm break-words text-slate-600">{children}</dd>
      </div>
    </div>
  );
}
