import { z } from "zod";

// C0 control characters but tab, line feed and carriage return: invisible on screen, and
// PostgreSQL refuses NUL in text outright.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g;

export const CONTROL_CHARACTERS_MESSAGE = "Remove the invisible control characters.";
export const BROKEN_CHARACTERS_MESSAGE = "Remove the broken characters (half of an emoji or symbol).";

/** Whether text is free of control characters (tab and line breaks are allowed). */
export function hasNoControlCharacters(value: string): boolean {
  return !CONTROL_CHARACTER.test(value);
}

/**
 * Text with its control characters removed, and half surrogate pairs (which the database
 * driver cannot encode) made U+FFFD: for what machines send, and for searches.
 */
export function stripControlCharacters(value: string): string {
  return value.toWellFormed().replace(CONTROL_CHARACTERS, "");
}

/** Text a person typed: control and broken characters are refused with a message that says what to fix. */
export function userText(params?: Parameters<typeof z.string>[0]) {
  return z
    .string(params)
    .refine(hasNoControlCharacters, { error: CONTROL_CHARACTERS_MESSAGE })
    .refine((value) => value.isWellFormed(), { error: BROKEN_CHARACTERS_MESSAGE });
}

/** A database id sent back by a form: anything else is refused before it reaches a query. */
export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "This record does not exist.");

/** A form checkbox: ticked ("on", or "true" from a script) or not (absent). */
export const checkboxSchema = z
  .string()
  .optional()
  .transform((v) => v === "on" || v === "true");
