import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "../auth/secret";

/*
 * An onboarding address's token, sealed (AES-256-GCM) so that a reminder can carry the same
 * address the client was sent. The key is derived from AUTH_SECRET (HKDF), so a copy of the
 * database alone opens nothing; changing AUTH_SECRET makes sealed tokens unreadable, and
 * their links simply get no reminders. Lookups still go by the token's SHA-256 only.
 */

const key = () => Buffer.from(hkdfSync("sha256", authSecret(), "", "onboarding-link-token", 32));

export function sealToken(token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([cipher.update(token, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), sealed.toString("base64url")].join(
    ".",
  );
}

/** The token, or null when it cannot be opened (another secret, a damaged value). */
export function openToken(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
