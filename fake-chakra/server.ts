import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createApi } from "./api";
import { createControl, type RequestRecord } from "./control";
import { createDemoPage } from "./demo-page";
import { createFaults, type Fault } from "./faults";
import { failure, type Handler, HttpError } from "./http";
import { createSdkHost, type FakeSdkBehaviour } from "./sdk-host";
import { FakeStore, type FakePlugin, type NewPlugin } from "./state";
import { createTokens } from "./tokens";

/**
 * A fake ChakraHQ that honours docs/chakrahq-contract.md, for development and tests.
 * Everything the contract marks [GUESS] is an option here, as it is a setting of the client.
 * This file only puts the parts together: the API (api.ts) with its faults (faults.ts), the
 * SDK's host (sdk-host.ts), the tests' controls (control.ts) and the demo page (demo-page.ts),
 * over one store (state.ts).
 */

export type { FakeRoute, Fault } from "./faults";
export type { RequestRecord } from "./control";
export { DEFAULT_SDK_BEHAVIOUR, UNKNOWN_SUCCESS_SDK, type FakeSdkBehaviour } from "./sdk-host";

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
  /** Serve `/demo`, where a person changes the plugins by hand (default false; `npm run dev` turns it on). */
  demoPage?: boolean;
  /** The app's address, for the demo page's links to it and to its dev outbox. */
  appUrl?: string;
  /**
   * Keep connections open between requests, as an HTTPS API behind a load balancer does
   * (idle ones closed after KEEP_ALIVE_MS). Default false, one request per connection: a
   * kept-alive connection the fake closes as idle while the app reuses it fails that request as
   * "could not be reached" (seen twice in 30 runs of a test), the network's doing, not the
   * contract's. The benchmark keeps them open: a new TCP connection per call is not ChakraHQ's cost.
   */
  keepAlive?: boolean;
};

/** How long the fake keeps an idle connection open when it keeps them (FakeChakraOptions.keepAlive). */
export const KEEP_ALIVE_MS = 60_000;

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
  createPlugin(input?: NewPlugin): FakePlugin;
  /** Mints a token as the API would, for tests that need one without the HTTP call. */
  mintToken(pluginId: string, clientReferenceId?: string | null, ttlSeconds?: number): string;
  close(): Promise<void>;
};

export async function startFakeChakra(options: FakeChakraOptions): Promise<FakeChakra> {
  const store = new FakeStore(options.stateFile ?? null, options.seed ?? true);
  const notFoundStatus = options.notFoundStatus ?? 404;
  const ttlSeconds = options.tokenTtlSeconds ?? 3600;
  const tokens = createTokens({ store, ttlSeconds, singleUse: options.singleUseTokens ?? false });
  const faults = createFaults({ notFoundStatus });
  const requests: RequestRecord[] = [];
  const sdk = createSdkHost({
    store,
    tokens,
    numbersDelayMs: options.numbersDelayMs ?? 2000,
    singleUseTokens: options.singleUseTokens ?? false,
    initial: options.sdk,
  });
  const handlers: Handler[] = [
    sdk.handle,
    ...(options.demoPage ? [createDemoPage({ store, appUrl: options.appUrl ?? null })] : []),
    createControl({
      token: options.token,
      store,
      tokens,
      faults,
      sdk,
      initialSdk: options.sdk,
      requests,
      ttlSeconds,
      notFoundStatus,
    }),
    // Last: answers every request left, with "no route" if it is not an API call.
    createApi({
      options: {
        token: options.token,
        paths: {
          updateConfig: options.paths?.updateConfig ?? "/v1/ext/plugin/whatsapp/{pluginId}/update-config",
          disconnectWaba: options.paths?.disconnectWaba ?? "/v1/ext/plugin/whatsapp/{pluginId}/disconnect-waba",
          health: options.paths?.health ?? "/v1/health",
        },
        disconnectWabaField: options.disconnectWabaField ?? "wabaId",
        notFoundStatus,
        partialUpdates: options.partialUpdates ?? false,
      },
      store,
      tokens,
      faults,
    }),
  ];

  const server = createServer((req, res) => {
    const started = Date.now();
    if (!options.keepAlive) res.setHeader("Connection", "close");
    const url = new URL(req.url ?? "/", "http://fake");
    res.on("finish", () => {
      requests.push({
        method: req.method ?? "GET",
        path: url.pathname,
        status: res.statusCode,
        at: started,
        endedAt: Date.now(),
      });
      if (requests.length > 1000) requests.shift();
    });
    (async () => {
      for (const handle of handlers) if (await handle(req, res, url)) return;
    })().catch((error: unknown) => {
      if (res.headersSent) return res.end();
      if (error instanceof HttpError) return failure(res, error.status, error.message);
      console.error("[fake-chakra]", error);
      failure(res, 500, "Internal server error");
    });
  });

  if (options.keepAlive) server.keepAliveTimeout = KEEP_ALIVE_MS;
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
    addFault: faults.add,
    clearFaults: faults.clear,
    release: faults.release,
    setSdk: sdk.setBehaviour,
    createPlugin: (input) => store.createPlugin(input),
    mintToken: tokens.mint,
    close: () =>
      new Promise<void>((resolve) => {
        faults.release();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
