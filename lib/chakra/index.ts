import "server-only";
import { env } from "../env";
import { createChakraClient } from "./client";

/** The app's ChakraHQ client: the real API with CHAKRA_API_TOKEN, the fake in demo mode. */
export const chakra = createChakraClient(env.chakra);

/**
 * The background jobs' client: it never waits out a 429 itself. The job records the wait for
 * every worker (lib/data/chakra-rate-limit.ts) and is queued again; the engine retries other failures.
 */
export const chakraForJobs = createChakraClient({ ...env.chakra, maxRetries: 0 });

export { ChakraError, isChakraError, mayHaveApplied } from "./errors";
export type { ChakraClient, ConnectToken, ConnectTokenRequest } from "./client";
export type { ConnectTokenClaims } from "./connect-token";
export type { PhoneNumber, PluginConfig, Waba, WebhookSettings } from "./schemas";
export { CHAKRA_WEBHOOK_EVENTS } from "./schemas";
