import type { IncomingMessage } from "node:http";
import type { FakeRoute, Faults } from "./faults";
import { envelope, failure, type Handler, HttpError, isText, readJson } from "./http";
import type { FakePlugin, FakeStore } from "./state";
import type { Tokens } from "./tokens";

/** The ChakraHQ API as docs/chakrahq-contract.md describes it, with each [GUESS] an option. */
export type ApiOptions = {
  /** The bearer token the API accepts. */
  token: string;
  paths: { updateConfig: string; disconnectWaba: string; health: string };
  disconnectWabaField: string;
  notFoundStatus: number;
  partialUpdates: boolean;
};

const WEBHOOK_FIELDS = {
  passThroughWebhookUrl: "string",
  enableMessageEchoesForPassThroughWebhook: "boolean",
  enableSendMessageTemplateEventForPassThroughWebhook: "boolean",
  enableChakraWebhook: "boolean",
  chakraWebhookUrl: "string",
  whichChakraWebhookEventsToSend: "array",
} as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** "/v1/x/{pluginId}/y" → /^\/v1\/x\/([^/]+)\/y$/ */
const toPattern = (template: string) => new RegExp(`^${template.split("{pluginId}").map(escape).join("([^/]+)")}$`);

/** Whether a request carries the bearer token (the API's, and the test controls'). */
export const bearerChecker = (token: string) => (req: IncomingMessage) =>
  req.headers.authorization === `Bearer ${token}`;

/** The plugin with this id (URL-encoded or not), or the API's "not found" answer. */
export function findPlugin(store: FakeStore, id: string, notFoundStatus: number): FakePlugin {
  const plugin = store.state.plugins[decodeURIComponent(id)];
  if (!plugin) throw new HttpError(notFoundStatus, "WhatsApp plugin not found");
  return plugin;
}

/** A plugin's configuration as the config call answers it; numbers show up once available. */
export function configOf(plugin: FakePlugin) {
  const now = Date.now();
  return {
    ...plugin.settings,
    whatsappBusinessAccounts: plugin.wabas,
    whatsappPhoneNumbers: plugin.numbers.filter((n) => n.availableAt <= now).map((n) => n.number),
  };
}

/** The API's routes behind the bearer token, each through the faults first. */
export function createApi({
  options,
  store,
  tokens,
  faults,
}: {
  options: ApiOptions;
  store: FakeStore;
  tokens: Tokens;
  faults: Faults;
}): Handler {
  const { paths, disconnectWabaField: disconnectField, notFoundStatus } = options;
  const authorized = bearerChecker(options.token);
  const find = (id: string) => findPlugin(store, id, notFoundStatus);
  const routes: { route: FakeRoute; method: string; pattern: RegExp }[] = [
    { route: "health", method: "GET", pattern: toPattern(paths.health) },
    { route: "createConnectToken", method: "POST", pattern: /^\/v1\/ext\/whatsapp-partner\/create-connect-token$/ },
    { route: "getConfig", method: "GET", pattern: /^\/v1\/ext\/plugin\/whatsapp\/([^/]+)\/config$/ },
    { route: "updateConfig", method: "POST", pattern: toPattern(paths.updateConfig) },
    { route: "disconnectWaba", method: "POST", pattern: toPattern(paths.disconnectWaba) },
  ];

  async function answer(route: FakeRoute, match: RegExpMatchArray, req: IncomingMessage): Promise<unknown> {
    switch (route) {
      case "health":
        return { status: "ok" };
      case "createConnectToken": {
        const body = await readJson(req);
        if (isText(body.pluginId)) {
          const plugin = find(body.pluginId);
          return { connectToken: tokens.mint(plugin.id, plugin.clientReferenceId) };
        }
        if (isText(body.newPluginName) && isText(body.clientReferenceId) && isText(body.clientName)) {
          if (body.clientEmail !== undefined && typeof body.clientEmail !== "string") {
            throw new HttpError(400, "clientEmail must be a string");
          }
          const plugin = store.createPlugin({
            name: body.newPluginName,
            clientReferenceId: body.clientReferenceId,
            clientName: body.clientName,
            clientEmail: body.clientEmail as string | undefined,
          });
          return { connectToken: tokens.mint(plugin.id, plugin.clientReferenceId) };
        }
        throw new HttpError(400, "Send either pluginId, or newPluginName, clientReferenceId and clientName");
      }
      case "getConfig":
        return configOf(find(match[1]!));
      case "updateConfig": {
        const plugin = find(match[1]!);
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
        const plugin = find(match[1]!);
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

  // The last handler: whatever reaches it is an API call or no route at all.
  return async (req, res, url) => {
    const method = req.method ?? "GET";
    const found = routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    if (!found) {
      failure(res, 404, `No route ${method} ${url.pathname}`);
      return true;
    }
    if (!authorized(req)) {
      failure(res, 401, "Invalid access token");
      return true;
    }
    const fault = await faults.before(found.route, res);
    if (fault === "answered") return true;
    const data = await answer(found.route, url.pathname.match(found.pattern)!, req);
    if (found.route === "updateConfig" || found.route === "disconnectWaba") faults.wrote();
    if (await faults.after(fault)) envelope(res, 200, data);
    return true;
  };
}
