import { z } from "zod";
import { LINK_DAYS_RANGE, LINK_PURPOSES } from "../onboarding/rules";
import { emailSchema } from "./auth";
import { idSchema, stripControlCharacters } from "./text";

const optionalEmail = z
  .union([z.literal(""), emailSchema])
  .optional()
  .transform((v) => v || null);

const validDaysSchema = z.coerce
  .number({ error: "Choose how long the link works." })
  .int()
  .min(LINK_DAYS_RANGE.min, `At least ${LINK_DAYS_RANGE.min} day.`)
  .max(LINK_DAYS_RANGE.max, `At most ${LINK_DAYS_RANGE.max} days.`);

export const createLinkSchema = z.object({
  clientId: idSchema,
  validDays: validDaysSchema,
  /** Empty: the client's contact address. */
  sendTo: optionalEmail,
  /** "email": create and send; "copy": create and show the address only. */
  mode: z.enum(["email", "copy"]),
  /**
   * What the link asks of the client. Absent for a client without a plugin (only a first
   * connection is possible); a client with one must be given an explicit choice (the action checks).
   */
  purpose: z.enum(LINK_PURPOSES, { error: "Choose what this link asks the client to do." }).optional(),
});

/** "Email a link to each": how long the links work. */
export const inviteAllSchema = z.object({ validDays: validDaysSchema });

export const resendLinkSchema = z.object({ linkId: idSchema, sendTo: optionalEmail });
export const linkIdSchema = z.object({ linkId: idSchema });

/** An /onboard/ token as the browser sends it back; anything else is refused unseen. */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{40,60}$/);

// ---------------------------------------------------------------- what ChakraHQ's SDK said

/** The most of an SDK event's payload that is kept, in characters of JSON. */
export const SDK_PAYLOAD_MAX = 2000;
const REMOVED = "[removed]";
/** Fields that carry credentials: tokens of any kind, and Meta's exchangeable signup code. */
const SECRET_FIELD = /token|secret|password|authorization|credential|^code$|auth_?code/i;
const SECRET_TEXT = [
  /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, // JWT-shaped, such as a connect token
  /\/onboard\/[A-Za-z0-9_-]{20,}/g, // the link's own address
  /\bBearer\s+\S+/gi,
];

function redactText(text: string): string {
  return SECRET_TEXT.reduce((out, pattern) => out.replace(pattern, REMOVED), text);
}

/**
 * A payload as plain JSON-able data with every credential removed; bounded in depth and
 * breadth, so no value the browser sends can make it large or make it throw.
 */
function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value === "boolean") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "string") return redactText(value).slice(0, SDK_PAYLOAD_MAX);
  if (typeof value !== "object" || depth >= 6) return typeof value === "object" ? "[…]" : undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.slice(0, 50).map((item) => redact(item, depth + 1) ?? null);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value).slice(0, 50)) {
    const name = redactText(key.slice(0, 100));
    // A numeric `code` is an error code, worth keeping; a text one may be Meta's signup code.
    out[name] =
      SECRET_FIELD.test(key) && !(key.toLowerCase() === "code" && typeof item === "number")
        ? REMOVED
        : redact(item, depth + 1);
  }
  return out;
}

/** A value as redacted JSON text; never throws. */
function redactedJson(value: unknown): string {
  try {
    return JSON.stringify(redact(value)) ?? "";
  } catch {
    return '"[unreadable]"';
  }
}

/** The name and payload of an SDK event as they are stored: tokens removed, size capped, plain text. */
export function describeSdkEvent(name: unknown, data: unknown): string {
  let payload = data === undefined ? "" : redactedJson(data);
  // Cut before cleaning: a cut through a surrogate pair is made well-formed again.
  payload = stripControlCharacters(
    payload.length > SDK_PAYLOAD_MAX ? `${payload.slice(0, SDK_PAYLOAD_MAX)}…` : payload,
  );
  const text = typeof name === "string" ? redactText(name) : redactedJson(name);
  const label = stripControlCharacters(text.slice(0, 100)).trim() || "(no name)";
  return payload ? `${label} ${payload}` : label;
}

/**
 * An SDK event as the page reports it: which callback fired (onMessage, onSuccess, onError),
 * the event's name for onMessage, and its data as it came. Becomes the stored text.
 */
export const sdkEventSchema = z
  .object({
    callback: z.enum(["message", "success", "error"]),
    event: z.unknown().optional(),
    data: z.unknown().optional(),
  })
  .transform(({ callback, event, data }) =>
    describeSdkEvent(callback === "message" ? event : callback === "success" ? "onSuccess" : "onError", data),
  );

/**
 * What the signup SDK reported. Its words are kept as data: control characters are dropped,
 * not refused, and credentials are removed as from the SDK's events.
 */
export const onboardingReportSchema = z.object({
  kind: z.enum(["cancelled", "failed"]),
  message: z
    .string()
    .max(1000)
    .transform((text) => stripControlCharacters(redactText(text)))
    .optional(),
});
