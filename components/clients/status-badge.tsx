import { STATUS_INFO, type ClientFilter } from "@/lib/clients/status";

/** A client's onboarding stage, with its meaning on hover and for screen readers. */
export function StatusBadge({ status }: { status: ClientFilter }) {
  const info = STATUS_INFO[status];
  return (
    <span
      title={info.description}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ${info.badge}`}
    >
      {info.label}
    </span>
  );
}
