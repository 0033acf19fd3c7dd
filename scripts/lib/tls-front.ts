import { request as httpRequest } from "node:http";
import { createServer, type Server } from "node:https";

/**
 * A TLS-terminating reverse proxy, as an agency's load balancer or nginx would stand in front
 * of the app: it appends the client's address to X-Forwarded-For, sets X-Forwarded-Proto, and
 * (like nginx's default `proxy_set_header Host $proxy_host`) sends the upstream's own host as
 * Host, with no X-Forwarded-Host. An app that built URLs from request headers would show it.
 */
export function startTlsFront({
  port,
  upstreamPort,
  key,
  cert,
  keepAliveTimeout,
}: {
  port: number;
  upstreamPort: number;
  key: string;
  cert: string;
  /** How long an idle client connection stays open (Node's default, 5 s, when not given). */
  keepAliveTimeout?: number;
}): Promise<Server> {
  const server = createServer({ key, cert }, (incoming, outgoing) => {
    const headers = { ...incoming.headers };
    const forwarded = headers["x-forwarded-for"];
    headers["x-forwarded-for"] = [forwarded, incoming.socket.remoteAddress].filter(Boolean).join(", ");
    headers["x-forwarded-proto"] = "https";
    headers.host = `127.0.0.1:${upstreamPort}`;
    const upstream = httpRequest(
      { host: "127.0.0.1", port: upstreamPort, method: incoming.method, path: incoming.url, headers },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.rawHeaders);
        response.pipe(outgoing);
      },
    );
    upstream.on("error", () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  if (keepAliveTimeout !== undefined) server.keepAliveTimeout = keepAliveTimeout;
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", () => resolve(server));
  });
}
