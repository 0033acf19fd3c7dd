import path from "node:path";
import type { Env } from "../lib/env";
import { startFakeChakra, type FakeChakra } from "./server";

/**
 * Starts the fake with the app's own settings (paths, field names, port, token), so the
 * client and the fake agree on every [GUESS], with the `/demo` page of simulated changes.
 * Refuses to run in production, and when a real ChakraHQ is configured.
 */
export async function startFakeChakraForApp(env: Env): Promise<FakeChakra> {
  if (env.isProduction) throw new Error("The fake ChakraHQ does not run in production.");
  if (!env.demoMode) throw new Error("CHAKRA_API_TOKEN is set: the app talks to the real ChakraHQ, not the fake.");
  return startFakeChakra({
    port: env.FAKE_CHAKRA_PORT,
    token: env.chakra.token,
    stateFile: path.resolve(env.FAKE_CHAKRA_STATE_FILE),
    paths: env.chakra.paths,
    disconnectWabaField: env.chakra.disconnectWabaField,
    // Its page of simulated changes links back to the app and its dev outbox.
    demoPage: true,
    appUrl: env.APP_URL,
  });
}
