import { z } from "zod";

const payloadSchema = z.looseObject({
  iat: z.number(), // may be fractional (1771407877.301)
  exp: z.number(),
  data: z.looseObject({
    teamId: z.string().optional(),
    pluginId: z.string().min(1),
    clientReferenceId: z.string().nullish(),
  }),
});

export type ConnectTokenClaims = {
  pluginId: string;
  clientReferenceId: string | null;
  teamId: string | null;
  issuedAt: Date;
  expiresAt: Date;
};

/**
 * Reads a connect token's payload. The signature is ChakraHQ's to check (we lack the
 * secret); we only learn which plugin the token is for and when it expires.
 * Returns null for anything that is not a JWT with the documented payload.
 */
export function decodeConnectToken(token: string): ConnectTokenClaims | null {
  const parts = token.split(".");
  if (parts.length !== 3 || !parts[1]) return null;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(parts[1], "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const { iat, exp, data } = parsed.data;
  return {
    pluginId: data.pluginId,
    clientReferenceId: data.clientReferenceId ?? null,
    teamId: data.teamId ?? null,
    issuedAt: new Date(Math.round(iat * 1000)),
    expiresAt: new Date(Math.round(exp * 1000)),
  };
}
