import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { startMailCatcher } from "../support/mail-catcher";

const message = {
  to: "ana@example.com",
  subject: "Sign in to Acme",
  html: '<p>Hello <a href="https://app.example/x">link</a></p>',
  text: "Hello https://app.example/x",
};

describe("without SMTP_URL: the outbox", () => {
  it("keeps the email, both parts, and says where to read it", async () => {
    const { sendEmail, usesOutbox } = await import("@/lib/email/mailer");
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    await sendEmail(message);
    expect(usesOutbox()).toBe(true);
    const saved = await db.outboxMessage.findFirstOrThrow({
      where: { to: message.to },
      orderBy: { createdAt: "desc" },
    });
    expect(saved).toMatchObject({ ...message, from: "Partner Onboarding <onboarding@localhost>" });
    expect(log).toHaveBeenCalledWith(expect.stringContaining(`/dev/outbox/${saved.id}`));
    log.mockRestore();
  });

  it("lists the newest first", async () => {
    const { listOutbox } = await import("@/lib/data/outbox");
    const { sendEmail } = await import("@/lib/email/mailer");
    vi.spyOn(console, "log").mockImplementation(() => {});
    await sendEmail({ ...message, subject: "Newest" });
    expect((await listOutbox())[0]).toMatchObject({ subject: "Newest", to: message.to });
  });
});

describe("with SMTP_URL: a real SMTP server", () => {
  let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
  beforeAll(async () => {
    catcher = await startMailCatcher();
  });
  afterAll(async () => {
    await catcher.close();
    vi.unstubAllEnvs();
  });

  it("delivers the HTML and plain-text parts, and nothing goes to the outbox", async () => {
    vi.stubEnv("SMTP_URL", catcher.smtpUrl);
    vi.resetModules();
    const { sendEmail, usesOutbox } = await import("@/lib/email/mailer");
    const before = await db.outboxMessage.count();
    await sendEmail({ ...message, to: "smtp@example.com" });
    expect(usesOutbox()).toBe(false);
    expect(catcher.messages).toHaveLength(1);
    expect(catcher.messages[0]).toMatchObject({ to: ["smtp@example.com"], subject: message.subject });
    expect(catcher.messages[0]!.text.trim()).toBe(message.text);
    expect(catcher.messages[0]!.html).toContain('href="https://app.example/x"');
    expect(await db.outboxMessage.count()).toBe(before);
  });
});
