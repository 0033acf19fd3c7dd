import { expect, vi } from "vitest";
import { startFakeChakra } from "@/fake-chakra/server";
import { FAKE_CHAKRA_TOKEN } from "@/lib/chakra/demo";

/**
 * A fake ChakraHQ of the test file's own, with the app's client pointed at it. The client
 * reads its settings from the environment once, so call this inside `vi.hoisted`, before the
 * app is imported; `env` sets more of them (CHAKRA_TIMEOUT_MS, say).
 */
export async function startAppFake(env: Record<string, string> = {}) {
  const started = await startFakeChakra({ token: FAKE_CHAKRA_TOKEN, numbersDelayMs: 0 });
  vi.stubEnv("CHAKRA_BASE_URL", started.url);
  vi.stubEnv("CHAKRA_MAX_RETRIES", "0");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return started;
}

/** Meta's steps finished in the fake SDK's window: a WABA and a number join the token's plugin. */
export async function finishSignup(fakeUrl: string, connectToken: string, phoneNumber = "+44 7700 900123") {
  const response = await fetch(`${fakeUrl}/connect/complete`, {
    method: "POST",
    body: JSON.stringify({ token: connectToken, businessName: "Acme Bakery", phoneNumber }),
  });
  expect(response.status).toBe(200);
}
