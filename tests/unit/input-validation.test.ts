import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { agencySchema } from "@/lib/validations/agency";
import {
  clientFormSchema,
  clientImportRowSchema,
  clientListQuerySchema,
  csvSubmissionBytes,
  IMPORT_MAX_BYTES,
  importSchema,
  importSizeError,
  referenceSchema,
  slugify,
  parseClientListQuery,
} from "@/lib/validations/clients";
import { onboardingReportSchema } from "@/lib/validations/links";
import { idSchema, stripControlCharacters, userText } from "@/lib/validations/text";
import { disconnectWabaSchema } from "@/lib/validations/whatsapp";

const CONTROL = "Remove the invisible control characters.";
const client = {
  name: "Acme Bakery",
  contactName: "Ana Souza",
  contactEmail: "ana@acme.example",
  clientReferenceId: "acme-bakery",
  notes: "",
};
const errorsOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe("user text", () => {
  // Every C0 control character but tab, line feed and carriage return.
  const refused = [...Array(32).keys()].filter((c) => ![9, 10, 13].includes(c)).map((c) => String.fromCharCode(c));

  it.each(refused.map((c) => [c.charCodeAt(0).toString(16).padStart(4, "0"), c]))(
    "refuses U+%s with a message that says what to fix",
    (_code, c) => {
      expect(userText().safeParse(`Acme${c}Bakery`).error?.issues[0]?.message).toBe(CONTROL);
    },
  );

  it("keeps tabs, line breaks, accents, emoji and right-to-left text", () => {
    const text = "Café\tZoë\r\nشركة 🍞 \u202e\u200f";
    expect(userText().parse(text)).toBe(text);
    expect(stripControlCharacters("a\u0000b\u0007c\td\n")).toBe("abc\td\n");
  });

  it("refuses half a surrogate pair (the database driver cannot encode it); machine text gets U+FFFD", () => {
    expect(userText().safeParse("Acme \ud83c").error?.issues[0]?.message).toBe(
      "Remove the broken characters (half of an emoji or symbol).",
    );
    expect(userText().parse("Acme \ud83c\udf5e")).toBe("Acme 🍞");
    expect(stripControlCharacters("Meta \ud800said")).toBe("Meta \ufffdsaid");
  });

  it("is what the client form, the CSV rows and the agency name use", () => {
    const nul = "Acme\u0000Bakery";
    expect(errorsOf(clientFormSchema.safeParse({ ...client, name: nul }))).toEqual({ name: CONTROL });
    expect(errorsOf(clientFormSchema.safeParse({ ...client, contactName: nul }))).toEqual({ contactName: CONTROL });
    expect(errorsOf(clientFormSchema.safeParse({ ...client, notes: "line\u0000" }))).toEqual({ notes: CONTROL });
    expect(errorsOf(clientImportRowSchema.safeParse({ ...client, notes: "\u0007" }))).toEqual({ notes: CONTROL });
    expect(errorsOf(clientImportRowSchema.safeParse({ ...client, name: nul }))).toEqual({ name: CONTROL });
    expect(errorsOf(agencySchema.safeParse({ name: nul, brandColor: "#000000" }))).toEqual({ name: CONTROL });
    expect(errorsOf(disconnectWabaSchema.safeParse({ clientId: "c1", wabaId: "1", confirmName: nul }))).toEqual({
      confirmName: CONTROL,
    });
  });

  it("is dropped, not refused, from what the signup SDK reports", () => {
    expect(onboardingReportSchema.parse({ kind: "failed", message: "Meta\u0000 said\u0007 no\n" })).toEqual({
      kind: "failed",
      message: "Meta said no\n",
    });
  });
});

describe("ids sent back by forms", () => {
  it.each(["c\u0000x", "", "x".repeat(65), '\'; DROP TABLE "Client";--', "../etc/passwd"])("refuse %j", (id) => {
    expect(idSchema.safeParse(id).success).toBe(false);
  });

  it("take the ids the database makes", () => {
    expect(idSchema.parse("cmf3k2l9x0000abcd1234efgh")).toBe("cmf3k2l9x0000abcd1234efgh");
  });
});

describe("the clients list's search", () => {
  it("drops control characters, so the database never sees them", () => {
    expect(clientListQuerySchema.parse({ q: "acme\u0000 bakery\u0007" }).q).toBe("acme bakery");
  });

  it("takes the first of a repeated ?q=", () => {
    expect(clientListQuerySchema.parse({ q: ["acme", "deli"] }).q).toBe("acme");
  });

  it("over 200 characters is dropped with a message, keeping the rest of the view", () => {
    const { query, error } = parseClientListQuery({ q: "a".repeat(201), status: "INVITED", sort: "createdAt" });
    expect(error).toBe("Search at most 200 characters.");
    expect(query).toMatchObject({ q: "", status: "INVITED", sort: "createdAt", dir: "asc", page: 1 });
    expect(parseClientListQuery({ q: "a".repeat(200) })).toEqual({
      query: expect.objectContaining({ q: "a".repeat(200) }),
    });
  });
});

describe("the CSV import's size limit", () => {
  const row = "Acme Bakery,Ana Souza,ana@acme.example,acme-bakery,,a note\n";
  const csvOf = (bytes: number) =>
    `name,contactName,contactEmail,clientReferenceId,pluginId,notes\n${row.repeat(bytes / row.length)}`;

  it("is one number, named in the message", () => {
    expect(IMPORT_MAX_BYTES).toBe(2_000_000);
    expect(importSizeError(2_600_000)).toBe(
      "This file is 2.6 MB: at most 2 MB can be imported at once. Split it into smaller files.",
    );
    expect(importSizeError(IMPORT_MAX_BYTES)).toBeNull();
  });

  it("lets a 1.3 MB file through and refuses a 2.6 MB one with that message", () => {
    expect(importSchema.safeParse({ csv: csvOf(1_300_000) }).success).toBe(true);
    expect(errorsOf(importSchema.safeParse({ csv: csvOf(2_600_000) })).csv).toMatch(/at most 2 MB can be imported/);
  });

  it("counts bytes as the browser sends them: UTF-8, line breaks as CRLF", () => {
    expect(csvSubmissionBytes("a\nb")).toBe(4);
    expect(csvSubmissionBytes("a\r\nb")).toBe(4);
    expect(csvSubmissionBytes("é")).toBe(2);
    expect(errorsOf(importSchema.safeParse({ csv: "é".repeat(1_000_001) })).csv).toMatch(/2 MB/);
  });

  it("fits under the server actions' body limit, with room for the form's overhead", async () => {
    const config = await nextConfig("phase-development-server");
    const require = createRequire(import.meta.url);
    const bytes = require("next/dist/compiled/bytes") as { parse: (value: string | number) => number };
    const limit = bytes.parse(config.experimental?.serverActions?.bodySizeLimit ?? "1mb");
    expect(limit).toBeGreaterThanOrEqual(IMPORT_MAX_BYTES + 100_000);
    expect(limit).toBeLessThanOrEqual(IMPORT_MAX_BYTES * 1.5);
  });
});

describe("the reference proposed from a business name", () => {
  it("is URL-safe, without accents", () => {
    expect(slugify("Café Zoë & Co")).toBe("cafe-zoe-co");
    expect(slugify("!!")).toBe("");
    // A name in another script still gets a reference the schema takes, the same every time.
    for (const name of ["مطعم الشام", "शर्मा स्टोर", "東京ベーカリー"]) {
      expect(slugify(name)).toMatch(/^client-[0-9a-z]{7}$/);
      expect(referenceSchema.safeParse(slugify(name)).success).toBe(true);
      expect(slugify(` ${name} `)).toBe(slugify(name));
    }
    expect(slugify("مطعم الشام")).not.toBe(slugify("शर्मा स्टोर"));
  });

  it("is cut between words at 60 characters, not inside one", () => {
    const name = "Bright and Bold Digital WhatsApp Agency Mumbai Sao Paulo Jakarta Offices";
    expect(slugify(name)).toBe("bright-and-bold-digital-whatsapp-agency-mumbai-sao-paulo");
    expect(slugify("a".repeat(80))).toBe("a".repeat(60));
    // Exactly at a word's end: nothing dropped.
    expect(slugify(`${"b".repeat(60)} more`)).toBe("b".repeat(60));
  });
});
