import { NextResponse, type NextRequest } from "next/server";
import { env } from "./lib/env";
import { ONBOARD_TOKEN_HEADER } from "./lib/i18n/locales";
import { contentSecurityPolicy } from "./lib/http/security-headers";

/** Paths that need a member: a visitor without a session cookie goes to the sign-in page. */
const MEMBER_PATHS = ["/dashboard", "/team", "/clients", "/overview", "/settings", "/background"];

/**
 * Runs before every page and route: gives each request a CSP nonce (Next applies it to its
 * own scripts), and sends visitors without a session cookie straight to the sign-in page.
 * The latter is comfort only: the real check (session and role) runs in every page, action
 * and route handler.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const member = MEMBER_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession =
    request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
  if (member && !hasSession) {
    // The address comes from APP_URL, never from the request's Host header.
    const url = new URL("/sign-in", env.APP_URL);
    url.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = contentSecurityPolicy({ nonce, sdkOrigins: env.chakra.sdkOrigins, development: !env.isProduction });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", csp);
  // The root layout gives an onboarding page its language's `lang` and `dir` (lib/i18n/request.ts).
  const onboardToken = /^\/onboard\/([^/]+)\/?$/.exec(pathname)?.[1];
  // As it came (tokens are base64url): decoding could throw, or give text a header cannot carry.
  if (onboardToken) requestHeaders.set(ONBOARD_TOKEN_HEADER, onboardToken);
  else requestHeaders.delete(ONBOARD_TOKEN_HEADER);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Everything but the build's static files, which carry no script of their own.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)"],
};
