import { NextResponse, type NextRequest } from "next/server";

/**
 * Comfort only: a visitor without a session cookie goes straight to the sign-in page. The
 * real check (session and role) runs in every page, action and route handler.
 */
export function proxy(request: NextRequest) {
  const hasSession = request.cookies.has("authjs.session-token") || request.cookies.has("__Secure-authjs.session-token");
  if (hasSession) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/dashboard/:path*", "/team/:path*", "/clients/:path*", "/overview/:path*", "/settings/:path*"],
};
