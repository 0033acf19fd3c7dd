import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import type { Role } from "./roles";

/**
 * Why a sign-in link is being sent. Auth.js sends the link itself; an invitation sets this
 * around its call so the link goes out as an invitation instead of a plain sign-in email.
 */
export type LinkContext = { kind: "invitation"; invitedBy: string; role: Role };

export const linkContext = new AsyncLocalStorage<LinkContext>();
