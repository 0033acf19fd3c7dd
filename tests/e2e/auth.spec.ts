import { expect, test } from "../support/e2e-test";
import {
  createMember,
  emailsTo,
  requestSignInLink,
  signIn,
  signInLink,
  testDb,
  uniqueEmail,
  waitForEmail,
} from "../support/e2e";
import { E2E_APP_URL, E2E_FIRST_OWNER_EMAIL as FIRST_OWNER_EMAIL } from "../support/e2e-ports";

test("the first owner signs in through a real email, lands on APP_URL, with a secure session cookie @phone", async ({
  page,
  context,
}) => {
  await page.goto("/team");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fteam/);
  // Production never offers a demo owner: INITIAL_ADMIN_EMAIL is the first owner.
  await expect(page.getByText("demo owner")).toHaveCount(0);
  await expect(page.getByLabel("Work email")).toHaveValue("");

  const before = (await emailsTo(FIRST_OWNER_EMAIL)).length;
  await page.getByLabel("Work email").fill(FIRST_OWNER_EMAIL);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();

  const email = await waitForEmail(FIRST_OWNER_EMAIL, before + 1);
  expect(email.subject).toBe("Sign in to Partner Onboarding");
  expect(email.html).toContain("Sign in");
  expect(email.text).toContain("Your agency");
  const link = signInLink(email);
  expect(new URL(link).origin).toBe(E2E_APP_URL);
  await page.goto(link);
  // The app's own server sits behind the https front on another port: the browser must land
  // on APP_URL, not on the address the front forwarded to.
  await expect(page).toHaveURL(`${E2E_APP_URL}/team`);
  await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  // The header names who is signed in (on a phone, inside the closed menu): the team list does too.
  await expect(page.getByText(FIRST_OWNER_EMAIL).filter({ visible: true }).first()).toBeVisible();

  const session = (await context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
  expect(session).toMatchObject({
    name: "__Secure-authjs.session-token",
    secure: true,
    httpOnly: true,
    sameSite: "Lax",
  });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an unknown address sees the same page and gets no email", async ({ page }) => {
  const stranger = uniqueEmail("stranger");
  const member = await createMember("ADMIN");

  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill(stranger);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your inbox" })).toBeVisible();
  const strangerPage = await page.locator("main").innerText();

  // A member asked after the stranger: once their email is in, the stranger's would be too.
  await requestSignInLink(page, member.email);
  expect(await page.locator("main").innerText()).toBe(strangerPage);
  expect(await emailsTo(stranger)).toEqual([]);
  expect(await testDb().verificationToken.count({ where: { identifier: stranger } })).toBe(0);
});

test("a bad address is refused with a clear error and stays in the field", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill("not-an-address");
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText("Enter a valid email address, like name@agency.com.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveValue("not-an-address");
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
});

test("a sign-in link works once, and an expired one not at all", async ({ page, browser }) => {
  const member = await createMember("ADMIN");
  const link = await requestSignInLink(page, member.email);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();

  // The same link in another browser: already used.
  const other = await browser.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByRole("heading", { name: "This sign-in link no longer works" })).toBeVisible();
  await expect(second.getByRole("button", { name: "Email me a sign-in link" })).toBeVisible();

  // A fresh link whose time ran out.
  const stale = await requestSignInLink(second, member.email);
  await testDb().verificationToken.updateMany({
    where: { identifier: member.email },
    data: { expires: new Date(Date.now() - 1000) },
  });
  await second.goto(stale);
  await expect(second.getByRole("heading", { name: "This sign-in link no longer works" })).toBeVisible();
  await expect(second).not.toHaveURL(/dashboard/);
  await other.close();
});

test("an owner invites a viewer, who sees no edit controls and whose forged submission is refused", async ({
  browser,
}) => {
  const owner = await createMember("OWNER");
  const viewerEmail = uniqueEmail("viewer");
  const forgedEmail = uniqueEmail("forged");

  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signIn(ownerPage, owner.email);
  await ownerPage.goto("/team");

  // The owner's invitation, with the server action request it sends kept for the forgery.
  await ownerPage.getByLabel("Email address", { exact: true }).fill(viewerEmail);
  await ownerPage.getByLabel("Role", { exact: true }).selectOption("VIEWER");
  const actionRequest = ownerPage.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await ownerPage.getByRole("button", { name: "Send invitation" }).click();
  const captured = await actionRequest;
  await expect(ownerPage.getByText(`Invitation sent to ${viewerEmail}.`)).toBeVisible();
  await expect(ownerPage.getByLabel("Email address", { exact: true })).toHaveValue("");
  await expect(ownerPage.getByRole("region", { name: /Pending invitations/ }).getByText(viewerEmail)).toBeVisible();

  const invitation = await waitForEmail(viewerEmail);
  expect(invitation.subject).toContain("invited you to");
  expect(invitation.text).toContain("as viewer");

  const viewerContext = await browser.newContext();
  const viewerPage = await viewerContext.newPage();
  await viewerPage.goto(signInLink(invitation));
  await expect(viewerPage.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await viewerPage.goto("/team");
  await expect(viewerPage.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
  await expect(viewerPage.getByText("Only owners change the team.")).toBeVisible();
  await expect(viewerPage.getByRole("heading", { name: "Invite someone" })).toHaveCount(0);
  // Their own emails (alerts, the weekly digest) are theirs to choose: the page's only Save.
  await expect(viewerPage.getByRole("button", { name: /Save|Remove|Withdraw|Send/ })).toHaveCount(1);
  await expect(
    viewerPage.getByRole("region", { name: "Your emails" }).getByRole("button", { name: "Save my emails" }),
  ).toHaveCount(1);

  // The viewer replays the owner's invitation request, for another address, as an owner.
  const body = (captured.postData() ?? "")
    .replace(viewerEmail, forgedEmail)
    .replace('"VIEWER"', '"OWNER"')
    .replace("\r\nVIEWER\r\n", "\r\nOWNER\r\n");
  expect(body).toContain(forgedEmail);
  const response = await viewerPage.request.post("/team", {
    headers: {
      "next-action": captured.headers()["next-action"]!,
      "content-type": captured.headers()["content-type"]!,
      accept: "text/x-component",
    },
    data: body,
  });
  expect(await response.text()).toContain("only owners can do this");
  expect(await testDb().invitation.count({ where: { email: forgedEmail } })).toBe(0);
  expect(await emailsTo(forgedEmail)).toEqual([]);

  // The owner still sees one pending invitation: the viewer accepted theirs.
  await ownerPage.reload();
  await expect(ownerPage.getByRole("region", { name: /Pending invitations/ }).getByText(forgedEmail)).toHaveCount(0);
  await expect(
    ownerPage.getByRole("region", { name: /Members/ }).getByText(viewerEmail, { exact: true }),
  ).toBeVisible();
  await ownerContext.close();
  await viewerContext.close();
});

test("removing a member signs them out at once", async ({ browser }) => {
  const owner = await createMember("OWNER");
  const admin = await createMember("ADMIN");
  const adminContext = await browser.newContext();
  const adminPage = await adminContext.newPage();
  await signIn(adminPage, admin.email);

  const ownerContext = await browser.newContext();
  const ownerPage = await ownerContext.newPage();
  await signIn(ownerPage, owner.email);
  await ownerPage.goto("/team");
  // The owner's own row says so before it removes them.
  const own = ownerPage.getByRole("listitem").filter({ hasText: owner.email });
  await own.getByRole("button", { name: `Remove yourself (${owner.email})` }).click();
  const self = ownerPage.getByRole("dialog", { name: "Remove yourself from the team?" });
  await expect(self).toContainText(`This is you (${owner.email})`);
  await self.getByRole("button", { name: "Cancel" }).click();
  await expect(self).toHaveCount(0);
  const row = ownerPage.getByRole("listitem").filter({ hasText: admin.email });
  await row.getByRole("button", { name: "Remove" }).click();
  const dialog = ownerPage.getByRole("dialog", { name: `Remove ${admin.email}?` });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Remove from the team" }).click();
  await expect(ownerPage.getByRole("region", { name: /Members/ }).getByText(admin.email, { exact: true })).toHaveCount(
    0,
  );
  // Said above the list, and focused: the row, its button and its dialog have gone.
  const said = `${admin.email} is removed: signed out everywhere, and can no longer sign in.`;
  await expect(ownerPage.getByRole("region", { name: /Members/ }).getByRole("status")).toHaveText(said);
  await expect(ownerPage.locator(":focus")).toHaveText(said);

  await adminPage.goto("/dashboard");
  await expect(adminPage).toHaveURL(/\/sign-in/);
  const audit = await testDb().auditLog.findFirst({ where: { action: "team.member_removed", targetId: admin.id } });
  expect(audit?.actorId).toBe(owner.id);
  await ownerContext.close();
  await adminContext.close();
});
