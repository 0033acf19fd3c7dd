"use client";

import { useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { webhookSettingsAction } from "@/lib/actions/whatsapp";
import { CHAKRA_WEBHOOK_EVENTS, type WebhookSettings } from "@/lib/chakra/schemas";

const LABELS: Record<keyof WebhookSettings, string> = {
  passThroughWebhookUrl: "Pass-through webhook (Meta's format)",
  enableMessageEchoesForPassThroughWebhook: "Also forward echoes of sent messages",
  enableSendMessageTemplateEventForPassThroughWebhook: "Also forward template-sent events",
  enableChakraWebhook: "ChakraHQ-format webhook on",
  chakraWebhookUrl: "ChakraHQ-format webhook address",
  whichChakraWebhookEventsToSend: "ChakraHQ webhook events",
};

function Check({
  name,
  label,
  checked,
  onChange,
}: {
  name: string;
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <label className="flex items-center gap-2 text-sm">
      <input
        type="checkbox"
        name={name}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        className="size-4 accent-teal-700"
      />
      {label}
    </label>
  );
}

/** The plugin's six webhook settings: review what changes, then apply; viewers only read them. */
export function WebhookForm({
  clientId,
  initial,
  canEdit,
}: {
  clientId: string;
  initial: WebhookSettings;
  canEdit: boolean;
}) {
  const { state: result, dispatch, pending, onSubmit, fieldErrors } = useFormAction(webhookSettingsAction);
  const [values, setValues] = useState(initial);
  const [reviewed, setReviewed] = useState(false);
  // An apply's answer: the review is over, and the fields show what ChakraHQ holds now when it
  // could be read (the message says so), not what was typed.
  const [answered, setAnswered] = useState(result);
  if (result !== answered) {
    setAnswered(result);
    if (result?.outcome) {
      setReviewed(false);
      if (result.current) setValues(result.current);
    }
  }
  const set = <K extends keyof WebhookSettings>(key: K, value: WebhookSettings[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setReviewed(false);
  };

  if (!canEdit) {
    return (
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[16rem_1fr]">
        {(Object.keys(LABELS) as (keyof WebhookSettings)[]).map((key) => {
          const value = initial[key];
          return (
            <div key={key} className="contents">
              <dt className="text-slate-500">{LABELS[key]}</dt>
              <dd className="break-all">
                {Array.isArray(value)
                  ? value.join(", ") || "none"
                  : typeof value === "boolean"
                    ? value
                      ? "on"
                      : "off"
                    : value || "not set"}
              </dd>
            </div>
          );
        })}
      </dl>
    );
  }

  const canApply = reviewed && result?.ok && (result.changes?.length ?? 0) > 0;
  return (
    <form
      action={dispatch}
      onSubmit={(event) => {
        const step = ((event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null)?.value;
        onSubmit(event);
        // The review stays on screen while an apply runs; its answer ends it (see above).
        if (step === "preview") setReviewed(true);
      }}
      className="flex flex-col gap-4"
      noValidate
    >
      <input type="hidden" name="clientId" value={clientId} />
      <Field
        id="passThroughWebhookUrl"
        label={LABELS.passThroughWebhookUrl}
        hint="Raw Meta webhook events are forwarded here."
        errors={fieldErrors?.passThroughWebhookUrl}
      >
        <Input
          id="passThroughWebhookUrl"
          name="passThroughWebhookUrl"
          type="url"
          maxLength={2000}
          placeholder="https://hooks.example.com/whatsapp"
          value={values.passThroughWebhookUrl}
          onChange={(e) => set("passThroughWebhookUrl", e.target.value)}
          hasHint
          errors={fieldErrors?.passThroughWebhookUrl}
        />
      </Field>
      <div className="flex flex-col gap-2 pl-1">
        <Check
          name="enableMessageEchoesForPassThroughWebhook"
          label={LABELS.enableMessageEchoesForPassThroughWebhook}
          checked={values.enableMessageEchoesForPassThroughWebhook}
          onChange={(v) => set("enableMessageEchoesForPassThroughWebhook", v)}
        />
        <Check
          name="enableSendMessageTemplateEventForPassThroughWebhook"
          label={LABELS.enableSendMessageTemplateEventForPassThroughWebhook}
          checked={values.enableSendMessageTemplateEventForPassThroughWebhook}
          onChange={(v) => set("enableSendMessageTemplateEventForPassThroughWebhook", v)}
        />
      </div>
      <Check
        name="enableChakraWebhook"
        label={LABELS.enableChakraWebhook}
        checked={values.enableChakraWebhook}
        onChange={(v) => set("enableChakraWebhook", v)}
      />
      <Field id="chakraWebhookUrl" label={LABELS.chakraWebhookUrl} errors={fieldErrors?.chakraWebhookUrl}>
        <Input
          id="chakraWebhookUrl"
          name="chakraWebhookUrl"
          type="url"
          maxLength={2000}
          placeholder="https://hooks.example.com/chakra"
          value={values.chakraWebhookUrl}
          onChange={(e) => set("chakraWebhookUrl", e.target.value)}
          errors={fieldErrors?.chakraWebhookUrl}
        />
      </Field>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">{LABELS.whichChakraWebhookEventsToSend}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-2">
          {CHAKRA_WEBHOOK_EVENTS.map((event) => (
            <label key={event} className="flex items-center gap-2 font-mono text-sm">
              <input
                type="checkbox"
                name="whichChakraWebhookEventsToSend"
                value={event}
                checked={values.whichChakraWebhookEventsToSend.includes(event)}
                onChange={(e) =>
                  set(
                    "whichChakraWebhookEventsToSend",
                    e.target.checked
                      ? [...values.whichChakraWebhookEventsToSend, event]
                      : values.whichChakraWebhookEventsToSend.filter((x) => x !== event),
                  )
                }
                className="size-4 accent-teal-700"
              />
              {event}
            </label>
          ))}
        </div>
        {fieldErrors?.whichChakraWebhookEventsToSend ? (
          <p className="text-sm text-red-700">{fieldErrors.whichChakraWebhookEventsToSend.join(" ")}</p>
        ) : null}
      </fieldset>

      {reviewed && result?.ok && result.changes?.length ? (
        // Fixed columns: a long address wraps inside its own, and "empty" is never cut in two.
        <Table className="table-fixed">
          <TableCaption>What changes</TableCaption>
          <TableHead>
            <TableRow>
              <TableHeader className="w-[30%]">Setting</TableHeader>
              <TableHeader className="w-[35%]">Now</TableHeader>
              <TableHeader className="w-[35%]">After</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {result.changes.map((change) => (
              <TableRow key={change.field}>
                <TableCell>{LABELS[change.field]}</TableCell>
                <TableCell className="wrap-anywhere text-slate-500 line-through">{change.from}</TableCell>
                <TableCell className="font-medium wrap-anywhere">{change.to}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}

      <div className="flex flex-wrap items-center gap-2">
        <SubmitButton
          name="step"
          value="preview"
          variant={canApply ? "secondary" : "primary"}
          pending={pending}
          pendingLabel="Working…"
        >
          Review changes
        </SubmitButton>
        {canApply ? (
          <SubmitButton name="step" value="apply" pending={pending} pendingLabel="Saving in ChakraHQ…">
            Apply {result?.changes?.length} {result?.changes?.length === 1 ? "change" : "changes"}
          </SubmitButton>
        ) : null}
        {/* A review's words go with its table: once a field changed after it, neither is shown. */}
        {pending || (result?.ok && result.changes && !result.outcome && !reviewed) ? null : (
          <ActionMessage state={result} />
        )}
      </div>
    </form>
  );
}
