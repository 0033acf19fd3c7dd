import { beforeEach, describe, expect, it, vi } from "vitest";

// The incoming request's headers, with whatever an attacker adds to them.
const forged = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", async () => {
  const base = (await import("../support/request-context")).headersModule();
  return {
    ...base,
    headers: async () => {
      const headers = await base.headers();
      for (const [key, value] of forged) headers.set(key, value);
      return headers;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requestSignInLink } from "@/lib/actions/auth";

/*
 * Account takeover through a forged host: the sign-in email's link must point at APP_URL,
 * whatever Host and X-Forwarded-Host the request that asked for it carried.
 */

let n = 0;

async function askForLink(email: string): Promise<string> {
  const form = new FormData();
  form.set("email", email);
  await requestSignInLink(null, form).catch((error: { digest?: string }) => {
    if (!error.digest?.startsWith("NEXT_REDIRECT")) throw error; // it ends on "check your inbox"
  });
  const message = await db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
  return message.text;
}

beforeEach(() => forged.clear());

describe("sign-in links", () => {
  it("point at APP_URL even when Host and X-Forwarded-Host are forged", async () => {
    const email = `member-${Date.now()}-${n++}@auth.test`;
    await db.user.create({ data: { email, role: "OWNER" } });
    forged.set("host", "partner.example");
    forged.set("x-forwarded-host", "evil.example");
    forged.set("x-forwarded-proto", "https");

    const text = await askForLink(email);
    const links = text.match(/https?:\/\/\S+/g) ?? [];
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(new URL(link).origin).toBe(new URL(env.APP_URL).origin);
    expect(text).not.toMatch(/evil\.example|partner\.example/);
    // The link's own callback address is on APP_URL too.
    const callback = new URL(links.find((l) => l.includes("/api/auth/callback/"))!).searchParams.get("callbackUrl");
    expect(new URL(callback!, env.APP_URL).origin).toBe(new URL(env.APP_URL).origin);
  });
});
