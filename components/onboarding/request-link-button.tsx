"use client";

import { useWords } from "./words";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { requestNewLink } from "@/lib/actions/onboarding";
import { refusalMessage } from "@/lib/onboarding/messages";

/** On an expired or revoked link: tells the agency that a new one is wanted. */
export function RequestLinkButton({ token, agencyName }: { token: string; agencyName: string }) {
  const t = useWords("requestLink");
  const refusal = useWords("refusal");
  const [state, setState] = useState<{ sending: boolean; message?: string; ok?: boolean }>({ sending: false });
  return (
    <div className="flex flex-col gap-2">
      {state.ok ? null : (
        <div>
          <Button
            disabled={state.sending}
            onClick={async () => {
              setState({ sending: true });
              const result = await requestNewLink(token);
              setState({
                sending: false,
                ok: result.ok,
                message: result.ok ? t("sent", { agency: agencyName }) : refusalMessage(result, agencyName, refusal),
              });
            }}
          >
            {state.sending ? t("sending") : t("button")}
          </Button>
        </div>
      )}
      <p aria-live="polite" className="text-sm text-slate-700">
        {state.message ?? ""}
      </p>
    </div>
  );
}
