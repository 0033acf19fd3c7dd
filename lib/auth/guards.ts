import "server-only";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./config";
import { hasRole, type Role } from "./roles";

export type CurrentUser = { id: string; email: string; name?: string | null; role: Role };

/**
 * The signed-in member, from the database session; null when signed out. React's `cache`
 * makes the layout and the page of one request share a single session read (as
 * create-t3-app's `src/server/auth/index.ts` does); outside a render it is a plain call.
 */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  return session?.user?.id ? session.user : null;
});

/**
 * The guard of every dashboard page: signed-out visitors go to the sign-in page, members
 * without the role get the 403 page. The proxy redirects earlier for comfort only.
 */
export async function requireUser(required: Role = "VIEWER"): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  if (!hasRole(user.role, required)) forbidden();
  return user;
}

/**
 * The guard of every protected route handler: the member, or the response to send instead
 * (401 signed out, 403 role too low).
 */
export async function authorizeRoute(
  required: Role,
): Promise<{ user: CurrentUser; response?: undefined } | { user?: undefined; response: Response }> {
  const user = await getCurrentUser();
  if (!user) return { response: Response.json({ error: "Sign in first." }, { status: 401 }) };
  if (!hasRole(user.role, required))
    return { response: Response.json({ error: "Your role does not allow this." }, { status: 403 }) };
  return { user };
}
