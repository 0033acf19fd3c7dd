import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/guards";
import { checkReadiness } from "@/lib/data/system";

/**
 * GET /api/health/ready, for load balancers: 200 when the database answers and every committed
 * migration is applied, 503 otherwise. It never calls ChakraHQ (an instance is no less ready
 * when ChakraHQ is down). Anonymous callers get the verdict only; members also get the reasons.
 */
export async function GET() {
  await connection(); // answered per request, never from a build
  const { ready, reasons } = await checkReadiness();
  // With the database down no session can be read: the caller then counts as anonymous.
  const user = await getCurrentUser().catch(() => null);
  return Response.json(
    { status: ready ? "ready" : "not ready", ...(user ? { reasons } : {}) },
    { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
