import { readFileSync } from "node:fs";
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { request as httpsRequest } from "node:https";
import { expect, test } from "../support/e2e-test";
import { createMember, emailsTo, signInLink, waitForEmail } from "../support/e2e";
import { E2E_APP_INTERNAL_PORT, E2E_APP_PORT, E2E_APP_URL, E2E_DIST_DIR } from "../support/e2e-ports";
import { ROOT } from "../../scripts/lib/prisma-schema";

/*
 * What the deployment promises to an attacker: absolute URLs only from APP_URL, security
 * headers on every response, and no framing. The app runs as in production (a build behind
 * an https front): tests/support/e2e-stack.ts.
 */

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** A raw request, so that Host and X-Forwarded-* can be forged (browsers and fetch cannot). */
function raw(
  via: "front" | "app",
  {
    method = "GET",
    path,
    headers = {},
    body,
  }: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<Raw> {
  const options = {
    host: "127.0.0.1",
    port: via === "front" ? E2E_APP_PORT : E2E_APP_INTERNAL_PORT,
    method,
    path,
    headers: { ...headers, ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}) },
    ...(via === "front" ? { rejectUnauthorized: false, servername: "localhost" } : {}),
  };
  return new Promise((resolve, reject) => {
    const request = (via === "front" ? httpsRequest : httpRequest)(options, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on("error", reject);
    if (body) request.write(body);
    request.end();
  });
}

/** Asks Auth.js for a sign-in link the way its own form does, with the given extra headers. */
async function askForSignInLink(via: "front" | "app", email: string, forged: Record<string, string>) {
  const csrf = await raw(via, { path: "/api/auth/csrf", headers: forged });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookies = ([] as string[])
    .concat(csrf.headers["set-cookie"] ?? [])
    .map((c) => c.split(";")[0])
    .join("; ");
  const response = await raw(via, {
    method: "POST",
    path: "/api/auth/signin/nodemailer",
    headers: { ...forged, cookie: cookies, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: "/dashboard" }).toString(),
  });
  expect(response.status).toBeLessThan(400);
  return response;
}

test("a sign-in asked for with a forged Host or X-Forwarded-Host still emails a link on APP_URL", async ({ page }) => {
  const member = await createMember("ADMIN");
  // Straight to the app's server (a proxy that passes Host on), and through the https front.
  await askForSignInLink("app", member.email, { host: "partner.example", "x-forwarded-host": "evil.example" });
  await askForSignInLink("front", member.email, { "x-forwarded-host": "evil.example" });

  await waitForEmail(member.email, 2);
  for (const email of await emailsTo(member.email)) {
    expect(email.text).not.toMatch(/evil\.example|partner\.example/);
    const link = signInLink(email);
    expect(new URL(link).origin).toBe(E2E_APP_URL);
    expect(new URL(new URL(link).searchParams.get("callbackUrl")!, E2E_APP_URL).origin).toBe(E2E_APP_URL);
  }
  // The genuine link works, and lands on APP_URL.
  await page.goto(signInLink((await emailsTo(member.email))[1]!));
  await expect(page).toHaveURL(`${E2E_APP_URL}/dashboard`);
});

test("a signed-out visitor is sent to the sign-in page on APP_URL, whatever Host says", async () => {
  const response = await raw("app", {
    path: "/clients",
    headers: { host: "evil.example", "x-forwarded-host": "evil.example" },
  });
  expect(response.status).toBe(307);
  expect(response.headers.location).toBe(`${E2E_APP_URL}/sign-in?callbackUrl=%2Fclients`);
});

/** The id of a server action in the build under test, by its exported name. */
function actionId(name: string): string {
  const manifest = JSON.parse(
    readFileSync(`${ROOT}/${E2E_DIST_DIR}/server/server-reference-manifest.json`, "utf8"),
  ) as { node: Record<string, { exportedName?: string }> };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === name);
  if (!found) throw new Error(`No server action ${name} in the build`);
  return found[0];
}

test("a server action runs only for a page on APP_URL, also behind a proxy that rewrites Host", async () => {
  // The end client's "page opened" action, for a token that names no link: harmless either way.
  const call = (origin: string) =>
    raw("app", {
      method: "POST",
      path: "/onboard/not-a-token",
      headers: {
        // What a proxy in front of the app may pass on: its own upstream name, not APP_URL's.
        host: "app-internal:3000",
        origin,
        "next-action": actionId("markLinkOpened"),
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
      },
      body: JSON.stringify(["not-a-token"]),
    });
  // APP_URL's origin is allowed by the setting the server took from APP_URL as it started.
  const genuine = await call(E2E_APP_URL);
  expect(genuine.status).toBe(200);
  expect(genuine.body).toContain(`"code":"unknown"`);
  // Another site's page posting to the app is refused before the action runs.
  const forged = await call("https://evil.example");
  expect(forged.status).toBeGreaterThanOrEqual(400);
  expect(forged.body).not.toContain(`"code":"unknown"`);
});

test("every page sends the security headers, with a fresh CSP nonce that Next's scripts carry", async () => {
  const nonces = new Set<string>();
  for (const path of ["/", "/sign-in", "/onboard/not-a-token", `/onboard/${"A".repeat(43)}`]) {
    const response = await raw("front", { path });
    expect(response.status, path).toBeLessThan(500);
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `${path} has a nonce`).toBeTruthy();
    nonces.add(nonce!);
    // Every script Next writes into the page carries this request's nonce.
    const scripts = response.body.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(response.headers["x-frame-options"]).toBe("DENY");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["strict-transport-security"]).toMatch(/max-age=\d{7,}/);
    expect(response.headers["permissions-policy"]).toContain("camera=()");
    expect(response.headers["referrer-policy"]).toBe(
      path.startsWith("/onboard/") ? "no-referrer" : "strict-origin-when-cross-origin",
    );
  }
  expect(nonces.size).toBe(4);
});

test("another site cannot frame the client's onboarding page", async ({ page, cspViolations }) => {
  // Another site, on this machine so that Chromium's private-network rules do not step in first.
  const attacker = createServer((_request, response) => {
    response.setHeader("content-type", "text/html");
    response.end(
      `<html><body><iframe id="victim" src="${E2E_APP_URL}/onboard/${"A".repeat(43)}"></iframe></body></html>`,
    );
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  const blocked = page.waitForEvent("console", (m) => /frame-ancestors/i.test(m.text()));
  await page.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
  await blocked;
  // The framed document never rendered: no heading of the app inside.
  await expect(page.frameLocator("#victim").getByRole("heading")).toHaveCount(0);
  // The one violation is the refusal itself, which is the point of this test.
  expect(cspViolations.every((v) => /frame-ancestors/.test(v))).toBe(true);
  cspViolations.length = 0;
  attacker.close();
});
