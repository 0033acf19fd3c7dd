/** Where the browser tests' own servers listen, beside a developer's `npm run dev`. */
export const E2E_APP_PORT = 3100;
export const E2E_FAKE_PORT = 4110;
export const E2E_MAIL_SMTP_PORT = 4125;
export const E2E_MAIL_HTTP_PORT = 4126;
