import { randomUUID } from "node:crypto";
import { HttpError, isText } from "./http";
import { signJwt, verifyJwt } from "./jwt";
import type { FakePlugin, FakeStore } from "./state";

const TEAM_ID = "5fc9f8e3-af4a-4f29-bfd8-6c02e3abe3ee";

export type Tokens = {
  /** Mints a connect token as the API does (docs/chakrahq-contract.md, section 1). */
  mint(pluginId: string, clientReferenceId?: string | null, ttlSeconds?: number): string;
  /** Checks a connect token as the embedded signup would; throws a message for the person. */
  check(token: unknown): { plugin: FakePlugin; token: string };
};

/** Connect tokens, signed with a secret of this run of the fake. */
export function createTokens({
  store,
  ttlSeconds,
  singleUse,
}: {
  store: FakeStore;
  ttlSeconds: number;
  singleUse: boolean;
}): Tokens {
  const secret = randomUUID();
  return {
    mint(pluginId, clientReferenceId = null, ttl = ttlSeconds) {
      const iat = Date.now() / 1000;
      return signJwt(
        {
          iat,
          data: { teamId: TEAM_ID, pluginId, clientReferenceId },
          randomString: randomUUID(),
          exp: Math.floor(iat) + ttl,
        },
        secret,
      );
    },
    check(token) {
      if (!isText(token)) throw new HttpError(400, "The connect token is missing.");
      const result = verifyJwt(token, secret);
      if (!result.ok) {
        throw new HttpError(
          401,
          result.reason === "expired"
            ? "This connect token has expired. Please start again."
            : "This connect token is not valid.",
        );
      }
      if (singleUse && store.state.usedTokens.includes(token)) {
        throw new HttpError(401, "This connect token was already used.");
      }
      const data = result.payload.data as { pluginId?: string } | undefined;
      const plugin = data?.pluginId ? store.state.plugins[data.pluginId] : undefined;
      if (!plugin) throw new HttpError(404, "The WhatsApp plugin of this connect token no longer exists.");
      return { plugin, token };
    },
  };
}
