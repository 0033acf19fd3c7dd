import type { useRouter } from "next/navigation";
import type { Dispatch, RefObject, SetStateAction } from "react";
import { confirmOnboarding, reportOnboarding, reportSdkEvent, startOnboarding } from "@/lib/actions/onboarding";
import { LINK_CHANGED, refusalMessage } from "@/lib/onboarding/messages";
import { Notice } from "@/components/ui/notice";
import type { Phase } from "./connect-panel";
import type { useWords } from "./words";

/*
 * What "Connect WhatsApp" does once pressed: mint a connect token, load ChakraHQ's SDK, open the
 * signup and follow it, and the notices only a session leads to. Loaded by ./connect-panel.tsx when the button is first pressed (or
 * pointed at, or focused): the page's first load carries only the button and what it shows.
 */

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

/** The connect panel's state and words, handed to the session it opens. */
export type SessionContext = {
  token: string;
  sdkUrl: string;
  successPattern: string;
  agencyName: string;
  router: ReturnType<typeof useRouter>;
  t: ReturnType<typeof useWords<"connect">>;
  refusal: ReturnType<typeof useWords<"refusal">>;
  setPhase: Dispatch<SetStateAction<Phase>>;
  setWatching: Dispatch<SetStateAction<boolean>>;
  setOverdue: Dispatch<SetStateAction<boolean | null>>;
  container: RefObject<HTMLDivElement | null>;
  session: RefObject<{ destroy(): void } | null>;
  settled: RefObject<boolean>;
};

/** Mints a connect token (nothing is minted before the press) and opens ChakraHQ's signup in the panel. */
export async function openSession(ctx: SessionContext) {
  const { token, agencyName, router, t, setPhase, setWatching, setOverdue, session, settled } = ctx;
  session.current?.destroy();
  session.current = null;
  settled.current = false;
  setPhase({ name: "starting" });
  setWatching(false);
  setOverdue(null);
  const minted = await startOnboarding(token);
  if (!minted.ok) {
    const message = refusalMessage(minted, agencyName, ctx.refusal);
    if (minted.code === "held" || minted.code === "busy") return setPhase({ name: minted.code, message });
    if (LINK_CHANGED.has(minted.code)) router.refresh();
    return setPhase({ name: "error", message });
  }
  let sdk: Sdk;
  try {
    sdk = await loadSdk(ctx.sdkUrl);
  } catch {
    return setPhase({ name: "error", message: t("sdkNotLoaded") });
  }
  setPhase({ name: "signup" });
  setWatching(true);
  const success = new RegExp(ctx.successPattern, "i");
  const confirm = async () => {
    setPhase({ name: "confirming" });
    const result = await confirmOnboarding(token);
    if (result.ok) {
      setWatching(false);
      setPhase({ name: "connected", numbers: result.numbers });
      router.refresh(); // the page becomes the status page
    } else setPhase({ name: "checking" }); // the server keeps looking (the panel's watcher)
  };
  // A token is valid for an hour: after that, the next press mints a new one.
  const expiresIn = new Date(minted.expiresAt).getTime() - Date.now();
  const expiry = setTimeout(
    () => {
      if (settled.current) return;
      session.current?.destroy();
      setWatching(false);
      setPhase({ name: "error", message: t("timedOut") });
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
    if (!ctx.container.current) return;
    session.current = sdk.init({
      connectToken: minted.connectToken,
      container: ctx.container.current,
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
          setPhase({ name: "error", message: t("notCompleted"), detail: error?.message || undefined });
        });
      },
    });
  });
}

/**
 * The panel's notices that only an open session leads to: the signup closed, the account held
 * by the agency, another attempt under way, or a success ChakraHQ does not show.
 */
export function SessionNotice({
  phase,
  unconfirmed,
  agencyName,
  t,
}: {
  phase: Phase;
  /** The SDK said success, ChakraHQ showed nothing, and the server stopped looking. */
  unconfirmed: boolean;
  agencyName: string;
  t: SessionContext["t"];
}) {
  return (
    <>
      {unconfirmed ? (
        <Notice tone="warning" title={t("unconfirmedTitle")}>
          {t("unconfirmedText", { agency: agencyName })}
        </Notice>
      ) : null}
      {phase.name === "cancelled" ? (
        <Notice tone="warning" role="alert" title={t("cancelledTitle")}>
          {t("cancelledText")}
        </Notice>
      ) : null}
      {phase.name === "held" ? (
        <Notice tone="info" title={t("heldTitle")}>
          <p className="break-words">{phase.message}</p>
        </Notice>
      ) : null}
      {phase.name === "busy" ? (
        <Notice tone="warning" title={t("busyTitle")}>
          <p className="break-words">{phase.message}</p>
        </Notice>
      ) : null}
    </>
  );
}
