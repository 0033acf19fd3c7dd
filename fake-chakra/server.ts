import { randomInt, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { connectPage } from "./connect-page";
import { signJwt, verifyJwt } from "./jwt";
import { emptySettings, FakeStore, type FakePhoneNumber, type FakePlugin, type FakeWaba } from "./state";

/**
 * A fake ChakraHQ that honours docs/chakrahq-contract.md, for development and tests.
 * Everything the contract marks [GUESS] is an option here, as it is a setting of the client.
 */

export type FakeRoute = "health" | "createConnectToken" | "getConfig" | "updateConfig" | "disconnectWaba";

export type Fault = {
  /** Which API route, or "*" for all of them. */
  route: FakeRoute | "*";
  /**
   * hold: the request waits until release() (or POST /__fake/release), then is answered as usual.
   * late_answer: the request is carried out (a write is applied), then its answer waits latencyMs, or is
   * never sent when latencyMs is omitted (the client's timeout fires). The kinds from rate_limit to error
   * answer without carrying the request out: a write they hit is not applied.
   */
  kind:
    | "latency"
    | "hold"
    | "rate_limit"
    | "server_error"
    | "timeout"
    | "malformed"
    | "not_found"
    | "error"
    | "late_answer";
  /** How many requests it affects; unlimited when omitted. */
  times?: number;
  latencyMs?: number;
  /** For rate_limit: the Retry-After header, in seconds; omitted means no header. */
  retryAfterSeconds?: number;
  /** For error: any status with `_errors[0]` = message (e.g. 402 "upgrade to a paid plan"); no message: an HTML body. */
  status?: number;
  message?: string;
  /** Takes effect only once the fake has applied a write (update or disconnect) after the fault was added: "the read after a write fails". */
  afterWrite?: boolean;
};

/**
 * [GUESS] What the fake SDK tells the page when a signup finishes. The real SDK's event
 * names are not public: these let tests play one the app has never heard of, or none.
 */
export type FakeSdkBehaviour = {
  /** The onMessage event's name; null: no onMessage at all. Default "connected". */
  successEvent: string | null;
  /** Its data; omitted: the signup's own answer (`{ status: "connected", pluginId, wabaId, phoneNumberId }`). */
  successData?: Record<string, unknown>;
  /** Whether onSuccess is called too. Default true. */
  callOnSuccess: boolean;
  /** Events sent (through onMessage) when the person opens the signup. Default one: "started". */
  startEvents: { event: string; data: Record<string, unknown> }[];
};

export const DEFAULT_SDK_BEHAVIOUR: FakeSdkBehaviour = {
  successEvent: "connected",
  callOnSuccess: true,
  startEvents: [{ event: "started", data: { status: "started" } }],
};

/** The stand-in's SDK: success as `WA_EMBEDDED_SIGNUP_FINISH` with `{ state: "COMPLETED" }`, no onSuccess. */
export const UNKNOWN_SUCCESS_SDK: Partial<FakeSdkBehaviour> = {
  successEvent: "WA_EMBEDDED_SIGNUP_FINISH",
  successData: { state: "COMPLETED" },
  callOnSuccess: false,
};

export type FakeChakraOptions = {
  port?: number;
  host?: string;
  /** The bearer token the fake accepts. */
  token: string;
  /** Where state is kept across restarts; in memory only when omitted. */
  stateFile?: string;
  /** Start with the demo plugins (default true). */
  seed?: boolean;
  paths?: { updateConfig?: string; disconnectWaba?: string; health?: string };
  disconnectWabaField?: string;
  /** How long after a signup its phone number shows up in the config (default 2000 ms). */
  numbersDelayMs?: number;
  /** [GUESS] The status of "plugin not found" (default 404). */
  notFoundStatus?: number;
  /** [GUESS] Whether a connect token works only once (default false). */
  singleUseTokens?: boolean;
  /** [GUESS] Whether the update call accepts some of the six fields (default false: all six). */
  partialUpdates?: boolean;
  tokenTtlSeconds?: number;
  /** What the fake SDK reports (default DEFAULT_SDK_BEHAVIOUR); changed at run time with POST /__fake/sdk. */
  sdk?: Partial<FakeSdkBehaviour>;
};

export type RequestRecord = { method: string; path: string; status: number; at: number };

export type FakeChakra = {
  url: string;
  port: number;
  store: FakeStore;
  requests: RequestRecord[];
  addFault(fault: Fault): void;
  clearFaults(): void;
  /** Lets every request held by a "hold" fault go on; returns how many there were. */
  release(): number;
  /** Changes what the fake SDK reports from the next signup page on; no argument: the default. */
  setSdk(behaviour?: Partial<FakeSdkBehaviour>): FakeSdkBehaviour;
  createPlugin(input?: { name?: string; id?: string }): FakePlugin;
  /** Mints a token as the API would, for tests that need one without the HTTP call. */
  mintToken(pluginId: string, clientReferenceId?: string | null, ttlSeconds?: number): string;
  close(): Promise<void>;
};

const TEAM_ID = "5fc9f8e3-af4a-4f29-bfd8-6c02e3abe3ee";
const SDK_SOURCE = readFileSync(path.join(import.meta.dirname, "sdk.js"), "utf8");
const WEBHOOK_FIELDS = {
  passThroughWebhookUrl: "string",
  enableMessageEchoesForPassThroughWebhook: "boolean",
  enableSendMessageTemplateEventForPassThroughWebhook: "boolean",
  enableChakraWebhook: "boolean",
  chakraWebhookUrl: "string",
  whichChakraWebhookEventsToSend: "array",
} as const;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function digits(count: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < count) out += String(randomInt(0, 10));
  return out;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return {};
  try {
    const value = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, "Request body must be a JSON object");
}

const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

export async function startFakeChakra(options: FakeChakraOptions): Promise<FakeChakra> {
  const store = new FakeStore(options.stateFile ?? null, options.seed ?? true);
  const jwtSecret = randomUUID();
  const paths = {
    updateConfig: options.paths?.updateConfig ?? "/v1/ext/plugin/whatsapp/{pluginId}/update-config",
    disconnectWaba: options.paths?.disconnectWaba ?? "/v1/ext/plugin/whatsapp/{pluginId}/disconnect-waba",
    health: options.paths?.health ?? "/v1/health",
  };
  const disconnectField = options.disconnectWabaField ?? "wabaId";
  const numbersDelayMs = options.numbersDelayMs ?? 2000;
  const notFoundStatus = options.notFoundStatus ?? 404;
  const ttl = options.tokenTtlSeconds ?? 3600;
  let sdk: FakeSdkBehaviour = { ...DEFAULT_SDK_BEHAVIOUR, ...options.sdk };
  const setSdk = (behaviour: Partial<FakeSdkBehaviour> = {}) => (sdk = { ...DEFAULT_SDK_BEHAVIOUR, ...behaviour });
  const faults: Fault[] = [];
  /** The afterWrite faults a write has set off. */
  const armed = new WeakSet<Fault>();
  const requests: RequestRecord[] = [];
  const held = new Set<() => void>();
  const release = () => {
    const count = held.size;
    for (const go of held) go();
    held.clear();
    return count;
  };

  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  /** "/v1/x/{pluginId}/y" → /^\/v1\/x\/([^/]+)\/y$/ */
  const toPattern = (template: string) => new RegExp(`^${template.split("{pluginId}").map(escape).join("([^/]+)")}$`);
  const routes: { route: FakeRoute; method: string; pattern: RegExp }[] = [
    { route: "health", method: "GET", pattern: toPattern(paths.health) },
    { route: "createConnectToken", method: "POST", pattern: /^\/v1\/ext\/whatsapp-partner\/create-connect-token$/ },
    { route: "getConfig", method: "GET", pattern: /^\/v1\/ext\/plugin\/whatsapp\/([^/]+)\/config$/ },
    { route: "updateConfig", method: "POST", pattern: toPattern(paths.updateConfig) },
    { route: "disconnectWaba", method: "POST", pattern: toPattern(paths.disconnectWaba) },
  ];

  function mintToken(pluginId: string, clientReferenceId: string | null = null, ttlSeconds = ttl): string {
    const iat = Date.now() / 1000;
    return signJwt(
      {
        iat,
        data: { teamId: TEAM_ID, pluginId, clientReferenceId },
        randomString: randomUUID(),
        exp: Math.floor(iat) + ttlSeconds,
      },
      jwtSecret,
    );
  }

  function createPlugin(
    input: {
      name?: string;
      id?: string;
      clientReferenceId?: string;
      clientName?: string;
      clientEmail?: string;
      wabas?: FakeWaba[];
      numbers?: FakePhoneNumber[];
    } = {},
  ): FakePlugin {
    const wabas = input.wabas ?? [];
    const plugin: FakePlugin = {
      id: input.id ?? randomUUID(),
      name: input.name ?? "WhatsApp plugin",
      clientReferenceId: input.clientReferenceId ?? null,
      clientName: input.clientName ?? null,
      clientEmail: input.clientEmail ?? null,
      createdAt: new Date().toISOString(),
      settings: emptySettings(),
      wabas,
      // Given numbers belong to the first account and are there at once.
      numbers: (input.numbers ?? []).map((number) => ({ wabaId: wabas[0]?.id ?? "", availableAt: 0, number })),
    };
    store.state.plugins[plugin.id] = plugin;
    store.save();
    return plugin;
  }

  function findPlugin(id: string): FakePlugin {
    const plugin = store.state.plugins[decodeURIComponent(id)];
    if (!plugin) throw new HttpError(notFoundStatus, "WhatsApp plugin not found");
    return plugin;
  }

  function configOf(plugin: FakePlugin) {
    const now = Date.now();
    return {
      ...plugin.settings,
      whatsappBusinessAccounts: plugin.wabas,
      whatsappPhoneNumbers: plugin.numbers.filter((n) => n.availableAt <= now).map((n) => n.number),
    };
  }

  /** Checks a connect token as the embedded signup would; throws a message for the person. */
  function checkConnectToken(token: unknown): { plugin: FakePlugin; token: string } {
    if (!isText(token)) throw new HttpError(400, "The connect token is missing.");
    const result = verifyJwt(token, jwtSecret);
    if (!result.ok) {
      throw new HttpError(
        401,
        result.reason === "expired"
          ? "This connect token has expired. Please start again."
          : "This connect token is not valid.",
      );
    }
    if (options.singleUseTokens && store.state.usedTokens.includes(token)) {
      throw new HttpError(401, "This connect token was already used.");
    }
    const data = result.payload.data as { pluginId?: string } | undefined;
    const plugin = data?.pluginId ? store.state.plugins[data.pluginId] : undefined;
    if (!plugin) throw new HttpError(404, "The WhatsApp plugin of this connect token no longer exists.");
    return { plugin, token };
  }

  async function api(route: FakeRoute, match: RegExpMatchArray, req: IncomingMessage): Promise<unknown> {
    switch (route) {
      case "health":
        return { status: "ok" };
      case "createConnectToken": {
        const body = await readJson(req);
        if (isText(body.pluginId)) {
          const plugin = findPlugin(body.pluginId);
          return { connectToken: mintToken(plugin.id, plugin.clientReferenceId) };
        }
        if (isText(body.newPluginName) && isText(body.clientReferenceId) && isText(body.clientName)) {
          if (body.clientEmail !== undefined && typeof body.clientEmail !== "string") {
            throw new HttpError(400, "clientEmail must be a string");
          }
          const plugin = createPlugin({
            name: body.newPluginName,
            clientReferenceId: body.clientReferenceId,
            clientName: body.clientName,
            clientEmail: body.clientEmail as string | undefined,
          });
          return { connectToken: mintToken(plugin.id, plugin.clientReferenceId) };
        }
        throw new HttpError(400, "Send either pluginId, or newPluginName, clientReferenceId and clientName");
      }
      case "getConfig":
        return configOf(findPlugin(match[1]!));
      case "updateConfig": {
        const plugin = findPlugin(match[1]!);
        const body = await readJson(req);
        const next = { ...plugin.settings };
        for (const [field, type] of Object.entries(WEBHOOK_FIELDS)) {
          const value = body[field];
          if (value === undefined) {
            if (options.partialUpdates) continue;
            throw new HttpError(400, `${field} is required`);
          }
          const ok =
            type === "array"
              ? Array.isArray(value) && value.every((v) => typeof v === "string")
              : typeof value === type;
          if (!ok)
            throw new HttpError(400, `${field} must be ${type === "array" ? "an array of strings" : `a ${type}`}`);
          (next as Record<string, unknown>)[field] = value;
        }
        plugin.settings = next;
        store.save();
        return { success: true };
      }
      case "disconnectWaba": {
        const plugin = findPlugin(match[1]!);
        const body = await readJson(req);
        const wabaId = body[disconnectField];
        if (!isText(wabaId)) throw new HttpError(400, `${disconnectField} is required`);
        if (!plugin.wabas.some((w) => w.id === wabaId)) {
          throw new HttpError(404, "WhatsApp Business Account not found on this plugin");
        }
        plugin.wabas = plugin.wabas.filter((w) => w.id !== wabaId);
        plugin.numbers = plugin.numbers.filter((n) => n.wabaId !== wabaId);
        store.save();
        return { success: true };
      }
    }
  }

  /** The embedded signup's last step: attach a WABA and a number to the token's plugin. */
  async function completeSignup(req: IncomingMessage) {
    const body = await readJson(req);
    const { plugin, token } = checkConnectToken(body.token);
    const businessName = isText(body.businessName) ? body.businessName.trim().slice(0, 100) : null;
    const phone = isText(body.phoneNumber) ? body.phoneNumber.trim() : null;
    if (!businessName) throw new HttpError(400, "Choose a business name.");
    if (!phone || !/^\+?[\d\s().-]{7,20}$/.test(phone)) throw new HttpError(400, "Enter a phone number.");
    const wabaId = digits(15);
    const numberId = digits(16);
    plugin.wabas.push({
      id: wabaId,
      name: `${businessName} WhatsApp Business Account`,
      timezone_id: "1",
      account_review_status: "APPROVED",
      business_verification_status: "not_verified",
    });
    plugin.numbers.push({
      wabaId,
      availableAt: Date.now() + numbersDelayMs,
      number: {
        id: numberId,
        status: "CONNECTED",
        throughput: { level: "STANDARD" },
        account_mode: "LIVE",
        is_on_biz_app: false,
        platform_type: "CLOUD_API",
        verified_name: businessName,
        display_phone_number: phone,
        official_business_account: { oba_status: "NOT_STARTED" },
        is_official_business_account: false,
        quality_rating: "GREEN",
        messaging_limit_tier: "TIER_250",
        name_status: "APPROVED",
      },
    });
    if (options.singleUseTokens) store.state.usedTokens.push(token);
    store.save();
    return { status: "connected", pluginId: plugin.id, wabaId, phoneNumberId: numberId };
  }

  function takeFault(route: FakeRoute): Fault | undefined {
    const index = faults.findIndex((f) => (f.route === "*" || f.route === route) && (!f.afterWrite || armed.has(f)));
    if (index === -1) return undefined;
    const fault = faults[index]!;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) faults.splice(index, 1);
    }
    return fault;
  }

  function authorized(req: IncomingMessage): boolean {
    return req.headers.authorization === `Bearer ${options.token}`;
  }

  function send(
    res: ServerResponse,
    status: number,
    body: string,
    type = "application/json",
    headers: Record<string, string> = {},
  ) {
    // One request per connection: a kept-alive connection the fake closes as idle while the
    // app reuses it fails that request as "could not be reached" (seen twice in 30 runs of a
    // test), which is the network's doing, not the contract's.
    res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", Connection: "close", ...headers });
    res.end(body);
  }
  const envelope = (res: ServerResponse, status: number, data: unknown) =>
    send(res, status, JSON.stringify({ _data: data }));
  const failure = (res: ServerResponse, status: number, message: string, headers?: Record<string, string>) =>
    send(res, status, JSON.stringify({ _data: [], _errors: [message] }), "application/json", headers);

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const method = req.method ?? "GET";

    // The browser side: the SDK script, the iframe page and its final step. No bearer token.
    if (method === "GET" && url.pathname === "/sdk.js") {
      return send(res, 200, SDK_SOURCE, "text/javascript; charset=utf-8");
    }
    if (method === "GET" && url.pathname === "/connect") {
      let error: string | null = null;
      let pluginName: string | null = null;
      try {
        pluginName = checkConnectToken(url.searchParams.get("token")).plugin.name;
      } catch (e) {
        error = e instanceof HttpError ? e.message : "Something went wrong.";
      }
      return send(res, 200, connectPage({ error, pluginName, sdk }), "text/html; charset=utf-8");
    }
    if (method === "POST" && url.pathname === "/connect/complete") {
      return envelope(res, 200, await completeSignup(req));
    }

    // Test controls, behind the same bearer token as the API.
    if (url.pathname.startsWith("/__fake/")) {
      if (!authorized(req)) return failure(res, 401, "Invalid access token");
      if (url.pathname === "/__fake/faults" && method === "POST") {
        faults.push((await readJson(req)) as Fault);
        return envelope(res, 200, { faults });
      }
      if (url.pathname === "/__fake/faults" && method === "DELETE") {
        faults.length = 0;
        return envelope(res, 200, { faults });
      }
      if (url.pathname === "/__fake/release" && method === "POST") return envelope(res, 200, { released: release() });
      if (url.pathname === "/__fake/sdk" && method === "POST") {
        const body = await readJson(req);
        if (body.successEvent !== undefined && body.successEvent !== null && typeof body.successEvent !== "string")
          throw new HttpError(400, "successEvent must be a string or null");
        return envelope(res, 200, setSdk(body as Partial<FakeSdkBehaviour>));
      }
      if (url.pathname === "/__fake/sdk" && method === "DELETE") return envelope(res, 200, setSdk());
      if (url.pathname === "/__fake/reset" && method === "POST") {
        store.reset();
        setSdk(options.sdk);
        faults.length = 0;
        requests.length = 0;
        return envelope(res, 200, { ok: true });
      }
      if (url.pathname === "/__fake/plugins" && method === "GET") {
        return envelope(
          res,
          200,
          Object.values(store.state.plugins).map((p) => ({
            id: p.id,
            name: p.name,
            clientReferenceId: p.clientReferenceId,
          })),
        );
      }
      if (url.pathname === "/__fake/plugins" && method === "POST") {
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
        return envelope(res, 200, createPlugin({ name: isText(body.name) ? body.name : undefined, wabas, numbers }));
      }
      if (url.pathname === "/__fake/requests" && method === "GET") return envelope(res, 200, requests);
      if (url.pathname === "/__fake/tokens" && method === "POST") {
        // A token with any lifetime (negative: already expired), for tests of expiry.
        const body = await readJson(req);
        const plugin = findPlugin(String(body.pluginId ?? ""));
        const ttlSeconds = typeof body.ttlSeconds === "number" ? body.ttlSeconds : ttl;
        return envelope(res, 200, { connectToken: mintToken(plugin.id, plugin.clientReferenceId, ttlSeconds) });
      }
      return failure(res, 404, "No such control");
    }

    const found = routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!found) return failure(res, 404, `No route ${method} ${url.pathname}`);
    if (!authorized(req)) return failure(res, 401, "Invalid access token");

    const fault = takeFault(found.route);
    if (fault?.kind === "latency") await new Promise((r) => setTimeout(r, fault.latencyMs ?? 1000));
    if (fault?.kind === "hold") await new Promise<void>((go) => held.add(go));
    switch (fault?.kind) {
      case "timeout":
        return; // never answer; the client's timeout has to fire
      case "rate_limit":
        return failure(
          res,
          429,
          "Too many requests",
          fault.retryAfterSeconds === undefined ? {} : { "Retry-After": String(fault.retryAfterSeconds) },
        );
      case "server_error":
        return failure(res, 500, "Internal server error");
      case "malformed":
        return send(res, 200, '{"_data": {"passThroughWebhookUrl": "http://', "application/json");
      case "not_found":
        return failure(res, notFoundStatus, "WhatsApp plugin not found");
      case "error":
        // Without a message: an HTML page, as a proxy in front of ChakraHQ might send.
        return fault.message === undefined
          ? send(res, fault.status ?? 502, "<html><body>Bad gateway</body></html>", "text/html")
          : failure(res, fault.status ?? 400, fault.message);
    }
    const data = await api(found.route, url.pathname.match(found.pattern)!, req);
    if (found.route === "updateConfig" || found.route === "disconnectWaba") {
      for (const f of faults) if (f.afterWrite) armed.add(f);
    }
    if (fault?.kind === "late_answer") {
      if (fault.latencyMs === undefined) return; // carried out, never answered: the client's timeout has to fire
      await new Promise((r) => setTimeout(r, fault.latencyMs));
    }
    envelope(res, 200, data);
  }

  const server = createServer((req, res) => {
    const started = Date.now();
    res.on("finish", () => {
      requests.push({
        method: req.method ?? "GET",
        path: new URL(req.url ?? "/", "http://fake").pathname,
        status: res.statusCode,
        at: started,
      });
      if (requests.length > 1000) requests.shift();
    });
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) return failure(res, error.status, error.message);
      console.error("[fake-chakra]", error);
      failure(res, 500, "Internal server error");
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    store,
    requests,
    addFault: (fault) => faults.push({ ...fault }),
    clearFaults: () => {
      faults.length = 0;
    },
    release,
    setSdk,
    createPlugin,
    mintToken,
    close: () =>
      new Promise<void>((resolve) => {
        release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
