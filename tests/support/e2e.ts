/** Where the browser tests' own app and fake ChakraHQ listen (beside a developer's npm run dev). */
export const E2E_APP_PORT = 3100;
export const E2E_FAKE_PORT = 4110;
export const E2E_FAKE_URL = `http://127.0.0.1:${E2E_FAKE_PORT}`;
export { FAKE_CHAKRA_TOKEN } from "../../lib/chakra/demo";
