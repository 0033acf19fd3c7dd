import { describe, expect, it } from "vitest";
import { redactUrl, resolveDatabaseUrl } from "@/lib/database-url";

describe("resolveDatabaseUrl", () => {
  it("resolves a relative SQLite path from the project folder", () => {
    expect(resolveDatabaseUrl("file:./data/dev.db", "/srv/app")).toEqual({
      provider: "sqlite",
      url: "file:/srv/app/data/dev.db",
      filePath: "/srv/app/data/dev.db",
    });
  });

  it("keeps an absolute SQLite path", () => {
    expect(resolveDatabaseUrl("file:/var/lib/po.db", "/srv/app")).toMatchObject({ filePath: "/var/lib/po.db" });
  });

  it("recognises both PostgreSQL schemes", () => {
    expect(resolveDatabaseUrl("postgres://a@b/c").provider).toBe("postgresql");
    expect(resolveDatabaseUrl("POSTGRESQL://a@b/c").provider).toBe("postgresql");
  });

  it("rejects other databases without echoing the password", () => {
    expect(() => resolveDatabaseUrl("mysql://root:hunter2@db/x")).toThrow(/root:\*\*\*@db/);
  });

  it("redacts passwords", () => {
    expect(redactUrl("postgresql://user:secret@host:5432/db")).toBe("postgresql://user:***@host:5432/db");
    expect(redactUrl("postgresql://host/db")).toBe("postgresql://host/db");
  });
});
