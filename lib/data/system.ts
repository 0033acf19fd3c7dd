import "server-only";
import { chakra, isChakraError } from "../chakra";
import { db } from "../db";
import { usesOutbox } from "../email/mailer";
import { env } from "../env";
import { DEMO_OWNER_EMAIL, ensureInitialOwner } from "./team";

export type ServiceStatus = { ok: true } | { ok: false; message: string };

/** Whether ChakraHQ (or the fake, in demo mode) answers and accepts our token. */
export async function checkChakraHealth(): Promise<ServiceStatus> {
  try {
    await chakra.health();
    return { ok: true };
  } catch (error) {
    if (!isChakraError(error)) throw error;
    const hint = env.demoMode && error.kind === "network" ? " Is the fake running? Start the app with npm run dev." : "";
    return { ok: false, message: `${error.message}.${hint}` };
  }
}

/** Whether the database answers. */
export async function checkDatabase(): Promise<ServiceStatus> {
  try {
    await db.agencySettings.count();
    return { ok: true };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message.split("\n")[0]! : "Database error" };
  }
}

/** What the home page says about where the app is pointed; no secrets. */
export function describeSetup() {
  return {
    demoMode: env.demoMode,
    chakraBaseUrl: env.chakra.baseUrl,
    databaseProvider: env.database.provider === "sqlite" ? "SQLite" : "PostgreSQL",
  } as const;
}

/**
 * What the sign-in page may say about this installation. The demo owner's address is shown
 * in demo mode only (never in production), and only while it is an active member.
 */
export async function describeSignIn(): Promise<{ demoOwnerEmail: string | null; outbox: boolean }> {
  await ensureInitialOwner();
  const outbox = usesOutbox();
  if (env.isProduction || !env.demoMode || env.INITIAL_ADMIN_EMAIL) return { demoOwnerEmail: null, outbox };
  const active = await db.user.count({ where: { email: DEMO_OWNER_EMAIL, removedAt: null } });
  return { demoOwnerEmail: active ? DEMO_OWNER_EMAIL : null, outbox };
}
