/**
 * Where the browser tests' own servers listen, beside a developer's `npm run dev`.
 * E2E_PORT_OFFSET moves them all, so two clones can run their browser tests at once.
 */
const OFFSET = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
/** The app as people reach it: https, through a TLS-terminating front like a load balancer. */
export const E2E_APP_PORT = 3100 + OFFSET;
export const E2E_APP_URL = `https://localhost:${E2E_APP_PORT}`;
/** The app's own server behind that front (plain http on loopback). */
export const E2E_APP_INTERNAL_PORT = 3101 + OFFSET;
/** The fake ChakraHQ over https, as the app and the browser reach it. */
export const E2E_FAKE_PORT = 4110 + OFFSET;
/** The same fake over plain http, for the tests' own control calls. */
export const E2E_FAKE_CONTROL_PORT = 4111 + OFFSET;
export const E2E_MAIL_SMTP_PORT = 4125 + OFFSET;
export const E2E_MAIL_HTTP_PORT = 4126 + OFFSET;
/** INITIAL_ADMIN_EMAIL of the test deployment. */
export const E2E_FIRST_OWNER_EMAIL = "first-owner@e2e.test";

/** Where the browser tests' production build is written (NEXT_DIST_DIR). */
export const E2E_DIST_DIR = ".next-test";
