import { env } from "../env";

/** Development only: production refuses to start without AUTH_SECRET (lib/env.ts). */
const DEVELOPMENT_SECRET = "development-only-secret-partner-onboarding-0000";

/** The app's secret: Auth.js signs with it, and the sealed link addresses derive their key from it. */
export function authSecret(): string {
  return env.AUTH_SECRET ?? DEVELOPMENT_SECRET;
}
