import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "../auth/guards";
import { hasRole, ROLE_INFO, type Role } from "../auth/roles";
import { resolveLink, type FoundLink } from "../data/onboarding/signup";
import { consumeRateLimit, consumeRateLimits } from "../data/rate-limit";
import { env } from "../env";
import { addressBucket, clientAddress } from "../http/client-address";
import type { LinkRefusal } from "../onboarding/messages";
import type { AddressState } from "../onboarding/rules";
import { failure, type Failure, type Result } from "../result";
import { fieldErrorsOf } from "../validations/errors";

/** What every server action returns: expected failures are values (lib/result.ts), bugs are thrown. */
export type ActionResult = Result<{ message?: string }>;

/**
 * A form's state with fields of its own (an import's preview, a new link's address): on the ok
 * side as `T` says, optional on a failure, so the guards' bare failures are one too.
 */
export type ActionState<T extends object> = ({ ok: true; message?: string } & T) | (Failure & Partial<T>);

/** What a form calls: the previous state and the form in, the new state out (useActionState). */
export type Action<R extends ActionResult = ActionResult> = (previous: R | null, formData: FormData) => Promise<R>;

/**
 * The state of an action whose handler returns `R`: `R` itself when a failure is already one of
 * its shapes (an ActionState, or a handler that returns failures), else `R` or a failure.
 */
export type StateOf<R extends ActionResult> = Failure extends R ? R : R | Failure;

/** A step that may refuse: either it goes on with `value`, or the action ends with `refusal`. */
type Step<T, Refusal> = { refusal: Refusal } | { value: T };

/**
 * The one shape of both kinds of action (dub's safe-action client chain, in three steps): find
 * who acts and whether they may (the signed-in member and their role; the link a token opens
 * and its state), parse the input with the schema, run any further check (the end client's
 * rate limits), then the handler. Each step can end the action with its refusal.
 */
function guardedAction<Args extends unknown[], Actor, Input, Refusal, R>(
  steps: {
    actor: (...args: Args) => Promise<Step<Actor, Refusal>>;
    parse: (args: Args) => Step<Input, Refusal>;
    check?: (actor: Actor) => Promise<Refusal | null>;
  },
  handler: (input: Input, actor: Actor) => Promise<R>,
): (...args: Args) => Promise<R | Refusal> {
  return async (...args) => {
    const actor = await steps.actor(...args);
    if ("refusal" in actor) return actor.refusal;
    const input = steps.parse(args);
    if ("refusal" in input) return input.refusal;
    const refused = await steps.check?.(actor.value);
    if (refused) return refused;
    return handler(input.value, actor.value);
  };
}

/**
 * Wraps a server action: checks the session and the role on the server, then parses the
 * form with the schema, then runs the handler. Every action of lib/actions goes through it.
 * The action's state is what the handler returns (see StateOf): a form with a richer state
 * (ActionState) gets it typed, with no cast.
 */
export function createAction<S extends z.ZodType, R extends ActionResult>(
  options: { role: Role; schema: S },
  handler: (input: z.output<S>, user: CurrentUser) => Promise<R>,
): Action<StateOf<R>>;
export function createAction(
  options: { role: Role; schema: z.ZodType },
  handler: (input: unknown, user: CurrentUser) => Promise<ActionResult>,
): Action {
  return guardedAction<[ActionResult | null, FormData], CurrentUser, unknown, Failure, ActionResult>(
    {
      actor: async () => {
        const user = await getCurrentUser();
        if (!user) return { refusal: failure("UNAUTHENTICATED", "Your session has ended. Sign in again.") };
        if (hasRole(user.role, options.role)) return { value: user };
        const [mine, needed] = [user.role, options.role].map((r) => ROLE_INFO[r].label.toLowerCase());
        return { refusal: failure("FORBIDDEN", `You are signed in as ${mine}: only ${needed}s can do this.`) };
      },
      parse: ([, formData]) => {
        const parsed = options.schema.safeParse(Object.fromEntries(formData));
        if (parsed.success) return { value: parsed.data };
        return { refusal: failure("INVALID", "Check the highlighted fields.", fieldErrorsOf(parsed.error)) };
      },
    },
    handler,
  );
}

// ---------------------------------------------------------------- the end client's actions

/** The link states an action works in: always active links, and maybe others. */
type Accepts = readonly ["active", ...Exclude<AddressState, "active">[]];

/** An attempt counted per link or per client address; `name` keeps the counts of actions apart. */
type TokenLimit = { name: string; per: "link" | "address"; limit: number; windowMs: number };

/** Counts an attempt; a refusal when over the limit. */
export async function rateLimited(key: string, limit: number, windowMs: number): Promise<LinkRefusal | null> {
  const result = await consumeRateLimit({ key, limit, windowMs });
  return result.allowed ? null : refusalAfter(result.retryAfterSeconds);
}

const refusalAfter = (retryAfterSeconds: number): LinkRefusal => ({
  ok: false,
  code: "rate_limited",
  retryAfterMinutes: Math.ceil(retryAfterSeconds / 60),
});

/** What the per-address limit counts by: the address TRUSTED_PROXY_COUNT says is the client's. */
async function addressKey(): Promise<string> {
  return addressBucket(clientAddress(await headers(), env.TRUSTED_PROXY_COUNT));
}

/**
 * Wraps an end client's action, which takes the link's token (and maybe one input): resolves
 * the link once, refuses links in states the action does not accept (with the state as the
 * code), parses the input, counts the attempt against each limit, then runs the handler with
 * the resolved link. A link can only ever act for its own client.
 */
export function createTokenAction<S extends z.ZodType, R>(
  options: { accepts: Accepts; limits?: readonly TokenLimit[]; input: S },
  handler: (link: FoundLink, input: z.output<S>) => Promise<R>,
): (token: unknown, input: unknown) => Promise<R | LinkRefusal>;
export function createTokenAction<R>(
  options: { accepts: Accepts; limits?: readonly TokenLimit[] },
  handler: (link: FoundLink) => Promise<R>,
): (token: unknown) => Promise<R | LinkRefusal>;
export function createTokenAction(
  options: { accepts: Accepts; limits?: readonly TokenLimit[]; input?: z.ZodType },
  handler: (link: FoundLink, input?: unknown) => Promise<unknown>,
) {
  return guardedAction<[token: unknown, input?: unknown], FoundLink, unknown, LinkRefusal, unknown>(
    {
      actor: async (token): Promise<Step<FoundLink, LinkRefusal>> => {
        const link = await resolveLink(token);
        if (link.state === "unknown" || (link.state !== "active" && !options.accepts.includes(link.state)))
          return { refusal: { ok: false, code: link.state } };
        return { value: link };
      },
      parse: ([, input]) => {
        if (!options.input) return { value: undefined };
        const result = options.input.safeParse(input);
        return result.success ? { value: result.data } : { refusal: { ok: false, code: "invalid" } };
      },
      // Every limit counted in one go (one transaction), in the order given.
      check: async (link) => {
        const limits = options.limits ?? [];
        if (limits.length === 0) return null;
        const address = limits.some((l) => l.per === "address") ? await addressKey() : null;
        const verdict = await consumeRateLimits(
          limits.map((l) => ({
            key: `${l.name}:${l.per}:${l.per === "link" ? link.linkId : address}`,
            limit: l.limit,
            windowMs: l.windowMs,
          })),
        );
        return verdict.allowed ? null : refusalAfter(verdict.retryAfterSeconds);
      },
    },
    (input, link) => handler(link, input),
  );
}
