import type { z } from "zod";
import { decodeConnectToken, type ConnectTokenClaims } from "./connect-token";
import { ChakraError } from "./errors";
import {
  connectTokenDataSchema,
  envelopeSchema,
  healthDataSchema,
  pluginConfigSchema,
  successDataSchema,
  type PluginConfig,
  type WebhookSettings,
} from "./schemas";

export type ChakraClientConfig = {
  baseUrl: string;
  /** The bearer token. Kept in a closure; never logged, never put in an error. */
  token: string;
  timeoutMs: number;
  /** Retries for idempotent calls answered with 429 or 5xx (the first of them also for a connection cut before any answer). */
  maxRetries: number;
  paths: { updateConfig: string; disconnectWaba: string; health: string };
  disconnectWabaField: string;
  /** First backoff step when no Retry-After is given; doubles each retry. */
  retryBaseDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the 429 goes to the caller. */
  maxRetryDelayMs?: number;
};

export type ConnectTokenRequest =
  { pluginId: string } | { newPluginName: string; clientReferenceId: string; clientName: string; clientEmail?: string };

export type ConnectToken = { connectToken: string; claims: ConnectTokenClaims };

type Call<S extends z.ZodType> = {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  /** Only idempotent calls are retried. */
  idempotent: boolean;
  schema: S;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseRetryAfter(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

function firstError(errors: unknown[] | null | undefined): string | null {
  const first = errors?.find((e) => typeof e === "string" && e.trim() !== "");
  return typeof first === "string" ? first : null;
}

function pluginPath(template: string, pluginId: string): string {
  return template.replace("{pluginId}", encodeURIComponent(pluginId));
}

/** A typed client for the ChakraHQ partner API calls in docs/chakrahq-contract.md. */
export function createChakraClient(config: ChakraClientConfig) {
  const baseUrl = config.baseUrl.replace(/\/+$/, "");
  const baseDelay = config.retryBaseDelayMs ?? 500;
  const maxDelay = config.maxRetryDelayMs ?? 30_000;

  async function attempt(
    call: Call<z.ZodType>,
    operation: string,
  ): Promise<{ status: number; json: unknown; retryAfter: number | null }> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(`${baseUrl}${call.path}`, {
        method: call.method,
        headers: {
          Authorization: `Bearer ${config.token}`,
          Accept: "application/json",
          ...(call.body === undefined ? {} : { "Content-Type": "application/json" }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(config.timeoutMs),
        cache: "no-store",
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      throw new ChakraError({
        kind: timedOut ? "timeout" : "network",
        operation,
        message: timedOut
          ? `ChakraHQ did not answer within ${Math.round(config.timeoutMs / 1000)} s`
          : "ChakraHQ could not be reached",
        cause: error,
      });
    }
    let json: unknown = undefined;
    try {
      json = text === "" ? {} : JSON.parse(text);
    } catch {
      // Left undefined: an error status is still reported by status, a 2xx is invalid.
    }
    return { status: response.status, json, retryAfter: parseRetryAfter(response.headers.get("retry-after")) };
  }

  async function request<S extends z.ZodType>(call: Call<S>): Promise<z.output<S>> {
    // The path holds ids only, never the token, so it is safe in messages and logs.
    const operation = `${call.method} ${call.path}`;
    for (let retry = 0; ; retry++) {
      let answer: Awaited<ReturnType<typeof attempt>>;
      try {
        answer = await attempt(call, operation);
      } catch (error) {
        // A kept-alive connection that ChakraHQ (or a load balancer before it) closed as idle just
        // as it was reused fails the request before any answer: an idempotent call is sent once
        // more, at once, on a new connection. A write is never sent twice (its caller re-reads).
        const cut = error instanceof ChakraError && error.kind === "network";
        if (cut && call.idempotent && retry === 0 && config.maxRetries > 0) continue;
        throw error;
      }
      const { status, json, retryAfter } = answer;
      const envelope = envelopeSchema.safeParse(json);
      const chakraMessage = envelope.success ? firstError(envelope.data._errors) : null;

      if (status < 200 || status >= 300) {
        const error = new ChakraError({
          kind: "http",
          operation,
          status,
          chakraMessage,
          retryAfterSeconds: retryAfter,
        });
        const retryable = call.idempotent && (status === 429 || status >= 500) && retry < config.maxRetries;
        const delay = retryAfter !== null ? retryAfter * 1000 : baseDelay * 2 ** retry;
        if (!retryable || delay > maxDelay) throw error;
        await sleep(delay + (retryAfter === null ? Math.random() * baseDelay * 0.2 : 0));
        continue;
      }

      if (json === undefined || !envelope.success) {
        throw new ChakraError({
          kind: "invalid_response",
          operation,
          status,
          message: "ChakraHQ sent an answer that is not JSON",
        });
      }
      const data = call.schema.safeParse(envelope.data._data);
      if (!data.success) {
        const issue = data.error.issues[0];
        const where = issue?.path.length ? ` at ${issue.path.join(".")}` : "";
        throw new ChakraError({
          kind: "invalid_response",
          operation,
          status,
          chakraMessage,
          message: `ChakraHQ sent an answer of an unexpected shape${where}: ${issue?.message ?? "invalid"}`,
        });
      }
      return data.data;
    }
  }

  return {
    /** Mints a one-hour connect token, for an existing plugin or for a new one. Never retried. */
    async createConnectToken(input: ConnectTokenRequest): Promise<ConnectToken> {
      const body =
        "pluginId" in input
          ? { pluginId: input.pluginId }
          : {
              newPluginName: input.newPluginName,
              clientReferenceId: input.clientReferenceId,
              clientName: input.clientName,
              ...(input.clientEmail ? { clientEmail: input.clientEmail } : {}),
            };
      const path = "/v1/ext/whatsapp-partner/create-connect-token";
      const data = await request({ method: "POST", path, body, idempotent: false, schema: connectTokenDataSchema });
      const claims = decodeConnectToken(data.connectToken);
      if (!claims) {
        throw new ChakraError({
          kind: "invalid_response",
          operation: `POST ${path}`,
          status: 200,
          message: "ChakraHQ sent a connect token whose payload could not be read",
        });
      }
      return { connectToken: data.connectToken, claims };
    },

    /** The plugin's webhook settings, WABAs and phone numbers. */
    getPluginConfig(pluginId: string): Promise<PluginConfig> {
      const path = `/v1/ext/plugin/whatsapp/${encodeURIComponent(pluginId)}/config`;
      return request({ method: "GET", path, idempotent: true, schema: pluginConfigSchema });
    },

    /** Sets all six webhook settings (partial updates are not known to work). */
    async updatePluginConfig(pluginId: string, settings: WebhookSettings): Promise<void> {
      const path = pluginPath(config.paths.updateConfig, pluginId);
      await request({ method: "POST", path, body: settings, idempotent: false, schema: successDataSchema });
    },

    /** Disconnects one WABA from the plugin. Destructive: callers confirm and audit. */
    async disconnectWaba(pluginId: string, wabaId: string): Promise<void> {
      const path = pluginPath(config.paths.disconnectWaba, pluginId);
      const body = { [config.disconnectWabaField]: wabaId };
      await request({ method: "POST", path, body, idempotent: false, schema: successDataSchema });
    },

    /** Checks that ChakraHQ answers and accepts the token. */
    async health(): Promise<void> {
      await request({ method: "GET", path: config.paths.health, idempotent: true, schema: healthDataSchema });
    },
  };
}

export type ChakraClient = ReturnType<typeof createChakraClient>;
