import { bearerChecker, configOf, findPlugin } from "./api";
import { applyChange, parseChange } from "./changes";
import type { Fault, Faults } from "./faults";
import { envelope, failure, type Handler, HttpError, isText, readJson } from "./http";
import type { FakeSdkBehaviour, SdkHost } from "./sdk-host";
import type { FakePhoneNumber, FakeStore, FakeWaba } from "./state";
import type { Tokens } from "./tokens";

/** at: when the request came in; endedAt: when its answer was sent (ms since the epoch). */
export type RequestRecord = { method: string; path: string; status: number; at: number; endedAt: number };

/**
 * The tests' controls, `/__fake/*`, behind the same bearer token as the API: faults, the
 * SDK's behaviour, plugins, tokens, the request log, and changes after a signup.
 */
export function createControl({
  token,
  store,
  tokens,
  faults,
  sdk,
  initialSdk,
  requests,
  ttlSeconds,
  notFoundStatus,
}: {
  token: string;
  store: FakeStore;
  tokens: Tokens;
  faults: Faults;
  sdk: SdkHost;
  initialSdk?: Partial<FakeSdkBehaviour>;
  requests: RequestRecord[];
  ttlSeconds: number;
  notFoundStatus: number;
}): Handler {
  const authorized = bearerChecker(token);

  async function answer(method: string, pathname: string, req: Parameters<Handler>[0]): Promise<unknown> {
    if (pathname === "/__fake/faults" && method === "POST") {
      faults.list.push((await readJson(req)) as Fault);
      return { faults: faults.list };
    }
    if (pathname === "/__fake/faults" && method === "DELETE") {
      faults.clear();
      return { faults: faults.list };
    }
    if (pathname === "/__fake/release" && method === "POST") return { released: faults.release() };
    if (pathname === "/__fake/sdk" && method === "POST") {
      const body = await readJson(req);
      if (body.successEvent !== undefined && body.successEvent !== null && typeof body.successEvent !== "string")
        throw new HttpError(400, "successEvent must be a string or null");
      return sdk.setBehaviour(body as Partial<FakeSdkBehaviour>);
    }
    if (pathname === "/__fake/sdk" && method === "DELETE") return sdk.setBehaviour();
    if (pathname === "/__fake/reset" && method === "POST") {
      store.reset();
      sdk.setBehaviour(initialSdk);
      faults.clear();
      requests.length = 0;
      return { ok: true };
    }
    if (pathname === "/__fake/plugins" && method === "GET") {
      return Object.values(store.state.plugins).map((p) => ({
        id: p.id,
        name: p.name,
        clientReferenceId: p.clientReferenceId,
      }));
    }
    if (pathname === "/__fake/plugins" && method === "POST") {
      // Optionally with accounts and numbers in Meta's shape (any further fields kept), to show
      // states a signup does not produce.
      const body = await readJson(req);
      const objects = (value: unknown, what: string) => {
        if (value === undefined) return undefined;
        const ok =
          Array.isArray(value) &&
          value.every((v) => v && typeof v === "object" && !Array.isArray(v) && isText((v as { id?: unknown }).id));
        if (!ok) throw new HttpError(400, `${what} must be an array of objects with an id`);
        return value as Record<string, unknown>[];
      };
      const wabas = objects(body.wabas, "wabas") as FakeWaba[] | undefined;
      const numbers = objects(body.numbers, "numbers") as FakePhoneNumber[] | undefined;
      if (numbers?.length && !wabas?.length) throw new HttpError(400, "numbers need a WABA in wabas");
      return store.createPlugin({ name: isText(body.name) ? body.name : undefined, wabas, numbers });
    }
    // A change after signup (fake-chakra/changes.ts); answers the plugin's configuration now, or
    // null once the plugin is no longer found.
    const change = /^\/__fake\/plugins\/([^/]+)\/changes$/.exec(pathname);
    if (change && method === "POST") {
      const pluginId = decodeURIComponent(change[1]!);
      applyChange(store, pluginId, parseChange(await readJson(req)));
      const plugin = store.state.plugins[pluginId];
      return { config: plugin ? configOf(plugin) : null };
    }
    if (pathname === "/__fake/requests" && method === "GET") return requests;
    if (pathname === "/__fake/tokens" && method === "POST") {
      // A token with any lifetime (negative: already expired), for tests of expiry.
      const body = await readJson(req);
      const plugin = findPlugin(store, String(body.pluginId ?? ""), notFoundStatus);
      const ttl = typeof body.ttlSeconds === "number" ? body.ttlSeconds : ttlSeconds;
      return { connectToken: tokens.mint(plugin.id, plugin.clientReferenceId, ttl) };
    }
    throw new HttpError(404, "No such control");
  }

  return async (req, res, url) => {
    if (!url.pathname.startsWith("/__fake/")) return false;
    if (!authorized(req)) {
      failure(res, 401, "Invalid access token");
      return true;
    }
    envelope(res, 200, await answer(req.method ?? "GET", url.pathname, req));
    return true;
  };
}
