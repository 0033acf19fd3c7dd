import type { ReactNode } from "react";

type Tone = "info" | "success" | "warning" | "error";

const TONES: Record<Tone, string> = {
  info: "border-sky-200 bg-sky-50 text-sky-900",
  success: "border-emerald-200 bg-emerald-50 text-emerald-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-900",
};

/**
 * A boxed message. Errors are announced (role="alert"), others politely; `role` overrides that
 * for a warning that must interrupt (a signup the client cancelled).
 */
export function Notice({
  tone = "info",
  title,
  role = tone === "error" ? "alert" : "status",
  children,
}: {
  tone?: Tone;
  title?: string;
  role?: "alert" | "status";
  children?: ReactNode;
}) {
  return (
    <div role={role} className={`rounded-lg border px-4 py-3 text-sm ${TONES[tone]}`}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : ""}>{children}</div> : null}
    </div>
  );
}
