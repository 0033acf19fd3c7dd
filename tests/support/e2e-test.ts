import { test as base, expect } from "@playwright/test";

/**
 * Playwright's `test`, with one addition for every browser test: the page must not break its
 * Content-Security-Policy. Chromium reports each blocked script, frame or request on the
 * console; any such report fails the test, so the CSP and the app (and ChakraHQ's SDK) are
 * proved to work together on every flow the tests walk through.
 */
export const test = base.extend<{ cspViolations: string[] }>({
  cspViolations: [
    async ({ context }, use) => {
      const violations: string[] = [];
      context.on("console", (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use(violations);
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
