"use client";

import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { Notice } from "./notice";

type Outcome = {
  /** Says an action's outcome. */
  say: (message: string) => void;
  /** Moves the focus to it: for a control that leaves the page, taking the focus with it. */
  focus: () => void;
};
const OutcomeContext = createContext<Outcome | null>(null);

/**
 * Where the outcome of an action on a row is said once the row has gone: a disconnected account,
 * a removed member or a withdrawn invitation leaves the page with its button, its dialog and the
 * message beside them. ConfirmActionForm says its success here when it sits inside one. Shown
 * above `children`.
 */
export function OutcomeNotice({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState<string | null>(null);
  const notice = useRef<HTMLDivElement>(null);
  const outcome = useMemo<Outcome>(() => ({ say: setMessage, focus: () => notice.current?.focus() }), []);
  return (
    <OutcomeContext.Provider value={outcome}>
      {message ? (
        <div
          ref={notice}
          tabIndex={-1}
          className="mb-4 rounded-lg outline-none focus-visible:ring-2 focus-visible:ring-teal-600"
        >
          <Notice tone="success">{message}</Notice>
        </div>
      ) : null}
      {children}
    </OutcomeContext.Provider>
  );
}

/** The nearest OutcomeNotice, or null. */
export const useOutcomeNotice = () => useContext(OutcomeContext);
