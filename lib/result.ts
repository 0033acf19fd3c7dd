/**
 * The one shape of an expected failure, from the data layer through the actions to the form:
 * returned, never thrown (bugs and infrastructure failures are thrown and reach error.tsx).
 * UNAUTHENTICATED and FORBIDDEN: the session or the role (lib/actions/safe-action.ts); INVALID:
 * the input; FAILED: a business rule, or ChakraHQ, said no. `message` is shown as it is;
 * `fieldErrors` go next to the form's fields.
 */
export type Failure = {
  ok: false;
  code: "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID" | "FAILED";
  message: string;
  fieldErrors?: Record<string, string[]>;
};

/** What a data-layer function or an action returns: its values when it worked, else a Failure. */
export type Result<T extends object = Record<never, never>> = ({ ok: true } & T) | Failure;

/** A failure with its code, and its field errors when a field is the cause. */
export function failure(code: Failure["code"], message: string, fieldErrors?: Record<string, string[]>): Failure {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** A FAILED result: a business rule, or ChakraHQ, said no. */
export function fail(message: string, fieldErrors?: Record<string, string[]>): Failure {
  return failure("FAILED", message, fieldErrors);
}
