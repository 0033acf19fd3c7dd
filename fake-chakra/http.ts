import type { IncomingMessage, ServerResponse } from "node:http";

/** An answer the fake gives on purpose: `{ _data: [], _errors: [message] }` with this status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * One part of the fake: answers the request and returns true, or returns false to let the
 * next part try. `url` is the request's URL, parsed once.
 */
export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

export const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await readBody(req);
  if (text === "") return {};
  try {
    const value = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new HttpError(400, "Request body must be a JSON object");
}

/** A form post (application/x-www-form-urlencoded), as a plain HTML form sends it. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req));
}

export function send(
  res: ServerResponse,
  status: number,
  body: string,
  type = "application/json",
  headers: Record<string, string> = {},
) {
  // Connection: set by the server for each request (see FakeChakraOptions.keepAlive).
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", ...headers });
  res.end(body);
}

export const envelope = (res: ServerResponse, status: number, data: unknown) =>
  send(res, status, JSON.stringify({ _data: data }));

export const failure = (res: ServerResponse, status: number, message: string, headers?: Record<string, string>) =>
  send(res, status, JSON.stringify({ _data: [], _errors: [message] }), "application/json", headers);

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
