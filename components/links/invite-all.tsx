"use client";

import { ConfirmActionForm } from "@/components/ui/confirm-action-form";
import { Field } from "@/components/ui/field";
import { inviteAllAction } from "@/lib/actions/links";
import { LinkDaysSelect } from "./link-days-select";

/**
 * "Email a link to each": a first onboarding link for every client never sent one, after a
 * confirmation that says how many and what they get. Meant for a list just imported.
 */
export function InviteAll({ waiting, batch }: { waiting: number; batch: number }) {
  const now = Math.min(waiting, batch);
  return (
    <ConfirmActionForm
      trigger={`Email a link to each (${waiting})`}
      title={`Email an onboarding link to ${now} ${now === 1 ? "client" : "clients"}?`}
      description={
        <>
          <p>Each client never sent a link gets one at its contact address, in its language, to connect WhatsApp.</p>
          {waiting > batch ? (
            <p className="mt-2">
              The {batch} added first now; {waiting - batch} more after that, with another press.
            </p>
          ) : null}
        </>
      }
      action={inviteAllAction}
      fields={{}}
      confirmLabel="Email the links"
      confirmVariant="primary"
      pendingLabel="Emailing…"
    >
      <Field id="invite-all-days" label="The links work for">
        <LinkDaysSelect id="invite-all-days" />
      </Field>
    </ConfirmActionForm>
  );
}
