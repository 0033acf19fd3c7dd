import "server-only";
import { headers } from "next/headers";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "../auth/guards";
import { hasRole, ROLE_INFO, type Role } from "../auth/roles";
import { resolveLink, type FoundLink } from "../data/onboarding/signup";
import { consumeRateLimit } from "../data/rate-limit";
import { env } from "../env";
import { addressBucket, clientAddress } from "../http/client-address";
import type { LinkRefusal } from "../onboarding/messages";
import type { AddressState } from "../onboarding/rules";
import type { Result } from "../result";
import { fieldErrorsOf } from "../validations/errors";

/** What every server action returns: expected failures are values (lib/result.ts), bugs are thrown. */
export type ActionResult = Result<{ message?: string }>;

export type Action = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * Wraps a server action: checks the session and the role on the server, then parses the
 * form with the schema, then runs the handler. Every action of lib/actions goes through it.
 */
export function createAction<S extends z.ZodType>(
  options: { role: Role; schema: S },
  handler: (input: z.output<S>, user: CurrentUser) => Promise<ActionResult>,
): Action {
  return async (_previous, formData) => {
    const user = await getCurrentUser();
    if (!user) return { ok: false, code: "UNAUTHENTICATED", message: "Your session has ended. Sign in again." };
    if (!hasRole(user.role, options.role)) {
      return {
        ok: false,
        code: "FORBIDDEN",
        message: `You are signed in as ${ROLE_INFO[user.role].label.toLowerCase()}: only ${ROLE_INFO[options.role].label.toLowerCase()}s can do this.`,
      };
    }
    const parsed = options.schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) {
      return {
        ok: false,
        code: "INVALID",
        message: "Check the highlighted fields.",
        fieldErrors: fieldErrorsOf(parsed.error),
      };
    }
    return handler(parsed.data, user);
  };
}

// ---------------------------------------------------------------- the end client's actions

/** An attempt counted per link or per client address; `name` keeps the counts of actions apart. */
type TokenLimit = { name: string; per: "link" | "address"; limit: number; windowMs: number };

/** Counts an attempt; a refusal when over the limit. */
export async function rateLimited(key: string, limit: number, windowMs: number): Promise<LinkRefusal | null> {
  const result = await consumeRateLimit({ key, limit, windowMs });
  if (result.allowed) return null;
  return { ok: false, code: "rate_limited", retryAfterMinutes: Math.ceil(result.retryAfterSeconds / 60) };
}

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
  options: { accepts: readonly AddressState[]; limits?: readonly TokenLimit[]; input: S },
  handler: (link: FoundLink, input: z.output<S>) => Promise<R>,
): (token: unknown, input: unknown) => Promise<R | LinkRefusal>;
export function createTokenAction<R>(
  options: { accepts: readonly AddressState[]; limits?: readonly TokenLimit[] },
  handler: (link: FoundLink) => Promise<R>,
): (token: unknown) => Promise<R | LinkRefusal>;
export function createTokenAction(
  options: { accepts: readonly AddressState[]; limits?: readonly TokenLimit[]; input?: z.ZodType },
  handler: (link: FoundLink, input?: unknown) => Promise<unknown>,
) {
  return async (token: unknown, input?: unknown) => {
    const link = await resolveLink(token);
    if (link.state === "unknown" || !options.accepts.includes(link.state)) return { ok: false, code: link.state };
    let parsed: unknown;
    if (options.input) {
      const result = options.input.safeParse(input);
      if (!result.success) return { ok: false, code: "invalid" };
      parsed = result.data;
    }
    for (const limit of options.limits ?? []) {
      const subject = limit.per === "link" ? link.linkId : await addressKey();
      const refused = await rateLimited(`${limit.name}:${limit.per}:${subject}`, limit.limit, limit.windowMs);
      if (refused) return refused;
    }
    return handler(link, parsed);
  };
}
