import { createChakraClient, type ChakraClientConfig } from "@/lib/chakra/client";
import { startFakeChakra, type FakeChakraOptions } from "@/fake-chakra/server";

export const TEST_TOKEN = "test-bearer-token-that-must-never-leak";

/** An in-memory fake on a free port, and a client pointed at it with quick retries. */
export async function startTestChakra(
  options: Partial<FakeChakraOptions> = {},
  client: Partial<ChakraClientConfig> = {},
) {
  const fake = await startFakeChakra({ token: TEST_TOKEN, numbersDelayMs: 0, ...options });
  const chakra = createChakraClient({
    baseUrl: fake.url,
    token: TEST_TOKEN,
    timeoutMs: 2000,
    maxRetries: 2,
    retryBaseDelayMs: 10,
    paths: {
      updateConfig: "/v1/ext/plugin/whatsapp/{pluginId}/update-config",
      disconnectWaba: "/v1/ext/plugin/whatsapp/{pluginId}/disconnect-waba",
      health: "/v1/health",
    },
    disconnectWabaField: "wabaId",
    ...client,
  });
  return { fake, chakra };
}
