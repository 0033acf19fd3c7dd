"use client";

import { createContext, useContext, useMemo, useRef, useState, type ReactNode } from "react";
import { Notice } from "@/components/ui/notice";

type Outcome = {
  /** Says a disconnect's outcome. */
  say: (message: string) => void;
  /** Moves the focus to it: for a dialog that leaves the page, taking the focus with it. */
  focus: () => void;
};
const OutcomeContext = createContext<Outcome>({ say: () => {}, focus: () => {} });

/**
 * Where a disconnect's outcome is said once its dialog has gone: a disconnected account leaves
 * the page with its section, its dialog and the message in it. Shown above the accounts.
 */
export function DisconnectOutcome({ children }: { children: ReactNode }) {
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

/** The nearest DisconnectOutcome. */
export const useDisconnectOutcome = () => useContext(OutcomeContext);
