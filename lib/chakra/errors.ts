/** What went wrong, in the terms a caller acts on. */
export type ChakraErrorKind =
  | "http" // ChakraHQ answered with an error status
  | "timeout" // no answer within the configured time
  | "network" // no connection at all
  | "invalid_response"; // an answer we could not read (not JSON, or not the documented shape)

const STATUS_MESSAGES: Record<number, string> = {
  400: "ChakraHQ rejected the request as invalid",
  401: "ChakraHQ rejected the API token (check CHAKRA_API_TOKEN)",
  402: "ChakraHQ refused: the plan or billing does not allow this",
  403: "ChakraHQ refused: the API key's role does not allow this",
  404: "ChakraHQ does not know this resource",
  429: "ChakraHQ is rate-limiting requests; try again shortly",
};

/**
 * The one error type of the ChakraHQ client. `message` is ChakraHQ's own `_errors[0]` when
 * it sent one, so it can be shown to an admin; it never contains the bearer token.
 */
export class ChakraError extends Error {
  readonly kind: ChakraErrorKind;
  /** The HTTP status, or null when there was no answer. */
  readonly status: number | null;
  /** `_errors[0]` as ChakraHQ sent it, if it did. */
  readonly chakraMessage: string | null;
  /** Seconds from a `Retry-After` header, for 429s. */
  readonly retryAfterSeconds: number | null;
  /** "GET /v1/ext/plugin/whatsapp/…/config", for logs. */
  readonly operation: string;

  constructor(options: {
    kind: ChakraErrorKind;
    operation: string;
    status?: number | null;
    chakraMessage?: string | null;
    retryAfterSeconds?: number | null;
    message?: string;
    cause?: unknown;
  }) {
    const status = options.status ?? null;
    const message =
      options.chakraMessage ??
      options.message ??
      (status !== null
        ? (STATUS_MESSAGES[status] ??
          (status >= 500 ? `ChakraHQ had an internal error (${status})` : `ChakraHQ answered ${status}`))
        : "ChakraHQ could not be reached");
    super(message, { cause: options.cause });
    this.name = "ChakraError";
    this.kind = options.kind;
    this.status = status;
    this.chakraMessage = options.chakraMessage ?? null;
    this.retryAfterSeconds = options.retryAfterSeconds ?? null;
    this.operation = options.operation;
  }

  /** True when ChakraHQ says the plugin does not exist (status unknown: matched on the text too). */
  get isPluginNotFound(): boolean {
    return this.status === 404 || /plugin.*not\s*found|not\s*found.*plugin/i.test(this.chakraMessage ?? "");
  }

  get isRateLimited(): boolean {
    return this.status === 429;
  }
}

export function isChakraError(error: unknown): error is ChakraError {
  return error instanceof ChakraError;
}

/** Connection errors that happen before a request is sent: ChakraHQ cannot have acted on it. */
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

function neverSent(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  if (error instanceof AggregateError && error.errors.length > 0)
    return error.errors.every((e) => neverSent(e, depth + 1));
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string" && NOT_SENT_CODES.has(code)) return true;
  return neverSent((error as { cause?: unknown }).cause, depth + 1);
}

/**
 * Whether ChakraHQ may have carried out a request that failed: no answer in time, a cut
 * connection (not one refused before sending), a 5xx, or a success that could not be read.
 * A write in that state is settled by reading ChakraHQ again, never by guessing.
 */
export function mayHaveApplied(error: ChakraError): boolean {
  switch (error.kind) {
    case "timeout":
    case "invalid_response": // it answered 2xx, in a shape we could not read
      return true;
    case "network":
      return !neverSent(error.cause);
    case "http":
      return error.status !== null && error.status >= 500;
  }
}
