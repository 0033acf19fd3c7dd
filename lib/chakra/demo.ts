/** The bearer token the bundled fake ChakraHQ accepts in demo mode; not a secret. */
export const FAKE_CHAKRA_TOKEN = "fake-chakra-development-token";
