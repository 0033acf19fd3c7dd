import "server-only";
import { env } from "../env";
import { createChakraClient } from "./client";

/** The app's ChakraHQ client: the real API with CHAKRA_API_TOKEN, the fake in demo mode. */
export const chakra = createChakraClient(env.chakra);

export { ChakraError, isChakraError, mayHaveApplied } from "./errors";
export type { ChakraClient, ConnectToken, ConnectTokenRequest } from "./client";
export type { ConnectTokenClaims } from "./connect-token";
export type { PhoneNumber, PluginConfig, Waba, WebhookSettings } from "./schemas";
export { CHAKRA_WEBHOOK_EVENTS } from "./schemas";
