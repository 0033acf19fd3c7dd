import { authorizeRoute } from "@/lib/auth/guards";
import { clientsCsvChunks } from "@/lib/data/clients/export";
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
  // Streamed as it is read: the first rows leave before the last are fetched, and the server
  // never holds the whole file.
  const chunks = clientsCsvChunks(query);
  const encoder = new TextEncoder();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) return controller.close();
      controller.enqueue(encoder.encode(started ? next.value : `\uFEFF${next.value}`));
      started = true;
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="clients-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
