import "server-only";
import {
  chakra as defaultChakra,
  isChakraError,
  type ChakraClient,
  type ChakraError,
  type PluginConfig,
} from "../../chakra";

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
