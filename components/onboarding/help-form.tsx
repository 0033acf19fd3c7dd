"use client";

import { useWords } from "./words";
import { useId, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { requestHelp } from "@/lib/actions/onboarding";
import { refusalMessage } from "@/lib/onboarding/messages";
import { HELP_ANCHOR } from "@/lib/onboarding/nudges";

const MIN = 3;
const MAX = 1000;

/**
 * "I need help": a short message to the agency, from the end client's page (reminder emails
 * link here, to #help). The server keeps it on the link's history and emails the admins.
 */
export function HelpForm({ token, agencyName }: { token: string; agencyName: string }) {
  const t = useWords("help");
  const refusal = useWords("refusal");
  const hydrated = useHydrated();
  const id = useId();
  const [message, setMessage] = useState("");
  const [state, setState] = useState<{ sending: boolean; sent?: boolean; error?: string }>({ sending: false });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = message.trim();
    if (text.length < MIN) return setState({ sending: false, error: t("tooShort") });
    if (text.length > MAX) return setState({ sending: false, error: t("tooLong") });
    setState({ sending: true });
    const result = await requestHelp(token, { message: text });
    if (result.ok) setState({ sending: false, sent: true });
    else setState({ sending: false, error: refusalMessage(result, agencyName, refusal) });
  }

  return (
    <section
      id={HELP_ANCHOR}
      aria-labelledby={`${id}-heading`}
      className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2 id={`${id}-heading`} className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-slate-700">{t("text", { agency: agencyName })}</p>
      {state.sent ? (
        <p role="status" className="mt-4 rounded-lg bg-emerald-50 p-3 text-emerald-900">
          {t("sent", { agency: agencyName })}
        </p>
      ) : (
        <form onSubmit={submit} noValidate className="mt-4 flex flex-col gap-2">
          <label htmlFor={`${id}-message`} className="text-sm font-medium text-slate-900">
            {t("label")}
          </label>
          <textarea
            id={`${id}-message`}
            name="message"
            rows={4}
            maxLength={MAX}
            value={message}
            onChange={(e) => setMessage(e.target.value)}
            aria-invalid={state.error ? true : undefined}
            aria-describedby={`${id}-hint ${id}-error`}
            className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-xs focus:border-teal-600 focus:outline-3 focus:outline-teal-500/30 aria-invalid:border-red-500"
          />
          <p id={`${id}-hint`} className="text-sm text-slate-500">
            {t("hint")}
          </p>
          <p id={`${id}-error`} aria-live="polite" className="text-sm text-red-700">
            {state.error ?? ""}
          </p>
          <div>
            <Button type="submit" variant="secondary" disabled={!hydrated || state.sending}>
              {state.sending ? t("sending") : t("button", { agency: agencyName })}
            </Button>
          </div>
        </form>
      )}
    </section>
  );
}
