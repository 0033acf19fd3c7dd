import "server-only";
import {
  chakra as defaultChakra,
  isChakraError,
  type ChakraClient,
  type ChakraError,
  type PluginConfig,
} from "../../chakra";
import { fail, type Result } from "../../result";

/** `error`: ChakraHQ's own failure, for callers that tell its kinds apart (a 429, a 5xx, a refusal). */
export type PluginCheck =
  | { status: "verified"; config: PluginConfig }
  | { status: "not_found"; message: string; error: ChakraError }
  | { status: "unreachable"; message: string; error: ChakraError };

/** Asks ChakraHQ whether it knows the plugin (and keeps what it answers as a snapshot). */
export async function checkPlugin(pluginId: string, client: ChakraClient = defaultChakra): Promise<PluginCheck> {
  try {
    return { status: "verified", config: await client.getPluginConfig(pluginId) };
  } catch (error) {
    if (!isChakraError(error)) throw error;
    if (error.isPluginNotFound)
      return { status: "not_found", message: `ChakraHQ does not know this plugin: ${error.message}`, error };
    return { status: "unreachable", message: error.message, error };
  }
}

/** Whether a plugin may be saved, and as verified or not; `config`: what ChakraHQ answered. */
export type PluginVerdict = Result<{ verified: boolean; config?: PluginConfig }>;

/**
 * Asks ChakraHQ about a plugin before it is saved. Unknown to ChakraHQ: refused. ChakraHQ
 * unreachable: refused unless the admin chose to save it marked "not verified".
 */
export async function verifyPluginForSave(
  pluginId: string,
  saveUnverified: boolean,
): Promise<PluginVerdict> {
  const check = await checkPlugin(pluginId);
  if (check.status === "verified") return { ok: true, verified: true, config: check.config };
  if (check.status === "not_found") return fail(check.message, { pluginId: [check.message] });
  if (saveUnverified) return { ok: true, verified: false };
  const message = `ChakraHQ could not be asked about this plugin (${check.message}). Try again, or save it marked "not verified".`;
  return fail(message, { pluginId: [message], saveUnverified: ["offer"] });
}
