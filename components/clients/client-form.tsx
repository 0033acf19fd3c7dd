"use client";

import Link from "next/link";
import type { Route } from "next";
import { useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { buttonClass } from "@/components/ui/button-class";
import { SubmitButton } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { createClientAction, updateClientAction } from "@/lib/actions/clients";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { slugify } from "@/lib/validations/clients";

export type ClientFormValues = {
  id?: string;
  name: string;
  contactName: string;
  contactEmail: string;
  clientReferenceId: string;
  notes: string;
  /** "" for the agency's default. */
  language: string;
  pluginId: string;
};

const EMPTY: ClientFormValues = {
  name: "",
  contactName: "",
  contactEmail: "",
  clientReferenceId: "",
  notes: "",
  language: "",
  pluginId: "",
};

/** Create or edit a client. Every field is controlled, so nothing typed is lost on an error. */
export function ClientForm({ initial = EMPTY, cancelHref }: { initial?: ClientFormValues; cancelHref: Route }) {
  const editing = Boolean(initial.id);
  const { state, dispatch, pending, onSubmit, fieldErrors } = useFormAction(
    editing ? updateClientAction : createClientAction,
  );
  const [values, setValues] = useState(initial);
  // The reference follows the name until someone edits it by hand (new clients only).
  const [referenceTouched, setReferenceTouched] = useState(editing);
  const set = (field: keyof ClientFormValues) => (event: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: event.target.value }));

  const pluginChanged = editing && initial.pluginId !== "" && values.pluginId.trim().toLowerCase() !== initial.pluginId;
  const offerUnverified = Boolean(fieldErrors?.saveUnverified);

  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <div className="grid gap-5 md:grid-cols-2">
        <Field id="name" label="Business name" errors={fieldErrors?.name}>
          <Input
            id="name"
            name="name"
            required
            maxLength={200}
            value={values.name}
            onChange={(event) => {
              const name = event.target.value;
              setValues((v) => ({
                ...v,
                name,
                clientReferenceId: referenceTouched ? v.clientReferenceId : slugify(name),
              }));
            }}
            errors={fieldErrors?.name}
          />
        </Field>
        <Field
          id="clientReferenceId"
          label="Reference"
          hint="Sent to ChakraHQ. Lower-case letters, digits and hyphens; unique."
          errors={fieldErrors?.clientReferenceId}
        >
          <Input
            id="clientReferenceId"
            name="clientReferenceId"
            required
            maxLength={64}
            value={values.clientReferenceId}
            onChange={(event) => {
              setReferenceTouched(true);
              set("clientReferenceId")(event);
            }}
            hasHint
            errors={fieldErrors?.clientReferenceId}
            className="font-mono"
          />
        </Field>
        <Field id="contactName" label="Contact name" errors={fieldErrors?.contactName}>
          <Input
            id="contactName"
            name="contactName"
            required
            maxLength={200}
            autoComplete="off"
            value={values.contactName}
            onChange={set("contactName")}
            errors={fieldErrors?.contactName}
          />
        </Field>
        <Field
          id="contactEmail"
          label="Contact email"
          hint="Onboarding links are sent here."
          errors={fieldErrors?.contactEmail}
        >
          <Input
            id="contactEmail"
            name="contactEmail"
            type="email"
            required
            maxLength={254}
            autoComplete="off"
            value={values.contactEmail}
            onChange={set("contactEmail")}
            hasHint
            errors={fieldErrors?.contactEmail}
          />
        </Field>
      </div>

      <Field
        id="language"
        label="Client's language"
        hint="Their onboarding page and emails use it. They can still switch language on the page."
        errors={fieldErrors?.language}
      >
        <Select
          id="language"
          name="language"
          value={values.language}
          onChange={set("language")}
          errors={fieldErrors?.language}
          className="sm:max-w-xs"
        >
          <option value="">Agency default (Settings)</option>
          {LOCALES.map((code) => (
            <option key={code} value={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </Select>
      </Field>

      <Field
        id="pluginId"
        label="ChakraHQ plugin id (optional)"
        hint="For a client who already has a WhatsApp plugin in ChakraHQ: we check it with ChakraHQ before saving. Leave it empty and a plugin is created when the client first connects."
        errors={fieldErrors?.pluginId}
      >
        <Input
          id="pluginId"
          name="pluginId"
          autoComplete="off"
          spellCheck={false}
          placeholder="d83e1d23-50b8-4d87-8f92-842a0ac516f6"
          value={values.pluginId}
          onChange={set("pluginId")}
          hasHint
          errors={fieldErrors?.pluginId}
          className="font-mono"
        />
      </Field>

      {pluginChanged ? (
        <label className="flex items-start gap-3 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <input type="checkbox" name="confirmPluginChange" className="mt-0.5 size-4 accent-amber-700" />
          <span>
            {values.pluginId.trim() ? "Change" : "Remove"} this client&apos;s plugin (was{" "}
            <code className="font-mono break-all">{initial.pluginId}</code>). Its WhatsApp numbers will then be looked
            up
            {values.pluginId.trim() ? " under the new plugin." : " nowhere until a plugin is mapped again."}
            {fieldErrors?.confirmPluginChange ? (
              <strong className="mt-1 block text-red-700">{fieldErrors.confirmPluginChange.join(" ")}</strong>
            ) : null}
          </span>
        </label>
      ) : null}

      {offerUnverified ? (
        <label className="flex items-start gap-3 rounded-lg border border-slate-300 bg-slate-50 p-3 text-sm">
          <input type="checkbox" name="saveUnverified" className="mt-0.5 size-4" />
          <span>
            Save anyway, marked &quot;not verified&quot;. You can check it again later from the client&apos;s page.
          </span>
        </label>
      ) : null}

      <Field id="notes" label="Notes (optional)" errors={fieldErrors?.notes}>
        <textarea
          id="notes"
          name="notes"
          rows={4}
          maxLength={5000}
          value={values.notes}
          onChange={set("notes")}
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-xs focus:border-teal-600 focus:outline-3 focus:outline-teal-500/30 sm:text-sm"
        />
      </Field>

      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel={values.pluginId ? "Checking with ChakraHQ…" : "Saving…"}>
          {editing ? "Save changes" : "Create client"}
        </SubmitButton>
        <Link href={cancelHref} className={buttonClass("secondary")}>
          Cancel
        </Link>
        <ActionMessage state={state} />
      </div>
    </form>
  );
}
