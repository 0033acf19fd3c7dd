"use client";

import { useId, useRef, type ReactNode } from "react";
import { Button } from "./button";

/**
 * A button that opens a modal confirmation (native <dialog>: focus stays inside, Esc
 * closes). `children` is the confirming form, shown in the dialog.
 */
export function ConfirmDialog({
  trigger,
  title,
  description,
  children,
}: {
  trigger: string;
  title: string;
  description: ReactNode;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  return (
    <>
      <Button variant="secondary" onClick={() => dialog.current?.showModal()}>
        {trigger}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex flex-col gap-4 p-6">
          <h2 id={titleId} className="text-lg font-semibold">
            {title}
          </h2>
          <div className="text-sm text-slate-700">{description}</div>
          <div className="flex flex-wrap-reverse justify-end gap-2">
            <Button variant="secondary" onClick={() => dialog.current?.close()}>
              Cancel
            </Button>
            {children}
          </div>
        </div>
      </dialog>
    </>
  );
}
