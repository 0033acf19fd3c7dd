import "server-only";
import type { z } from "zod";
import { getCurrentUser, type CurrentUser } from "../auth/guards";
import { hasRole, ROLE_INFO, type Role } from "../auth/roles";
import { fieldErrorsOf } from "../validations/errors";

/** What every server action returns: expected failures are values, bugs are thrown. */
export type ActionResult =
  | { ok: true; message?: string }
  | {
      ok: false;
      code: "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID" | "FAILED";
      message: string;
      fieldErrors?: Record<string, string[]>;
    };

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
