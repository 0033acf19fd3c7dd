import { authorizeRoute } from "@/lib/auth/guards";
import { exportClientsCsv } from "@/lib/data/clients";
import { parseClientListQuery } from "@/lib/validations/clients";

/** GET /clients/export?q=&status=&sort=&dir=: the current view of the clients list as CSV. */
export async function GET(request: Request) {
  const { response } = await authorizeRoute("VIEWER");
  if (response) return response;
  const { query, error } = parseClientListQuery(Object.fromEntries(new URL(request.url).searchParams));
  // Exporting another view than the one asked for would be worse than saying no.
  if (error) {
    return new Response(`${error}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const csv = await exportClientsCsv(query);
  const date = new Date().toISOString().slice(0, 10);
  return new Response(`\uFEFF${csv}`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="clients-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
