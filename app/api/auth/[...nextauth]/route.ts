// Auth.js's own endpoints (sign-in link callback, sign-out, session): public by nature.
import { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { env } from "@/lib/env";

/** A callbackUrl on this app, as an absolute URL; anything else becomes the dashboard. */
function ownCallbackUrl(value: string): string {
  const app = new URL(env.APP_URL);
  try {
    const url = new URL(value, app);
    if (url.origin === app.origin) return url.href;
  } catch {
    // Not a URL at all: the dashboard.
  }
  return new URL("/dashboard", app).href;
}

/**
 * Auth.js answers 500 ("server configuration") to a callbackUrl it cannot parse, and its own
 * check only keeps redirects on the app. Every callbackUrl, in the query or a posted form, is
 * made one on APP_URL before Auth.js sees it, and query values lose control characters.
 */
async function withOwnCallbackUrl(request: NextRequest): Promise<NextRequest> {
  const url = new URL(request.url);
  // Control characters in a query value (?error=%00, %0D%0A) would reach a Location header and throw.
  const clean = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, "");
  const dirty = [...url.searchParams.values()].some((value) => clean(value) !== value);
  for (const [key, value] of [...url.searchParams]) url.searchParams.set(key, clean(value));
  const query = url.searchParams.get("callbackUrl");
  if (query !== null) url.searchParams.set("callbackUrl", ownCallbackUrl(query));
  const isForm = request.headers.get("content-type")?.includes("application/x-www-form-urlencoded") ?? false;
  if (query === null && !dirty && !(request.method === "POST" && isForm)) return request;
  let body: string | undefined;
  if (request.method === "POST") {
    body = await request.text();
    if (isForm) {
      const form = new URLSearchParams(body);
      const posted = form.get("callbackUrl");
      if (posted !== null) form.set("callbackUrl", ownCallbackUrl(posted));
      body = form.toString();
    }
  }
  return new NextRequest(url, { method: request.method, headers: request.headers, body });
}

export async function GET(request: NextRequest) {
  return handlers.GET(await withOwnCallbackUrl(request));
}

export async function POST(request: NextRequest) {
  return handlers.POST(await withOwnCallbackUrl(request));
}
