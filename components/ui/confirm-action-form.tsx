"use client";

import { useActionState, useEffect, useId, useRef, type ReactNode } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";
import { ActionMessage } from "./action-message";
import { Button, SubmitButton } from "./button";
import { useOutcomeNotice } from "./outcome-notice";

/**
 * A destructive action behind a confirmation: a button opens a modal (native <dialog>: focus
 * stays inside, Esc closes) holding the form that runs `action`. `fields` go with it as hidden
 * inputs; `children` are extra confirmation inputs (a name to type, a box to tick), with
 * `canConfirm` saying when they are filled in. A refusal is said inside the dialog, next to
 * the button that caused it; on success the dialog closes, `onDone` runs, and the message is
 * said beside the trigger. `keepOpen`: the dialog stays open and says the outcome itself (a
 * success with a caveat the admin should read where they acted).
 */
export function ConfirmActionForm<R extends ActionResult>({
  trigger,
  triggerLabel,
  title,
  description,
  action,
  fields,
  confirmLabel,
  pendingLabel,
  children,
  canConfirm = () => true,
  onDone,
  onClose,
  keepOpen = false,
  confirmVariant = "danger",
  className = "",
}: {
  trigger: string;
  /** The trigger's name for screen readers where several alike share a page (its visible words first). */
  triggerLabel?: string;
  title: string;
  description: ReactNode;
  action: (previous: R | null, form: FormData) => Promise<R>;
  fields: Record<string, string>;
  confirmLabel: string;
  pendingLabel: string;
  children?: ReactNode;
  /** Whether the confirm button is enabled, from the last result (e.g. not again once done). */
  canConfirm?: (state: R | null) => boolean;
  onDone?: (result: R) => void;
  /** When the dialog closes (Cancel, Esc, or done): e.g. to forget a typed confirmation. */
  onClose?: () => void;
  keepOpen?: boolean;
  /** "primary" for a confirmation of something that destroys nothing (emails sent in bulk). */
  confirmVariant?: "danger" | "primary";
  /** The wrapper of the trigger and its message (its place in the parent's layout). */
  className?: string;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  // Inside an OutcomeNotice a success is said there too: the row this sits in may leave the page
  // with it (and with the focus, which then goes to the notice).
  const outcome = useOutcomeNotice();
  const done = useRef(false);
  useEffect(
    () => () => {
      if (done.current) outcome?.focus();
    },
    [outcome],
  );
  const [state, dispatch] = useActionState<R | null, FormData>(async (previous, form) => {
    const result = await action(previous, form);
    if (result.ok) {
      if (!keepOpen) dialog.current?.close();
      done.current = true;
      if (result.message) outcome?.say(result.message);
      onDone?.(result);
    }
    return result;
  }, null);
  return (
    <div className={`flex flex-wrap items-center ${className}`}>
      <Button variant="secondary" aria-label={triggerLabel} onClick={() => dialog.current?.showModal()}>
        {trigger}
      </Button>
      <ActionMessage state={state?.ok && !keepOpen && !outcome ? state : null} className="not-empty:ml-3" />
      <dialog
        ref={dialog}
        onClose={onClose}
        aria-labelledby={titleId}
        className="m-auto w-[min(30rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <form action={dispatch} className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="text-sm text-slate-700">{description}</div>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          {children}
          {/* Empty, it takes no room (its gap cancelled); it stays in the page as a live region. */}
          <ActionMessage state={state && (!state.ok || keepOpen) ? state : null} className="-mt-4 not-empty:mt-0" />
          <div className="flex flex-wrap-reverse justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            <SubmitButton variant={confirmVariant} disabled={!canConfirm(state)} pendingLabel={pendingLabel}>
              {confirmLabel}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </div>
  );
}
