import type { ServerResponse } from "node:http";
import { failure, send } from "./http";

/** The API routes of docs/chakrahq-contract.md, as faults name them. */
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

export type Faults = {
  /** The faults waiting, in order (the control endpoints answer with it). */
  readonly list: Fault[];
  add(fault: Fault): void;
  clear(): void;
  /** Lets every request held by a "hold" fault go on; returns how many there were. */
  release(): number;
  /**
   * Runs the fault due for this request, if any, before the API does: waits (latency, hold) or
   * answers in the API's place. Returns what is left to do: "answered" (done), or the fault,
   * if any, whose effect comes after the API has acted (late_answer).
   */
  before(route: FakeRoute, res: ServerResponse): Promise<"answered" | Fault | undefined>;
  /** After the API has carried out a write: sets off the afterWrite faults. */
  wrote(): void;
  /** After the API has acted: a late_answer delays or withholds its answer; false: do not answer. */
  after(fault: Fault | undefined): Promise<boolean>;
};

/** Fault injection for the API routes (docs/chakrahq-contract.md: the statuses a client must handle). */
export function createFaults({ notFoundStatus }: { notFoundStatus: number }): Faults {
  const list: Fault[] = [];
  /** The afterWrite faults a write has set off. */
  const armed = new WeakSet<Fault>();
  const held = new Set<() => void>();

  function take(route: FakeRoute): Fault | undefined {
    const index = list.findIndex((f) => (f.route === "*" || f.route === route) && (!f.afterWrite || armed.has(f)));
    if (index === -1) return undefined;
    const fault = list[index]!;
    if (fault.times !== undefined) {
      fault.times -= 1;
      if (fault.times <= 0) list.splice(index, 1);
    }
    return fault;
  }

  return {
    list,
    add: (fault) => list.push({ ...fault }),
    clear: () => {
      list.length = 0;
    },
    release() {
      const count = held.size;
      for (const go of held) go();
      held.clear();
      return count;
    },
    async before(route, res) {
      const fault = take(route);
      if (fault?.kind === "latency") await new Promise((r) => setTimeout(r, fault.latencyMs ?? 1000));
      if (fault?.kind === "hold") await new Promise<void>((go) => held.add(go));
      switch (fault?.kind) {
        case "timeout":
          return "answered"; // never answer; the client's timeout has to fire
        case "rate_limit":
          failure(
            res,
            429,
            "Too many requests",
            fault.retryAfterSeconds === undefined ? {} : { "Retry-After": String(fault.retryAfterSeconds) },
          );
          return "answered";
        case "server_error":
          failure(res, 500, "Internal server error");
          return "answered";
        case "malformed":
          send(res, 200, '{"_data": {"passThroughWebhookUrl": "http://', "application/json");
          return "answered";
        case "not_found":
          failure(res, notFoundStatus, "WhatsApp plugin not found");
          return "answered";
        case "error":
          // Without a message: an HTML page, as a proxy in front of ChakraHQ might send.
          if (fault.message === undefined)
            send(res, fault.status ?? 502, "<html><body>Bad gateway</body></html>", "text/html");
          else failure(res, fault.status ?? 400, fault.message);
          return "answered";
      }
      return fault;
    },
    wrote() {
      for (const f of list) if (f.afterWrite) armed.add(f);
    },
    async after(fault) {
      if (fault?.kind !== "late_answer") return true;
      if (fault.latencyMs === undefined) return false; // carried out, never answered: the client's timeout has to fire
      await new Promise((r) => setTimeout(r, fault.latencyMs));
      return true;
    },
  };
}
