"use client";

import type { ButtonHTMLAttributes, Ref } from "react";
import { useFormStatus } from "react-dom";
import { buttonClass, type Variant } from "./button-class";
import { useHydrated } from "./use-hydrated";

/**
 * A button. One that only works with JavaScript (type="button") stays disabled until the
 * page is hydrated, so an early press is never silently lost.
 */
export function Button({
  variant = "primary",
  className = "",
  type = "button",
  disabled,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; ref?: Ref<HTMLButtonElement> }) {
  const hydrated = useHydrated();
  return (
    <button
      type={type}
      disabled={disabled || (type === "button" && !hydrated)}
      className={buttonClass(variant, className)}
      {...props}
    />
  );
}

/**
 * A form's submit button: disabled, with a "working" label, while the form is pending
 * (from the form itself, or `pending` when the form submits through useFormAction).
 */
export function SubmitButton({
  children,
  pendingLabel,
  pending: pendingProp,
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; pendingLabel?: string; pending?: boolean }) {
  const status = useFormStatus();
  const pending = pendingProp ?? status.pending;
  return (
    <Button type="submit" disabled={pending || props.disabled} aria-disabled={pending} {...props}>
      {pending ? (pendingLabel ?? "Working…") : children}
    </Button>
  );
}
