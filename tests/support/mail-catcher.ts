import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { pathToFileURL } from "node:url";
import PostalMime from "postal-mime";
import { SMTPServer } from "smtp-server";

/** A real SMTP server that keeps what it receives, and an HTTP view of it for tests. */

export type CaughtEmail = {
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  receivedAt: number;
};

export async function startMailCatcher({
  smtpPort = 0,
  httpPort,
  refuse,
}: {
  smtpPort?: number;
  httpPort?: number;
  /** Recipients the server refuses for good (550), as a mailbox that does not exist. */
  refuse?: (address: string) => boolean;
} = {}) {
  const messages: CaughtEmail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (!refuse?.(address.address.toLowerCase())) return callback();
      callback(Object.assign(new Error(`Mailbox ${address.address} does not exist`), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        PostalMime.parse(Buffer.concat(chunks))
          .then((email) => {
            messages.push({
              to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
              from: email.from?.address ?? "",
              subject: email.subject ?? "",
              html: email.html ?? "",
              text: email.text ?? "",
              receivedAt: Date.now(),
            });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, "127.0.0.1", resolve));
  const smtpAddress = (smtp.server.address() as AddressInfo).port;

  const http = httpPort
    ? createHttpServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://catcher");
        res.setHeader("Content-Type", "application/json");
        if (url.pathname === "/health") return res.end('{"ok":true}');
        if (url.pathname === "/messages" && req.method === "GET") {
          const to = url.searchParams.get("to")?.toLowerCase();
          return res.end(JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages));
        }
        res.statusCode = 404;
        res.end("{}");
      })
    : null;
  if (http) await new Promise<void>((resolve) => http.listen(httpPort, "127.0.0.1", resolve));

  return {
    smtpUrl: `smtp://127.0.0.1:${smtpAddress}`,
    messages,
    close: () =>
      Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        http ? new Promise<void>((resolve) => http.close(() => resolve())) : Promise.resolve(),
      ]),
  };
}

/** The first link in an email's plain-text part that points at `path`. */
export function linkIn(email: CaughtEmail, path: string): string {
  const match = email.text.match(new RegExp(`https?://\\S*${path.replace(/[/.]/g, "\\$&")}\\S*`));
  if (!match) throw new Error(`No ${path} link in "${email.subject}"`);
  return match[0];
}

// Run directly (Playwright's webServer): SMTP on MAIL_CATCHER_SMTP_PORT, JSON on MAIL_CATCHER_HTTP_PORT.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const catcher = await startMailCatcher({
    smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT),
    httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT),
  });
  console.log(`Mail catcher: ${catcher.smtpUrl}`);
  process.on("SIGTERM", () => void catcher.close().then(() => process.exit(0)));
  process.on("SIGINT", () => void catcher.close().then(() => process.exit(0)));
}
