"use client";

import { useWords } from "./words";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import {
  checkOnboarding,
  confirmOnboarding,
  markLinkOpened,
  reportOnboarding,
  reportSdkEvent,
  startOnboarding,
} from "@/lib/actions/onboarding";
import { refusalMessage, type LinkRefusal } from "@/lib/onboarding/messages";

/** Refusals that mean the link itself changed: the page is reloaded to show its new state. */
const LINK_CHANGED = new Set<LinkRefusal["code"]>(["expired", "revoked", "connected"]);

type Sdk = {
  init(options: {
    connectToken: string;
    container: HTMLElement;
    onReady?: () => void;
    onMessage?: (event: string, data: unknown) => void;
    onSuccess?: (data: unknown) => void;
    onError?: (error: { message?: string }) => void;
  }): { destroy(): void };
};

// Augmenting Window needs an interface.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
declare global {
  interface Window {
    ChakraWhatsappConnect?: Sdk;
  }
}
/* eslint-enable @typescript-eslint/consistent-type-definitions */

type Phase =
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
  | { name: "error"; message: string };

/** How often the page asks the server to look at ChakraHQ while a signup is open. */
const CHECK_EVERY_MS = 5_000;

/** Loads ChakraHQ's SDK script once; resolves with the global it defines. */
function loadSdk(url: string): Promise<Sdk> {
  if (window.ChakraWhatsappConnect) return Promise.resolve(window.ChakraWhatsappConnect);
  return new Promise((resolve, reject) => {
    const existing = document.querySelector<HTMLScriptElement>(`script[data-chakra-sdk]`);
    const script = existing ?? Object.assign(document.createElement("script"), { src: url, async: true });
    script.dataset.chakraSdk = "";
    script.addEventListener("load", () =>
      window.ChakraWhatsappConnect ? resolve(window.ChakraWhatsappConnect) : reject(new Error("no SDK")),
    );
    script.addEventListener("error", () => reject(new Error("The WhatsApp signup could not be loaded.")));
    if (!existing) document.head.appendChild(script);
  });
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
  const success = new RegExp(successPattern, "i");
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

  const confirm = useCallback(async () => {
    setPhase({ name: "confirming" });
    const result = await confirmOnboarding(token);
    if (result.ok) {
      setWatching(false);
      setPhase({ name: "connected", numbers: result.numbers });
      router.refresh(); // the page becomes the status page
    } else setPhase({ name: "checking" }); // the server keeps looking (see the effect above)
  }, [router, token]);

  const starting = useRef(false);
  async function start() {
    // One signup session at a time, whatever is pressed how often.
    if (starting.current) return;
    starting.current = true;
    try {
      await openSession();
    } finally {
      starting.current = false;
    }
  }

  async function openSession() {
    session.current?.destroy();
    session.current = null;
    settled.current = false;
    setPhase({ name: "starting" });
    setWatching(false);
    setOverdue(null);
    const minted = await startOnboarding(token);
    if (!minted.ok) {
      const message = refusalMessage(minted, agencyName, refusal);
      if (minted.code === "held" || minted.code === "busy") return setPhase({ name: minted.code, message });
      if (LINK_CHANGED.has(minted.code)) router.refresh();
      return setPhase({ name: "error", message });
    }
    let sdk: Sdk;
    try {
      sdk = await loadSdk(sdkUrl);
    } catch {
      return setPhase({
        name: "error",
        message: t("sdkNotLoaded"),
      });
    }
    setPhase({ name: "signup" });
    setWatching(true);
    // A token is valid for an hour: after that, the next press mints a new one.
    const expiresIn = new Date(minted.expiresAt).getTime() - Date.now();
    const expiry = setTimeout(
      () => {
        if (settled.current) return;
        session.current?.destroy();
        setWatching(false);
        setPhase({
          name: "error",
          message: t("timedOut"),
        });
      },
      Math.max(0, expiresIn - 30_000),
    );
    const settle = (next: () => void) => {
      if (settled.current) return;
      settled.current = true;
      clearTimeout(expiry);
      next();
    };
    // Every event is kept raw on the server: the evidence when a signup ends unexpectedly.
    const report = (event: { callback: "message" | "success" | "error"; event?: string; data?: unknown }) =>
      void reportSdkEvent(token, event).catch(() => {});
    requestAnimationFrame(() => {
      if (!container.current) return;
      session.current = sdk.init({
        connectToken: minted.connectToken,
        container: container.current,
        onMessage: (event, data) => {
          report({ callback: "message", event, data });
          const status = (data as { status?: unknown } | null)?.status;
          if (success.test(event) || (typeof status === "string" && success.test(status))) settle(() => void confirm());
          else if (/cancel|close/i.test(event) || status === "cancelled") {
            // The server keeps looking for a while (an SDK may say "closed" after a signup it
            // finished): if ChakraHQ shows the account, this page still turns to connected.
            settle(() => {
              void reportOnboarding(token, { kind: "cancelled" });
              setPhase({ name: "cancelled" });
            });
          }
        },
        onSuccess: (data) => {
          report({ callback: "success", data });
          settle(() => void confirm());
        },
        onError: (error) => {
          report({ callback: "error", data: { message: error?.message } });
          settle(() => {
            // The server keeps Meta's or ChakraHQ's own words (English) for the agency.
            void reportOnboarding(token, { kind: "failed", message: error?.message || "The signup did not complete." });
            // The page's own sentence first, then Meta's or ChakraHQ's words as they came.
            setPhase({ name: "error", message: [t("notCompleted"), error?.message].filter(Boolean).join(" ") });
          });
        },
      });
    });
  }

  const busy = phase.name === "starting" || phase.name === "confirming";
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
            {t("checking")}
          </p>
        ) : null}
        {late ? (
          <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
            <p className="font-semibold">{t("lateTitle")}</p>
            <p className="mt-1">{t("lateText", { agency: agencyName })}</p>
          </div>
        ) : null}
        {unconfirmed ? (
          <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
            <p className="font-semibold">{t("unconfirmedTitle")}</p>
            <p className="mt-1">{t("unconfirmedText", { agency: agencyName })}</p>
          </div>
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
        {phase.name === "cancelled" ? (
          <div role="alert" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
            <p className="font-semibold">{t("cancelledTitle")}</p>
            <p className="mt-1">{t("cancelledText")}</p>
          </div>
        ) : null}
        {phase.name === "held" ? (
          <div role="status" className="rounded-lg border border-sky-200 bg-sky-50 p-4 text-sm text-sky-950">
            <p className="font-semibold">{t("heldTitle")}</p>
            <p className="mt-1 break-words">{phase.message}</p>
          </div>
        ) : null}
        {phase.name === "busy" ? (
          <div role="status" className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-950">
            <p className="font-semibold">{t("busyTitle")}</p>
            <p className="mt-1 break-words">{phase.message}</p>
          </div>
        ) : null}
        {phase.name === "error" ? (
          <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
            <p className="font-semibold">{t("errorTitle")}</p>
            <p className="mt-1 break-words">{phase.message}</p>
            <p className="mt-2">{t("errorHelp", { agency: agencyName })}</p>
          </div>
        ) : null}
      </div>
      {phase.name !== "signup" &&
      phase.name !== "connected" &&
      // Held: the agency tells the client when to come back (a reload shows the button again).
      phase.name !== "held" &&
      !(phase.name === "checking" && watching && !late) ? (
        <div>
          <Button onClick={() => void start()} disabled={busy} className="w-full sm:w-auto">
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
