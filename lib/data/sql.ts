import "server-only";
import cuid from "@bugsnag/cuid";

/*
 * Helpers for the few statements written in SQL on a hot path (the end client's "Connect
 * WhatsApp": each Prisma query costs ~1.3 ms of CPU in its query compiler, a tagged-template
 * query ~0.3 ms). Such SQL runs unchanged on SQLite and PostgreSQL (quoted identifiers, bound
 * parameters; PostgreSQL infers an enum column's type from an untyped parameter) and writes the
 * rows Prisma would: the same ids, dates as Prisma's adapters store them (a Date parameter is
 * written by the adapter, as for Prisma's own queries), `updatedAt` set on every write.
 */

/**
 * A new row id, as `@default(cuid())` makes it: @bugsnag/cuid is the cuid (v1) generator
 * Prisma's client bundles, so ids written in SQL look and sort like the others.
 */
export const newId = (): string => cuid();

/** A date read by a raw query: a Date from PostgreSQL, an ISO text from SQLite. */
export function dateOf(value: Date | string): Date;
export function dateOf(value: Date | string | null): Date | null;
export function dateOf(value: Date | string | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}
