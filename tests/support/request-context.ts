import { randomBytes } from "node:crypto";
import type { Role } from "@/lib/auth/roles";
import { db } from "@/lib/db";

/*
 * Stands in for the incoming request in vitest: test files mock "next/headers" with
 * `headersModule()`, and `signInAs()` puts a real database session's cookie in it. The
 * session check itself (Auth.js + the Prisma adapter) runs for real.
 */

const jar = new Map<string, string>();
let extraHeaders: Record<string, string> = {};

/** Adds headers to the current request (say, X-Forwarded-For); `setRequestHeaders({})` clears them. */
export function setRequestHeaders(headers: Record<string, string>): void {
  extraHeaders = { ...headers };
}

export function headersModule() {
  const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  return {
    // Next.js sets x-forwarded-proto on every request; Auth.js picks the cookie name from it.
    headers: async () =>
      new Headers({ host: "localhost:3000", "x-forwarded-proto": "http", ...extraHeaders, cookie: cookieHeader() }),
    cookies: async () => ({
      get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
      getAll: () => [...jar].map(([name, value]) => ({ name, value })),
      has: (name: string) => jar.has(name),
      set: (name: string, value: string) => void jar.set(name, value),
      delete: (name: string) => void jar.delete(name),
      toString: cookieHeader,
    }),
    draftMode: async () => ({ isEnabled: false, enable() {}, disable() {} }),
  };
}

export function signOutOfJar(): void {
  jar.clear();
}

let counter = 0;

/** Creates a member with `role` and a live session, and makes it the current request's. */
export async function signInAs(role: Role, email = `${role.toLowerCase()}-${Date.now()}-${counter++}@test.example`) {
  const user = await db.user.upsert({ where: { email }, create: { email, role }, update: { role, removedAt: null } });
  const sessionToken = randomBytes(32).toString("hex");
  await db.session.create({ data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) } });
  jar.clear();
  jar.set("authjs.session-token", sessionToken);
  return user;
}
