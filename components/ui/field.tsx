import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

const CONTROL =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-xs placeholder:text-slate-400 focus:border-teal-600 focus:outline-3 focus:outline-teal-500/30 aria-invalid:border-red-500 sm:text-sm";

/** A labelled control with its hint and errors, wired up for screen readers. */
export function Field({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-900">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, errors?: string[], hint?: boolean) =>
  [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

export function Input({
  id,
  errors,
  hasHint,
  className = "",
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { id: string; errors?: string[]; hasHint?: boolean }) {
  return (
    <input
      id={id}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={describedBy(id, errors, hasHint)}
      className={`${CONTROL} ${className}`}
      {...props}
    />
  );
}

export function Select({
  id,
  errors,
  className = "",
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { id: string; errors?: string[] }) {
  return (
    <select
      id={id}
      aria-invalid={errors?.length ? true : undefined}
      aria-describedby={describedBy(id, errors)}
      className={`${CONTROL} ${className}`}
      {...props}
    />
  );
}
