"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ActionMessage } from "@/components/ui/action-message";
import { SubmitButton } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { importClientsAction, previewImportAction, type ImportState } from "@/lib/actions/clients";
import { csvSubmissionBytes, importSizeError } from "@/lib/validations/clients";

// Browsers send a textarea's line breaks as CRLF: compare texts without that difference.
const sameText = (a: string | undefined, b: string) =>
  a !== undefined && a.replace(/\r\n?/g, "\n") === b.replace(/\r\n?/g, "\n");

/** Step 1: a CSV file (or pasted text) is checked row by row. Step 2: all rows are imported, or none. */
export function ImportForm() {
  // "Import another file" starts over: a new round, mounted afresh (its forms and results empty).
  const [round, setRound] = useState(0);
  return <ImportRound key={round} onAgain={() => setRound((r) => r + 1)} />;
}

function ImportRound({ onAgain }: { onAgain: () => void }) {
  const [csv, setCsv] = useState("");
  // The file the text came from: the file field itself is emptied when the form is checked.
  const [fileName, setFileName] = useState<string | null>(null);
  // Checked here, before sending: the server refuses a larger request before any action runs.
  const [sizeError, setSizeError] = useState<string | null>(null);
  const [checked, check, checking] = useActionState<ImportState | null, FormData>(previewImportAction, null);
  const [imported, runImport, importing] = useActionState<ImportState | null, FormData>(importClientsAction, null);
  // What to show: the import's outcome if it ran for the checked text, else the check's.
  const result = imported && (imported.ok || sameText(imported.csv, checked?.csv ?? "")) ? imported : checked;
  const preview = result?.preview;
  const ready = Boolean(
    sameText(checked?.csv, csv) && preview && preview.fileErrors.length === 0 && preview.errorCount === 0,
  );
  const done = Boolean(imported?.ok && imported.created);
  const errors = result && !result.ok ? result.fieldErrors?.csv : undefined;

  return (
    <div className="flex flex-col gap-6">
      {/* Imported: the form is done with (checking the same text again would only find duplicates). */}
      {done ? null : (
        <form
          action={check}
          onSubmit={(event) => {
            const tooLarge = importSizeError(csvSubmissionBytes(csv));
            setSizeError(tooLarge);
            if (!csv.trim() || tooLarge) event.preventDefault();
          }}
          className="flex flex-col gap-4"
        >
          <Field id="csv-file" label="CSV file" hint="The first row names the columns; see the template.">
            <input
              id="csv-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="csv-file-hint"
              onChange={async (event) => {
                const file = event.target.files?.[0];
                if (!file) return;
                const tooLarge = importSizeError(file.size);
                setSizeError(tooLarge);
                if (tooLarge) {
                  event.target.value = "";
                  setCsv("");
                  return;
                }
                const text = await file.text();
                setCsv(text);
                setFileName(file.name);
                // Said at once: an empty file leaves nothing to check, and the button would just stay grey.
                if (!text.trim()) {
                  setSizeError(`${file.name} is empty: choose the CSV file with your clients.`);
                  return;
                }
                // Line breaks go as CRLF: a file just under the limit can end up over it.
                setSizeError(importSizeError(csvSubmissionBytes(text)));
              }}
              className="block w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:py-2 file:font-medium hover:file:bg-slate-200"
            />
            {fileName ? (
              <p className="mt-1 text-sm break-all text-slate-600">
                Read from {fileName}: its text is in the box below.
              </p>
            ) : null}
          </Field>
          <Field id="csv" label="…or paste it here" errors={errors}>
            <textarea
              id="csv"
              name="csv"
              rows={8}
              value={csv}
              onChange={(event) => {
                setCsv(event.target.value);
                setSizeError(null);
                setFileName(null);
              }}
              spellCheck={false}
              placeholder={
                "name,contactName,contactEmail,clientReferenceId,pluginId,notes,language\nAcme Bakery,Ana Souza,ana@acme.example,acme-bakery,,,pt-BR"
              }
              className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-xs shadow-xs focus:border-teal-600 focus:outline-3 focus:outline-teal-500/30"
            />
          </Field>
          {sizeError ? (
            <p role="alert" className="text-sm text-red-700">
              {sizeError}
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-3">
            <SubmitButton
              variant={ready ? "secondary" : "primary"}
              pending={checking}
              pendingLabel="Checking…"
              disabled={!csv.trim()}
            >
              Check the file
            </SubmitButton>
            <a
              href="/clients-template.csv"
              download
              className="text-sm font-medium text-teal-700 underline underline-offset-4"
            >
              Download the template
            </a>
          </div>
        </form>
      )}

      {/* A check that found errors ran fine, but its sentence is bad news: not in green. */}
      {result ? (
        <ActionMessage
          state={result}
          problem={Boolean(preview && (preview.fileErrors.length > 0 || preview.errorCount > 0))}
        />
      ) : null}

      {done ? (
        <p className="flex flex-wrap gap-x-6 gap-y-2">
          <Link href="/clients" className="font-medium text-teal-700 underline underline-offset-4">
            See the clients
          </Link>
          <Link href="/clients?status=NOT_INVITED" className="font-medium text-teal-700 underline underline-offset-4">
            Email each of them a link
          </Link>
          <button type="button" onClick={onAgain} className="font-medium text-teal-700 underline underline-offset-4">
            Import another file
          </button>
        </p>
      ) : null}

      {preview && !done ? (
        <section aria-labelledby="preview-heading" className="flex flex-col gap-3">
          <h2 id="preview-heading" className="font-semibold">
            Preview: {preview.validCount} ready, {preview.errorCount} with errors
          </h2>
          {preview.fileErrors.length ? (
            <ul
              role="alert"
              className="list-disc rounded-lg border border-red-200 bg-red-50 py-3 pr-4 pl-8 text-sm text-red-900"
            >
              {preview.fileErrors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          ) : (
            <Table>
              <TableHead>
                <TableRow>
                  <TableHeader>Line</TableHeader>
                  {/* Second, where a phone shows it without scrolling the table sideways. */}
                  <TableHeader>Problems</TableHeader>
                  <TableHeader>Business</TableHeader>
                  <TableHeader>Contact email</TableHeader>
                  <TableHeader>Reference</TableHeader>
                </TableRow>
              </TableHead>
              <TableBody>
                {preview.rows.map((row) => (
                  <TableRow key={row.line} className={row.errors.length ? "bg-red-50/60" : undefined}>
                    <TableCell className="text-slate-500">{row.line}</TableCell>
                    <TableCell className="min-w-48 text-red-800">
                      {row.errors.length ? row.errors.join(" ") : <span className="text-emerald-700">OK</span>}
                      {row.plugin?.status === "verified" ? (
                        <span className="block text-emerald-700">Plugin: ChakraHQ knows it.</span>
                      ) : row.plugin?.status === "unverified" ? (
                        <span className="block text-amber-800">
                          Plugin not verified: ChakraHQ could not be asked ({row.plugin.message}). It is saved marked
                          “not verified”.
                        </span>
                      ) : null}
                    </TableCell>
                    <TableCell className="break-words">{row.values.name}</TableCell>
                    <TableCell className="break-all">{row.values.contactEmail}</TableCell>
                    <TableCell className="font-mono text-xs break-all">{row.values.clientReferenceId}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {ready ? (
            <form action={runImport} className="flex flex-wrap items-center gap-3">
              <input type="hidden" name="csv" value={csv} />
              <SubmitButton pending={importing} pendingLabel="Importing…">
                Import {preview.validCount} {preview.validCount === 1 ? "client" : "clients"}
              </SubmitButton>
              <span className="text-sm text-slate-500">All of them, or none if anything changed meanwhile.</span>
            </form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
