import { mkdirSync, writeFileSync } from "node:fs";
import { test } from "../support/e2e-test";
import {
  createMember,
  membersFile,
  SIGNED_IN_DIR,
  SIGNED_IN_ROLES,
  signedInState,
  signIn,
  uniqueEmail,
  type SignedInRole,
} from "../support/e2e";

/*
 * The setup project (playwright.config.ts): one member per role signs in once, through the real
 * email link, and the browser state is saved for the specs that only need someone signed in
 * (dub's apps/web/playwright/workspaces/auth.setup.ts). The sign-in itself is tested in
 * tests/e2e/auth.spec.ts. Fresh addresses each run: the sign-in link is rate limited per address.
 */
test("sign in once per role", async ({ browser }) => {
  mkdirSync(SIGNED_IN_DIR, { recursive: true });
  const members: Partial<Record<SignedInRole, string>> = {};
  for (const role of SIGNED_IN_ROLES) {
    await test.step(role.toLowerCase(), async () => {
      const member = await createMember(role, uniqueEmail(`signed-in-${role.toLowerCase()}`));
      const context = await browser.newContext();
      try {
        await signIn(await context.newPage(), member.email);
        await context.storageState({ path: signedInState(role) });
      } finally {
        await context.close();
      }
      members[role] = member.email;
    });
  }
  writeFileSync(membersFile(), JSON.stringify(members, null, 2));
});
