"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { importClients, previewImport, type ImportPreview } from "../data/clients/import";
import { verifyPluginForSave, type PluginVerdict } from "../data/clients/plugin-check";
import {
  createClient,
  getClient,
  pluginChangeUnconfirmed,
  setClientArchived,
  updateClient,
} from "../data/clients/records";
import { releasePluginHold } from "../data/onboarding/mint";
import { storeSnapshot } from "../data/snapshots";
import {
  clientFormSchema,
  clientIdSchema,
  clientUpdateSchema,
  importSchema,
  releasePluginHoldSchema,
} from "../validations/clients";
import { fail } from "../result";
import { createAction, type ActionState } from "./safe-action";

/** No plugin to ask ChakraHQ about (none given, or the same as before). */
const NOT_ASKED: PluginVerdict = { ok: true, verified: false };

/** Creates a client; a plugin id is checked with ChakraHQ first. Admins and owners. */
export const createClientAction = createAction({ role: "ADMIN", schema: clientFormSchema }, async (input, user) => {
  const { saveUnverified, confirmPluginChange: _notNeeded, ...fields } = input;
  const plugin = fields.pluginId ? await verifyPluginForSave(fields.pluginId, saveUnverified) : NOT_ASKED;
  if (!plugin.ok) return plugin;
  const result = await createClient({ actor: user, input: fields, pluginVerified: plugin.verified });
  if (!result.ok) return result;
  if (fields.pluginId && plugin.config)
    await storeSnapshot({ clientId: result.id, pluginId: fields.pluginId, config: plugin.config });
  revalidatePath("/clients");
  redirect(`/clients/${result.id}?saved=created`);
});

/** Saves an edited client; changing or removing its plugin needs a confirmation. */
export const updateClientAction = createAction({ role: "ADMIN", schema: clientUpdateSchema }, async (input, user) => {
  const { id, saveUnverified, confirmPluginChange, ...fields } = input;
  const current = await getClient(id);
  if (!current) return fail("This client no longer exists.");
  const unconfirmed = pluginChangeUnconfirmed(current.pluginId, fields.pluginId, confirmPluginChange);
  if (unconfirmed) return unconfirmed;
  const pluginChanged = current.pluginId !== fields.pluginId;
  const plugin =
    pluginChanged && fields.pluginId ? await verifyPluginForSave(fields.pluginId, saveUnverified) : NOT_ASKED;
  if (!plugin.ok) return plugin;
  const result = await updateClient({
    actor: user,
    id,
    input: fields,
    confirmPluginChange,
    pluginVerified: plugin.verified,
  });
  if (!result.ok) return result;
  if (fields.pluginId && plugin.config)
    await storeSnapshot({ clientId: id, pluginId: fields.pluginId, config: plugin.config });
  revalidatePath("/clients");
  revalidatePath(`/clients/${id}`);
  redirect(`/clients/${id}?saved=updated`);
});

/** Archives a client: hidden from the usual lists, never deleted. */
export const archiveClientAction = createAction({ role: "ADMIN", schema: clientIdSchema }, async ({ id }, user) => {
  const result = await setClientArchived({ actor: user, id, archived: true });
  revalidatePath("/clients");
  revalidatePath(`/clients/${id}`);
  return result.ok ? { ok: true, message: "Client archived." } : result;
});

/** Brings an archived client back. */
export const restoreClientAction = createAction({ role: "ADMIN", schema: clientIdSchema }, async ({ id }, user) => {
  const result = await setClientArchived({ actor: user, id, archived: false });
  revalidatePath("/clients");
  revalidatePath(`/clients/${id}`);
  return result.ok ? { ok: true, message: "Client restored." } : result;
});

/**
 * Lifts the hold on new plugins after a request whose outcome was unknown: the next connection
 * asks ChakraHQ for a new plugin. Needs the admin to confirm that ChakraHQ shows none.
 */
export const releasePluginHoldAction = createAction(
  { role: "ADMIN", schema: releasePluginHoldSchema },
  async ({ id, reference, confirm }, user) => {
    if (!confirm) {
      const message = `Tick the box to confirm that ChakraHQ has no plugin with the reference ${reference}.`;
      return fail(message, { confirm: [message] });
    }
    const result = await releasePluginHold({ actor: user, id, reference });
    if (!result.ok) return result;
    // The hold's notice leaves the page with it: the page says what happened instead.
    redirect(`/clients/${id}?saved=hold_released`);
  },
);

/** `preview`: the file checked row by row; `csv`: the text it was made from; `created`: clients imported. */
export type ImportState = ActionState<{ preview?: ImportPreview; csv?: string; created?: number }>;

/**
 * What ChakraHQ said about the file's plugins, for a file without errors (so each plugin is
 * either known to ChakraHQ or could not be asked about); nothing when the file names none.
 */
function pluginSummary({ plugins }: Pick<ImportPreview, "plugins">): string {
  const { checked, unverified } = plugins;
  if (checked === 0) return "";
  const known = checked - unverified;
  const count = (n: number) => `${n} ${n === 1 ? "plugin" : "plugins"}`;
  const saved = `${unverified === 1 ? "it is" : "they are"} saved marked "not verified" (see the rows below).`;
  if (unverified === 0) return ` ChakraHQ knows ${checked === 1 ? "the plugin" : `all ${count(checked)}`} in the file.`;
  if (known === 0) return ` ChakraHQ could not be asked about the ${count(checked)} in the file: ${saved}`;
  return ` ChakraHQ knows ${known} of the ${count(checked)} in the file, and could not be asked about ${unverified}: ${saved}`;
}

/** Checks a CSV of new clients, plugins included, and shows what would be imported; writes nothing. */
export const previewImportAction = createAction(
  { role: "ADMIN", schema: importSchema },
  async ({ csv }): Promise<ImportState> => {
    const preview = await previewImport(csv);
    const ok = preview.fileErrors.length === 0 && preview.errorCount === 0;
    return {
      ok: true,
      preview,
      csv,
      message: ok
        ? `${preview.validCount} ${preview.validCount === 1 ? "client" : "clients"} ready to import.${pluginSummary(preview)}`
        : preview.fileErrors.length > 0
          ? "The file cannot be imported as it is: see below. Nothing was imported."
          : "Fix the rows marked below, then check the file again. Nothing was imported.",
    };
  },
);

/** Imports every row of the checked CSV, or none. */
export const importClientsAction = createAction(
  { role: "ADMIN", schema: importSchema },
  async ({ csv }, user): Promise<ImportState> => {
    const result = await importClients({ actor: user, csv });
    if (!result.ok) return { ...result, csv };
    revalidatePath("/clients");
    return {
      ok: true,
      created: result.created,
      message: `Imported ${result.created} ${result.created === 1 ? "client" : "clients"}.`,
    };
  },
);
