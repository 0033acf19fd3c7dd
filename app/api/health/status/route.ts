import { authorizeRoute } from "@/lib/auth/guards";
import { getSystemStatus } from "@/lib/data/system";

/** GET /api/health/status: the system status for members, asked again by the page while ChakraHQ's check runs. */
export async function GET() {
  const { response } = await authorizeRoute("VIEWER");
  if (response) return response;
  return Response.json(await getSystemStatus(), { headers: { "Cache-Control": "no-store" } });
}
