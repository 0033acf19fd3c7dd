"use client";

import { useWords } from "./words";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { checkOnboarding, markLinkOpened } from "@/lib/actions/onboarding";
import { LINK_CHANGED } from "@/lib/onboarding/messages";
import type * as SessionCode from "./signup-session";

export type Phase =
  | { name: "idle" }
  | { name: "starting" }
  | { name: "signup" }
  | { name: "confirming" }
  /** The SDK said success but ChakraHQ showed nothing yet: the server keeps looking. */
  | { name: "checking" }
  | { name: "connected"; numbers: string[] }
  | { name: "cancelled" }
  /** held: the agency has to finish setting up the account; busy: another attempt is under way. */
  | { name: "held" | "busy"; message: string }
  /** detail: Meta's or ChakraHQ's own words, as they came (English, whatever the page's language). */
  | { name: "error"; message: string; detail?: string };

/** How often the page asks the server to look at ChakraHQ while a signup is open. */
const CHECK_EVERY_MS = 5_000;

/**
 * The code behind the button (./signup-session.ts), fetched once: when the button is pointed at,
 * focused or pressed, so that it is usually there by the time the press lands. A failed load
 * is forgotten, so the next press fetches it again.
 */
let sessionCode: Promise<typeof SessionCode> | null = null;
function loadSessionCode() {
  sessionCode ??= import("./signup-session").catch((error: unknown) => {
    sessionCode = null;
    throw error;
  });
  return sessionCode;
}

/**
 * The "Connect WhatsApp" area of the end client's page. Nothing is minted until the client
 * presses the button; a token older than its hour is replaced on the next attempt.
 */
export function ConnectPanel({
  token,
  sdkUrl,
  successPattern,
  agencyName,
  buttonLabel,
}: {
  token: string;
  sdkUrl: string;
  successPattern: string;
  agencyName: string;
  /** "Connect WhatsApp", or what the link's purpose asks ("Reconnect WhatsApp", …). */
  buttonLabel: string;
}) {
  const router = useRouter();
  const t = useWords("connect");
  const refusal = useWords("refusal");
  const [phase, setPhase] = useState<Phase>({ name: "idle" });
  const container = useRef<HTMLDivElement>(null);
  const session = useRef<{ destroy(): void } | null>(null);
  const settled = useRef(false);
  /**
   * While a signup is open the server compares ChakraHQ's configuration with what the plugin
   * held at the mint, so a connection is found even when the SDK's events are not recognised.
   * Also on arrival: a signup finished before a reload is found the same way.
   */
  const [watching, setWatching] = useState(true);
  /** null until the server answers "pending"; true once no result came in time. */
  const [overdue, setOverdue] = useState<boolean | null>(null);

  const opened = useRef(false);
  useEffect(() => {
    // Once per page view (effects run twice in development's strict mode).
    if (!opened.current) void markLinkOpened(token);
    opened.current = true;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the session open at unmount, not the one at mount
    return () => session.current?.destroy();
  }, [token]);

  useEffect(() => {
    if (!watching) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      const result = await checkOnboarding(token).catch(() => null);
      if (stopped) return;
      if (result?.ok && result.status === "connected") {
        settled.current = true;
        setWatching(false);
        setPhase({ name: "connected", numbers: result.numbers });
        return router.refresh(); // the page becomes the status page
      }
      if (result?.ok && result.status === "closed") return setWatching(false);
      if (result && !result.ok && (LINK_CHANGED.has(result.code) || result.code === "unknown")) {
        setWatching(false);
        return router.refresh();
      }
      // Pending, rate-limited or unreachable: ask again in a while.
      if (result?.ok) setOverdue(result.overdue);
      timer = setTimeout(() => void tick(), CHECK_EVERY_MS);
    };
    timer = setTimeout(() => void tick(), 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [watching, token, router]);

  const [code, setCode] = useState<typeof SessionCode | null>(null);
  const starting = useRef(false);
  async function start() {
    // One signup session at a time, whatever is pressed how often.
    if (starting.current) return;
    starting.current = true;
    // Said at once, while the code behind the button may still be on its way.
    setPhase({ name: "starting" });
    try {
      let loaded: typeof SessionCode;
      try {
        loaded = await loadSessionCode();
      } catch {
        // Nothing was minted: the button offers to try again.
        return setPhase({ name: "error", message: t("sdkNotLoaded") });
      }
      setCode(loaded);
      await loaded.openSession({
        token,
        sdkUrl,
        successPattern,
        agencyName,
        router,
        t,
        refusal,
        setPhase,
        setWatching,
        setOverdue,
        container,
        session,
        settled,
      });
    } finally {
      starting.current = false;
    }
  }

  const busy = phase.name === "starting" || phase.name === "confirming";
  // Back from the signup (cancelled, failed, not confirmed): the focus, left on the signup's
  // frame that has gone, comes back to the button ("Try again").
  const button = useRef<HTMLButtonElement>(null);
  const previous = useRef(phase.name);
  useEffect(() => {
    const was = previous.current;
    previous.current = phase.name;
    // Not on arrival, nor on the press itself: the focus is the person's until a signup ends.
    if (was === phase.name || was === "idle") return;
    const active = document.activeElement;
    if (active === null || active === document.body || container.current?.contains(active)) button.current?.focus();
  }, [phase.name]);
  const checking =
    (watching && (phase.name === "signup" || (phase.name === "idle" && overdue !== null))) || phase.name === "checking";
  // "Your agency has been told" only once the server said so (it emailed them).
  const late = checking && overdue === true;
  // The SDK said success, ChakraHQ showed nothing, and the server stopped looking.
  const unconfirmed = phase.name === "checking" && !watching && !late;
  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite" className="flex flex-col gap-3">
        {phase.name === "idle" ? <p className="text-slate-700">{t("ready")}</p> : null}
        {phase.name === "starting" ? <p className="text-slate-700">{t("starting")}</p> : null}
        {phase.name === "confirming" ? <p className="text-slate-700">{t("confirming")}</p> : null}
        {checking && !late && !unconfirmed ? (
          <p role="status" className="text-slate-700">
            {/* While Meta's steps are open, what to do there; after them, what the page does. */}
            {t(phase.name === "signup" ? "inSignup" : "checking")}
          </p>
        ) : null}
        {late ? (
          <Notice tone="warning" title={t("lateTitle")}>
            {t("lateText", { agency: agencyName })}
          </Notice>
        ) : null}
        {phase.name === "connected" ? (
          <p className="font-medium text-emerald-800">
            {phase.numbers.length
              ? t.rich("connectedNumbers", {
                  numbers: phase.numbers.join(", "),
                  ltr: (chunks) => <bdi dir="ltr">{chunks}</bdi>,
                })
              : t("connected")}
          </p>
        ) : null}
        {/* What only a session can lead to: its code is here by then. */}
        {code ? <code.SessionNotice phase={phase} unconfirmed={unconfirmed} agencyName={agencyName} t={t} /> : null}
        {phase.name === "error" ? (
          <Notice tone="error" title={t("errorTitle")}>
            <p className="break-words">{phase.message}</p>
            {phase.detail ? (
              // On its own line, named as the signup's words: they come in English whatever the
              // page's language, and in their own direction (inside Arabic, a full stop stays at
              // their own end).
              <p className="mt-1 break-words">
                {t.rich("errorDetail", {
                  detail: phase.detail,
                  src: (chunks) => <bdi dir="auto">{chunks}</bdi>,
                })}
              </p>
            ) : null}
            <p className="mt-2">{t("errorHelp", { agency: agencyName })}</p>
          </Notice>
        ) : null}
      </div>
      {phase.name !== "signup" &&
      phase.name !== "connected" &&
      // Held: the agency tells the client when to come back (a reload shows the button again).
      phase.name !== "held" &&
      !(phase.name === "checking" && watching && !late) ? (
        <div>
          <Button
            ref={button}
            // Not `disabled` while busy: a disabled button drops the keyboard's focus to the page
            // (start() takes one press at a time whatever is pressed).
            onClick={() => void (busy ? undefined : start())}
            onPointerEnter={() => void loadSessionCode().catch(() => {})}
            onFocus={() => void loadSessionCode().catch(() => {})}
            aria-disabled={busy}
            className={`w-full sm:w-auto ${busy ? "cursor-not-allowed bg-teal-700/60 hover:bg-teal-700/60" : ""}`}
          >
            {busy ? t("wait") : phase.name === "idle" ? buttonLabel : t("tryAgain")}
          </Button>
        </div>
      ) : null}
      <div
        ref={container}
        className={phase.name === "signup" ? "overflow-hidden rounded-xl border border-slate-200" : "hidden"}
      />
    </div>
  );
}
