import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

/*
 * Email that is not lost (issue 11): every email but sign-in links is stored, then sent by the
 * "send-email" job with retries. The mail server here is a port that refuses connections until
 * a test starts a real SMTP server on it. This file's process runs no workers of its own until a
 * test starts them, so each attempt is the test's to make (the engine's retries and backoff are
 * proved in jobs.test.ts).
 */
const smtpPort = await vi.hoisted(async () => {
  const { createServer: server } = await import("node:net");
  const probe = server();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  vi.stubEnv("SMTP_URL", `smtp://127.0.0.1:${port}`);
  vi.stubEnv("JOBS_IN_APP", "false");
  return port;
});

vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

import { createLinkAction, resendLinkAction, type LinkState } from "@/lib/actions/links";
import { deliverEmail, queueEmail, sweepEmails } from "@/lib/data/emails";
import { listLinks } from "@/lib/data/onboarding/links";
import { db } from "@/lib/db";
import { startWorkers, stopJobs } from "@/lib/jobs";
import { createTestClient, createTestLink } from "../support/factories";
import { pageProps, renderPage } from "../support/render-page";
import { signInAs } from "../support/request-context";
import { startMailCatcher } from "../support/mail-catcher";

let n = 0;
let catcher: Awaited<ReturnType<typeof startMailCatcher>> | null = null;

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.set(key, value);
  return data;
};
const attempt = (n: number, lastAttempt = false) => ({ id: `test-${n}`, attempt: n, lastAttempt });

const newClient = () => createTestClient("mail");

async function clientPageText(clientId: string) {
  const ClientPage = (await import("@/app/(dashboard)/clients/[id]/page")).default;
  return renderPage(await ClientPage(pageProps({ id: clientId })))
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, " ")
    .replace(/ :/g, ":");
}

beforeAll(async () => {
  await signInAs("ADMIN");
});
afterEach(async () => {
  await catcher?.close();
  catcher = null;
});
afterAll(async () => {
  await stopJobs();
  vi.unstubAllEnvs();
  // What these tests left waiting for a mail server that is gone must not hold up the next
  // file's emails (tests/support/emails.ts waits until an address has nothing waiting).
  await db.emailDelivery.updateMany({
    where: { status: { in: ["QUEUED", "RETRYING"] } },
    data: { status: "FAILED", lastError: "Left by email-delivery.test" },
  });
});

describe("with the mail server down", () => {
  it("the admin's link is created and queued; the email is retried, and sent once the server is back", async () => {
    const client = await newClient();
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await createLinkAction(null, form({ clientId: client.id, validDays: "7", mode: "email" }));
    expect(result).toMatchObject({
      ok: true,
      message: `Link created; the email to ${client.contactEmail} is queued (its delivery shows in the link's history).`,
    });
    const url = (result as LinkState).url!;

    const delivery = await db.emailDelivery.findFirstOrThrow({ where: { clientId: client.id } });
    expect(delivery).toMatchObject({ kind: "onboarding", to: client.contactEmail, status: "QUEUED", attempts: 0 });
    expect(delivery.text).toContain(url);
    const [link] = await listLinks(client.id);
    expect(link!.emails).toMatchObject([{ status: "QUEUED", to: client.contactEmail }]);
    expect(await clientPageText(client.id)).toContain(`Queued ${delivery.subject} to ${client.contactEmail}`);

    // The first attempt meets a closed port: retrying, with the reason, and thrown for the engine's backoff.
    await expect(deliverEmail({ deliveryId: delivery.id }, attempt(0))).rejects.toThrow(/ECONNREFUSED/);
    const retrying = await db.emailDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(retrying).toMatchObject({ status: "RETRYING", attempts: 1 });
    expect(retrying.lastError).toMatch(/ECONNREFUSED/);
    expect(retrying.text).toContain(url);
    const page = await clientPageText(client.id);
    expect(page).toContain(`Retrying ${delivery.subject} to ${client.contactEmail}: 1 attempt so far`);
    expect(page).toMatch(/The mail server said: .*ECONNREFUSED/);

    // The server is back: the job the action queued is taken by a worker and sends the email.
    catcher = await startMailCatcher({ smtpPort });
    await startWorkers();
    await vi.waitFor(
      async () =>
        expect((await db.emailDelivery.findUniqueOrThrow({ where: { id: delivery.id } })).status).toBe("SENT"),
      { timeout: 15_000, interval: 100 },
    );
    // (The workers also send what other tests left queued: only this client's emails count.)
    const toClient = () => catcher!.messages.filter((m) => m.to.includes(client.contactEmail));
    expect(toClient()).toHaveLength(1);
    expect(toClient()[0]).toMatchObject({ to: [client.contactEmail], subject: delivery.subject });
    expect(toClient()[0]!.text).toContain(url);
    const sent = await db.emailDelivery.findUniqueOrThrow({ where: { id: delivery.id } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 2, html: null, text: null });
    expect(sent.sentAt).toBeInstanceOf(Date);
    expect(await clientPageText(client.id)).toContain(`Sent ${delivery.subject} to ${client.contactEmail}: sent`);

    // A job that runs again (a crash, say) does not send it twice.
    await deliverEmail({ deliveryId: delivery.id }, attempt(2));
    expect(toClient()).toHaveLength(1);
    await stopJobs();
    errors.mockRestore();
  });

  it("gives up after the last attempt, and shows the reason", async () => {
    const client = await newClient();
    vi.spyOn(console, "error").mockImplementation(() => {});
    const created = await createLinkAction(null, form({ clientId: client.id, validDays: "7", mode: "email" }));
    expect(created).toMatchObject({ ok: true });
    const { id } = await db.emailDelivery.findFirstOrThrow({ where: { clientId: client.id } });
    await expect(deliverEmail({ deliveryId: id }, attempt(0))).rejects.toThrow();
    // The last attempt's failure is final: recorded, not thrown (no retry follows).
    await deliverEmail({ deliveryId: id }, attempt(8, true));
    const failed = await db.emailDelivery.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 2, html: null, text: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);
    const page = await clientPageText(client.id);
    expect(page).toMatch(/Failed .* to .*: gave up .* after 2 attempts\. The mail server said: .*ECONNREFUSED/);
    vi.mocked(console.error).mockRestore();
  });

  it("a sent-again link queues its new address too; the earlier email's state stays in the history", async () => {
    const client = await newClient();
    vi.spyOn(console, "error").mockImplementation(() => {});
    await createLinkAction(null, form({ clientId: client.id, validDays: "7", mode: "email" }));
    const [link] = await listLinks(client.id);
    const again = await resendLinkAction(null, form({ linkId: link!.id }));
    expect(again).toMatchObject({ ok: true });
    const [after] = await listLinks(client.id);
    expect(after!.emails.map((e) => e.status)).toEqual(["QUEUED", "QUEUED"]);
    const newest = await db.emailDelivery.findFirstOrThrow({
      where: { linkId: link!.id },
      orderBy: { createdAt: "desc" },
    });
    expect(newest.text).toContain((again as LinkState).url!);
    vi.mocked(console.error).mockRestore();
  });
});

describe("with the mail server up", () => {
  it("a refused recipient fails at once (no retry), with the server's reason", async () => {
    catcher = await startMailCatcher({ smtpPort, refuse: (address) => address.startsWith("nobody") });
    const client = await newClient();
    const { linkId } = await createTestLink(client.id);
    vi.spyOn(console, "error").mockImplementation(() => {});
    const id = await queueEmail({
      kind: "connected",
      to: "nobody@example.com",
      email: { subject: "About your client", html: "<p>Hello</p>", text: "Hello" },
      clientId: client.id,
      linkId,
    });
    await deliverEmail({ deliveryId: id }, attempt(0));
    const failed = await db.emailDelivery.findUniqueOrThrow({ where: { id } });
    expect(failed).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(failed.lastError).toMatch(/550.*Mailbox nobody@example\.com does not exist/);
    expect(catcher.messages).toHaveLength(0);
    expect(await clientPageText(client.id)).toMatch(
      /Failed About your client to nobody@example\.com: gave up .* after 1 attempt\. The mail server said: .*550/,
    );
    vi.mocked(console.error).mockRestore();
  });

  it("the sweep queues an email whose job was never queued", async () => {
    catcher = await startMailCatcher({ smtpPort });
    const stranded = await db.emailDelivery.create({
      data: {
        kind: "test",
        to: `stranded-${n++}@example.com`,
        subject: "Stranded",
        html: "<p>Stranded</p>",
        text: "Stranded",
        createdAt: new Date(Date.now() - 10 * 60 * 1000),
      },
    });
    expect(await sweepEmails()).toBeGreaterThanOrEqual(1);
    await startWorkers();
    await vi.waitFor(
      async () =>
        expect((await db.emailDelivery.findUniqueOrThrow({ where: { id: stranded.id } })).status).toBe("SENT"),
      { timeout: 15_000, interval: 100 },
    );
    expect(catcher.messages.map((m) => m.subject)).toContain("Stranded");
    await stopJobs();
  });
});
