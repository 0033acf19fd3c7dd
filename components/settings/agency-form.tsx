"use client";

import { useState } from "react";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { updateAgencyAction } from "@/lib/actions/agency";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";
import { textOn } from "@/lib/brand-color";
import { DEFAULT_AGENCY_NAME } from "@/lib/agency-name";

/** The agency's name, logo and colour, with a preview of the clients' page header. */
export function AgencyForm({
  initial,
}: {
  initial: { name: string; logoUrl: string | null; brandColor: string; defaultLanguage: string | null };
}) {
  const { state, dispatch, pending, onSubmit, fieldErrors } = useFormAction(updateAgencyAction);
  const [values, setValues] = useState({
    ...initial,
    logoUrl: initial.logoUrl ?? "",
    defaultLanguage: initial.defaultLanguage ?? "",
  });
  const unsaved =
    values.name.trim() !== initial.name ||
    values.logoUrl.trim() !== (initial.logoUrl ?? "") ||
    values.brandColor.trim().toLowerCase() !== initial.brandColor.toLowerCase() ||
    values.defaultLanguage !== (initial.defaultLanguage ?? "");
  const color = /^#[0-9a-fA-F]{6}$/.test(values.brandColor) ? values.brandColor : initial.brandColor;
  // The preview loads a typed address once the field is left, not at every keystroke.
  const [previewLogo, setPreviewLogo] = useState(initial.logoUrl ?? "");
  const logo = /^https:\/\/\S+$/.test(previewLogo.trim()) ? previewLogo.trim() : null;
  // The address whose image did not load: the clients' page would show an empty white box.
  const [brokenLogo, setBrokenLogo] = useState<string | null>(null);
  return (
    <form action={dispatch} onSubmit={onSubmit} className="flex flex-col gap-5" noValidate>
      <Field id="agency-name" label="Agency name" errors={fieldErrors?.name}>
        <Input
          id="agency-name"
          name="name"
          maxLength={100}
          value={values.name}
          onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))}
          errors={fieldErrors?.name}
        />
      </Field>
      <Field
        id="agency-logo"
        label="Logo address (optional)"
        hint="An https:// image, shown on the clients' onboarding page."
        errors={fieldErrors?.logoUrl}
      >
        <Input
          id="agency-logo"
          name="logoUrl"
          type="url"
          maxLength={2000}
          placeholder="https://agency.example/logo.png"
          value={values.logoUrl}
          onChange={(e) => setValues((v) => ({ ...v, logoUrl: e.target.value }))}
          onBlur={(e) => setPreviewLogo(e.target.value)}
          hasHint
          errors={fieldErrors?.logoUrl}
        />
      </Field>
      <Field
        id="agency-color"
        label="Brand colour"
        hint="Emails and the clients' page use it."
        errors={fieldErrors?.brandColor}
      >
        <div className="flex items-center gap-3">
          <input
            type="color"
            aria-label="Pick the brand colour"
            value={color}
            onChange={(e) => setValues((v) => ({ ...v, brandColor: e.target.value }))}
            className="h-10 w-14 cursor-pointer rounded border border-slate-300 bg-white"
          />
          <Input
            id="agency-color"
            name="brandColor"
            value={values.brandColor}
            onChange={(e) => setValues((v) => ({ ...v, brandColor: e.target.value }))}
            hasHint
            errors={fieldErrors?.brandColor}
            className="w-32 font-mono"
          />
        </div>
      </Field>
      <Field
        id="agency-language"
        label="Clients' language"
        hint="The onboarding page and the emails your clients get use it, unless a client's own language is set. With the browser's language, emails are in English. The page always lets the client switch."
        errors={fieldErrors?.defaultLanguage}
      >
        <Select
          id="agency-language"
          name="defaultLanguage"
          value={values.defaultLanguage}
          onChange={(e) => setValues((v) => ({ ...v, defaultLanguage: e.target.value }))}
          errors={fieldErrors?.defaultLanguage}
          className="sm:max-w-xs"
        >
          <option value="">Each client&apos;s browser language</option>
          {LOCALES.map((code) => (
            <option key={code} value={code}>
              {LOCALE_NAMES[code]}
            </option>
          ))}
        </Select>
      </Field>
      <div aria-hidden className="overflow-hidden rounded-lg border border-slate-200">
        <div
          style={{ backgroundColor: color, color: textOn(color) }}
          className="flex items-center gap-3 px-4 py-3 font-semibold"
        >
          {logo && brokenLogo !== logo ? (
            // eslint-disable-next-line @next/next/no-img-element -- the agency's own logo, any host, as the clients' page shows it
            <img
              key={logo}
              src={logo}
              alt=""
              className="h-8 w-auto rounded bg-white/90 p-1"
              onError={() => setBrokenLogo(logo)}
              // Failed before the page was interactive: no error event reaches React then.
              ref={(img) => {
                if (img?.complete && img.naturalWidth === 0) setBrokenLogo(logo);
              }}
            />
          ) : null}
          <span className="min-w-0 break-words">{values.name || DEFAULT_AGENCY_NAME}</span>
        </div>
        <p className="bg-white px-4 py-2 text-xs text-slate-500">Preview of the header your clients see</p>
      </div>
      {logo && brokenLogo === logo ? (
        <p role="status" className="-mt-3 text-sm text-amber-800">
          The logo did not load from this address, so your clients would see an empty box. Check that it is a public
          https:// image.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pending={pending} pendingLabel="Saving…">
          Save
        </SubmitButton>
        <ActionMessage state={state} unsaved={unsaved && !pending} />
      </div>
    </form>
  );
}
