"use client";

import { useActionState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { markRequestAnsweredAction } from "@/lib/actions/links";

/**
 * What the client asked for from their page (help, or a new link) and the dashboard lists, with
 * "Mark answered" for a request answered another way (by phone, say). Mounted whether or not a
 * request is open: once marked, the page re-renders without it and this says that it worked.
 */
export function OpenRequest({
  clientId,
  request,
  canAnswer,
}: {
  clientId: string;
  /** `what`: "Asked for help: “…”"; `when`: when it was asked. */
  request: { what: string; when: string } | null;
  canAnswer: boolean;
}) {
  const [state, action] = useActionState(markRequestAnsweredAction, null);
  if (!request) {
    return state?.ok ? (
      <div className="mb-4">
        <Notice tone="success">Marked answered: the dashboard no longer lists this request.</Notice>
      </div>
    ) : null;
  }
  return (
    <div className="mb-4">
      <Notice tone="warning" title="An open request from the client">
        <p className="break-words">
          {request.what} ({request.when}).
        </p>
        {canAnswer ? (
          <form action={action} className="mt-3 flex flex-wrap items-center gap-3">
            <input type="hidden" name="id" value={clientId} />
            <SubmitButton variant="secondary" pendingLabel="Saving…">
              Mark answered
            </SubmitButton>
            <span className="text-amber-900">
              For a request you answered another way, by phone say. A new link or a connection clears it by itself.
            </span>
            <ActionMessage state={state?.ok ? null : state} />
          </form>
        ) : null}
      </Notice>
    </div>
  );
}
