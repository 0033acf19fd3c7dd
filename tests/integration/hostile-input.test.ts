import { readdirSync } from "node:fs";
import path from "node:path";
import type * as NextServer from "next/server";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The app's ChakraHQ client reads its address from the environment on first use: point it
// at a fake of this file's own before anything imports it.
const fake = await vi.hoisted(async () => {
  const { startFakeChakra } = await import("../../fake-chakra/server");
  const { FAKE_CHAKRA_TOKEN } = await import("../../lib/chakra/demo");
  const started = await startFakeChakra({ token: FAKE_CHAKRA_TOKEN, numbersDelayMs: 0 });
  process.env.CHAKRA_BASE_URL = started.url;
  process.env.CHAKRA_MAX_RETRIES = "0";
  return started;
});
vi.mock("next/headers", async () => (await import("../support/request-context")).headersModule());
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// Outside Next.js there is no request scope for connection() to check: every call here is a request.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof NextServer>()),
  connection: async () => {},
}));

import { NextRequest } from "next/server";
import { EXAMPLE_PLUGIN_ID } from "@/fake-chakra/state";
import { db } from "@/lib/db";
import { endBackgroundRuns } from "../support/background-runs";
import { createTestClient, createTestLink } from "../support/factories";
import { refreshClientConfig } from "@/lib/data/whatsapp";
import { pageProps, renderPage } from "../support/render-page";
import { signInAs } from "../support/request-context";

/*
 * Hostile input against every server action and route handler found on disk: overlong
 * text, wrong types, markup, SQL-looking text, control characters, CSV formulas and
 * tampered link tokens. Nothing may throw (a thrown error is a 500), every refusal is
 * { ok: false, message } (the end client's actions: { ok: false, code }, the page has the
 * words) and leaves the database as it was, routes answer below 500, and
 * what is accepted is stored as the same text and rendered escaped. Runs on SQLite and
 * PostgreSQL alike (TEST_DATABASE_URL).
 */

const ROOT = path.resolve(import.meta.dirname, "../..");
const C0 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
/** Text no database column should hold: control characters, or half a surrogate pair. */
const unstorable = (text: string) => C0.test(text) || !text.isWellFormed();
const SCRIPT = "<script>alert(1)</script>";
const IMG = "<img src=x onerror=alert(1)>";

/** Text no field should choke on. Each is tried in every field of every form. */
const HOSTILE_TEXT: [string, string][] = [
  ["empty", ""],
  ["blank", "   "],
  ["10k characters", "a".repeat(10_000)],
  ["1M characters", "x".repeat(1_000_000)],
  ["1M bytes of multi-byte text", "é".repeat(500_000)],
  ["10k emoji", "🍞".repeat(10_000)],
  ["1k combining accents", `e${"\u0301".repeat(1000)}`],
  ["script tag", SCRIPT],
  ["img onerror", IMG],
  ["svg onload", "<svg onload=alert(1)>"],
  ["attribute breakout", `"><script>alert(1)</script>`],
  ["single-quote breakout", `'><img src=x onerror=alert(1)>`],
  ["javascript: URL", "javascript:alert(1)"],
  ["javascript: URL with a tab", "java\tscript:alert(1)"],
  ["data: URL", "data:text/html,<script>alert(1)</script>"],
  ["vbscript: URL", "vbscript:msgbox(1)"],
  ["template injection", "{{constructor.constructor('alert(1)')()}}"],
  ["template literal", "${process.exit(1)}"],
  ["SQL drop", `'; DROP TABLE "Client";--`],
  ["SQL tautology", "' OR '1'='1"],
  ["SQL comment", "admin'--"],
  ["SQL union", `1 UNION SELECT "email" FROM "User"`],
  ["SQL LIKE wildcards", "%_%"],
  ["backslashes", "\\\\'\\\""],
  ["NUL", "\u0000"],
  ["NUL inside text", "Acme\u0000Bakery"],
  ["BEL", "Acme\u0007Bakery"],
  ["escape sequence", "\u001b[31mred\u001b[0m"],
  ["vertical tab and form feed", "a\u000bb\u000cc"],
  ["DEL", "a\u007fb"],
  ["RTL override", "\u202eexe.fdp"],
  ["RTL mark", "\u200fAcme"],
  ["zero-width characters", "Ac\u200bme\u200d\ufeff"],
  ["lone surrogate", "Acme\ud800"],
  ["header injection", "a@example.com\r\nBcc: victim@example.com"],
  ["line breaks only", "\r\n\n\r"],
  ["CSV formula =", `=HYPERLINK("https://evil.example","click")`],
  ["CSV formula +", "+1+cmd|' /C calc'!A0"],
  ["CSV formula -", "-2+3+cmd|' /C calc'!A0"],
  ["CSV formula @", "@SUM(1+1)*cmd|' /C calc'!A0"],
  ["CSV tab then formula", "\t=1+1"],
  ["path traversal", "../../../etc/passwd"],
  ["percent-encoded", "%00%3Cscript%3E"],
  ["prototype key", "__proto__"],
  ["JSON", `{"__proto__":{"role":"OWNER"}}`],
  ["number overflow", "1e309"],
  ["negative number", "-1"],
  ["huge integer", "99999999999999999999999"],
  ["NaN", "NaN"],
  ["true", "true"],
  ["null", "null"],
  ["undefined", "undefined"],
  ["private address", "https://169.254.169.254/latest/meta-data/"],
  ["loopback address in hex", "https://0x7f000001/hook"],
  ["IPv4-mapped loopback", "https://[::ffff:127.0.0.1]/hook"],
  ["file: URL", "file:///etc/passwd"],
  ["overlong email", `${"a".repeat(300)}@example.com`],
  ["email with markup", `"<script>"@example.com`],
  ["GUID of nothing", "00000000-0000-4000-8000-000000000000"],
  ["id of another table", "cm0000000000000000000000"],
];

/** FormData carries strings and Files only: these stand in for the wrong types. */
const HOSTILE_FILES: [string, () => File][] = [
  ["a File", () => new File([SCRIPT], "evil.csv", { type: "text/csv" })],
  ["an empty File", () => new File([], "")],
  ["a File named like markup", () => new File(["a"], `${IMG}.csv`, { type: "text/html" })],
];

// ---------------------------------------------------------------- the actions on disk

type FormAction = (previous: null, formData: FormData) => Promise<unknown>;
type Result = { ok: boolean; code?: string; message?: string; fieldErrors?: Record<string, string[]> };

const actionFiles = readdirSync(path.join(ROOT, "lib/actions")).filter(
  (f) => f.endsWith(".ts") && f !== "safe-action.ts",
);
const actions = new Map<string, (...args: never[]) => Promise<unknown>>();
for (const file of actionFiles) {
  const exported = (await import(`../../lib/actions/${file.replace(/\.ts$/, "")}`)) as Record<string, unknown>;
  for (const [name, value] of Object.entries(exported))
    if (typeof value === "function") actions.set(`${file.replace(/\.ts$/, "")}.${name}`, value as never);
}
const routeFiles = readdirSync(path.join(ROOT, "app"), { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && e.name === "route.ts")
  .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));

// ---------------------------------------------------------------- the database, before and after

const TABLES = [
  "AgencySettings",
  "User",
  "Invitation",
  "Client",
  "OnboardingLink",
  "OnboardingLinkEvent",
  "SignupAttempt",
  "PluginConfigSnapshot",
  "SnapshotPhoneNumber",
  "AuditLog",
  "OutboxMessage",
  "RefreshJob",
  "RefreshJobClient",
  "ChakraRateLimit",
];
// One round trip per snapshot (the suite takes thousands); the same SQL on both databases.
const SNAPSHOT_SQL = TABLES.map(
  (table) => `SELECT '${table}' AS "table", COUNT(*) AS "rows", MAX("updatedAt") AS "last" FROM "${table}"`,
).join(" UNION ALL ");

/** Every table an action may write, as row counts and last changes. */
async function snapshotDatabase(): Promise<Record<string, string>> {
  const rows = await db.$queryRawUnsafe<{ table: string; rows: unknown; last: unknown }[]>(SNAPSHOT_SQL);
  return Object.fromEntries(
    rows.map((r) => [r.table, `${String(r.rows)} ${r.last instanceof Date ? r.last.toISOString() : String(r.last)}`]),
  );
}

/** What an action call came to: its result, or the redirect it ended in. A thrown error fails the test. */
async function outcome(call: () => Promise<unknown>): Promise<{ result?: Result; redirect?: string }> {
  try {
    return { result: (await call()) as Result };
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.startsWith("NEXT_REDIRECT")) return { redirect: digest.split(";")[2] };
    throw error;
  }
}

/** Runs one call, and checks what every call owes: no throw, a clear refusal, nothing written on refusal. */
async function expectHandled(label: string, call: () => Promise<unknown>) {
  const before = await snapshotDatabase();
  const answer = await outcome(call).catch((error: Error) => {
    throw new Error(`${label}: threw ${error.message.slice(0, 300)}`);
  });
  const result = answer.result;
  if (answer.redirect !== undefined) return answer;
  expect(typeof result?.ok, `${label}: an { ok } result`).toBe("boolean");
  if (!result!.ok) {
    expect(result!.message?.trim(), `${label}: a refusal says why`).toBeTruthy();
    expect(["UNAUTHENTICATED", "FORBIDDEN"], `${label}: the owner stays signed in`).not.toContain(result!.code);
    expect(await snapshotDatabase(), `${label}: a refusal writes nothing`).toEqual(before);
  }
  return answer;
}

// ---------------------------------------------------------------- the world the actions act on

let owner: { id: string; email: string };
let viewer: { id: string; email: string };
let connected: { id: string; clientReferenceId: string };
let editable: { id: string; clientReferenceId: string };
let held: { id: string; clientReferenceId: string };
let linked: { id: string };
let adminLinkId = "";
let invitationId = "";
let waba: { id: string; name: string };
let onboardingToken = "";
let expiredToken = "";
let n = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${n++}`;

const newClient = (name: string, pluginId: string | null = null) =>
  createTestClient("hostile", { name, pluginId }, { actor: owner });

beforeAll(async () => {
  vi.spyOn(console, "log").mockImplementation(() => {}); // the outbox prints every email
  owner = await signInAs("OWNER");
  viewer = await db.user.create({ data: { email: `${unique("viewer")}@test.example`, role: "VIEWER" } });
  invitationId = (
    await db.invitation.create({
      data: {
        email: `${unique("invited")}@test.example`,
        role: "VIEWER",
        expiresAt: new Date(Date.now() + 86_400_000),
      },
    })
  ).id;

  // A file run before may have left a client holding the example plugin (files run in an order
  // that follows their sizes and timings): this file takes it.
  await db.client.updateMany({ where: { pluginId: EXAMPLE_PLUGIN_ID }, data: { pluginId: null } });
  connected = await newClient("Connected Co", EXAMPLE_PLUGIN_ID);
  const refreshed = await refreshClientConfig(connected.id);
  if (!refreshed.ok) throw new Error(`the fake did not answer: ${refreshed.error.message}`);
  const account = refreshed.config.whatsappBusinessAccounts[0]!;
  waba = { id: account.id, name: account.name ?? account.id };

  editable = await newClient("Editable Co");
  held = await newClient("Held Co");
  // The hold a mint leaves when ChakraHQ does not answer in time (onboarding-plugin-hold.test.ts
  // makes one that way); written here so that this file needs no slow ChakraHQ.
  await db.client.update({
    where: { id: held.id },
    data: {
      pluginHoldAt: new Date(),
      pluginHoldReason: "ChakraHQ did not answer within 15 s",
      pluginHoldReference: held.clientReferenceId,
    },
  });
  linked = await newClient("Linked Co");
  adminLinkId = (await createTestLink(linked.id, { actor: owner })).linkId;

  // The end client's side: a live link whose plugin already has a connected number...
  const plugin = fake.createPlugin({ name: "Onboarding Co plugin" });
  plugin.wabas.push({ id: "555000111", name: "Onboarding Co WABA" } as never);
  plugin.numbers.push({
    wabaId: "555000111",
    availableAt: 0,
    number: { id: "999000111", display_phone_number: "+44 20 7946 0000", status: "CONNECTED" },
  } as never);
  const onboarding = await newClient("Onboarding Co", plugin.id);
  onboardingToken = (await createTestLink(onboarding.id, { actor: owner })).token;
  // ...and an expired one, whose page asks the agency for a new link.
  const lapsed = await newClient("Lapsed Co");
  const old = await createTestLink(lapsed.id, { actor: owner, validDays: 1 });
  // Expired a second ago: a link lives at least a day, so only the clock (or this) expires it.
  await db.onboardingLink.update({ where: { id: old.linkId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expiredToken = old.token;
});

afterAll(async () => {
  vi.restoreAllMocks();
  await endBackgroundRuns();
  await fake.close();
});

// ---------------------------------------------------------------- every form action, every field

/** A valid submission per action: each hostile value replaces one field of it. */
const FORMS: Record<string, () => Record<string, string>> = {
  "agency.updateAgencyAction": () => ({ name: "Ola Digital", logoUrl: "", brandColor: "#0f766e", defaultLanguage: "" }),
  "health.updateSweepIntervalAction": () => ({ minutes: "360" }),
  "agency.updateNudgesAction": () => ({
    unopenedOn: "on",
    unopenedDays: "3",
    unfinishedOn: "on",
    unfinishedDays: "2",
    expiryWarning: "on",
  }),
  "preferences.updateEmailPreferencesAction": () => ({ alerts: "ALL", weeklyDigest: "on" }),
  "auth.requestSignInLink": () => ({ email: owner.email, callbackUrl: "/clients" }),
  "clients.createClientAction": () => ({
    name: "Hostile Co",
    contactName: "Ana",
    contactEmail: "ana@hostile.example",
    clientReferenceId: unique("new"),
    notes: "",
    language: "hi",
    pluginId: "",
  }),
  "clients.updateClientAction": () => ({
    id: editable.id,
    name: "Editable Co",
    contactName: "Ana",
    contactEmail: "ana@editable.example",
    clientReferenceId: editable.clientReferenceId,
    notes: "",
    language: "",
    pluginId: "",
  }),
  "clients.archiveClientAction": () => ({ id: editable.id }),
  "clients.restoreClientAction": () => ({ id: editable.id }),
  // A hostile value in any field leaves the hold in place: only the valid submission releases it.
  "clients.releasePluginHoldAction": () => ({ id: held.id, reference: held.clientReferenceId, confirm: "on" }),
  "clients.previewImportAction": () => ({ csv: "name,contactName,contactEmail\nNorth Cafe,Nia,nia@north.example" }),
  "clients.importClientsAction": () => ({
    csv: `name,contactName,contactEmail\nImported,Nia,${unique("nia")}@north.example`,
  }),
  "links.createLinkAction": () => ({
    clientId: linked.id,
    validDays: "7",
    sendTo: "",
    mode: "copy",
    purpose: "CONNECT",
  }),
  "links.resendLinkAction": () => ({ linkId: adminLinkId, sendTo: "" }),
  "links.revokeLinkAction": () => ({ linkId: adminLinkId }),
  "links.markRequestAnsweredAction": () => ({ id: connected.id }),
  "links.inviteAllAction": () => ({ validDays: "7" }),
  "team.inviteMemberAction": () => ({ email: `${unique("invitee")}@test.example`, role: "VIEWER" }),
  "team.changeRoleAction": () => ({ userId: viewer.id, role: "ADMIN" }),
  "team.removeMemberAction": () => ({ userId: viewer.id }),
  "team.revokeInvitationAction": () => ({ invitationId }),
  "whatsapp.refreshClientAction": () => ({ clientId: connected.id }),
  "whatsapp.webhookSettingsAction": () => ({
    clientId: connected.id,
    step: "preview",
    passThroughWebhookUrl: "https://hooks.example.com/meta",
    enableMessageEchoesForPassThroughWebhook: "on",
    enableSendMessageTemplateEventForPassThroughWebhook: "",
    enableChakraWebhook: "on",
    chakraWebhookUrl: "https://hooks.example.com/chakra",
    whichChakraWebhookEventsToSend: "message",
  }),
  "whatsapp.disconnectWabaAction": () => ({ clientId: connected.id, wabaId: waba.id, confirmName: waba.name }),
};
/** Actions without fields: the hostile values come as fields they do not expect. */
const FIELDLESS = new Set(["auth.signOutAction", "whatsapp.startRefreshAllAction", "health.runSweepNowAction"]);
const PUBLIC = new Set([
  "onboarding.markLinkOpened",
  "onboarding.startOnboarding",
  "onboarding.reportOnboarding",
  "onboarding.confirmOnboarding",
  "onboarding.requestNewLink",
  "onboarding.checkOnboarding",
  "onboarding.reportSdkEvent",
  "onboarding.requestHelp",
]);

/** Fields whose accepted text is stored as typed (trimmed): read back after a successful save. */
const STORED: Record<string, (id: string) => Promise<Record<string, unknown> | null>> = {
  "clients.updateClientAction": (id) => db.client.findUnique({ where: { id } }),
  "agency.updateAgencyAction": () => db.agencySettings.findFirst(),
};

function formOf(fields: Record<string, string>, replace?: { field: string; value: string | File; repeat?: boolean }) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  if (replace) {
    if (replace.repeat) form.append(replace.field, replace.value);
    else form.set(replace.field, replace.value);
  }
  return form;
}

describe("every action and route handler", () => {
  it("is covered by this suite", () => {
    expect([...actions.keys()].sort()).toEqual([...Object.keys(FORMS), ...FIELDLESS, ...PUBLIC].sort());
    expect(routeFiles).toEqual(
      expect.arrayContaining(["app/(dashboard)/clients/export/route.ts", "app/api/auth/[...nextauth]/route.ts"]),
    );
  });
});

describe("the database snapshot", () => {
  it("sees a new row and a changed one", async () => {
    const before = await snapshotDatabase();
    const client = await newClient("Snapshot Co");
    const created = await snapshotDatabase();
    expect(created).not.toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await db.client.update({ where: { id: client.id }, data: { notes: "changed" } });
    expect(await snapshotDatabase()).not.toEqual(created);
  });
});

describe("server actions, signed in as an owner", () => {
  it.each(Object.keys(FORMS))(
    "%s handles every hostile value in every field",
    async (name) => {
      const run = actions.get(name) as unknown as FormAction;
      const fields = Object.keys(FORMS[name]!());
      for (const field of fields) {
        const values: [string, string | File, boolean?][] = [
          ...HOSTILE_TEXT.map(([label, value]): [string, string] => [label, value]),
          ...HOSTILE_FILES.map(([label, file]): [string, File] => [label, file()]),
          // A repeated key: the valid value first, the hostile one after it.
          ["a repeated key", SCRIPT, true],
        ];
        for (const [label, value, repeat] of values) {
          const base = FORMS[name]!();
          const answer = await expectHandled(`${name} ${field}=${label}`, () =>
            run(null, formOf(base, { field, value, repeat })),
          );
          const accepted = answer.redirect !== undefined || answer.result?.ok;
          if (!accepted || typeof value !== "string") continue;
          // FormData carries well-formed text: half a surrogate pair arrives as U+FFFD.
          const sent = value.toWellFormed();
          // Control characters never get through, and text that does is stored as sent.
          if (unstorable(sent) && ["name", "contactName", "notes", "confirmName"].includes(field))
            throw new Error(`${name} ${field}=${label}: unstorable text accepted`);
          const read = STORED[name];
          if (read && ["name", "contactName", "notes"].includes(field)) {
            const row = await read(base.id ?? "");
            expect(row?.[field], `${name} ${field}=${label}`).toBe(field === "notes" ? sent : sent.trim());
          }
        }
      }
    },
    300_000,
  );

  it.each([...FIELDLESS])(
    "%s handles unexpected hostile fields",
    async (name) => {
      const run = actions.get(name) as unknown as FormAction;
      if (name === "auth.signOutAction") await signInAs("OWNER"); // a session of its own to end
      try {
        const form = new FormData();
        for (const [label, value] of HOSTILE_TEXT) form.append(label, value);
        for (const [label, file] of HOSTILE_FILES) form.append(label, file());
        form.append("__proto__", SCRIPT);
        form.append("constructor", SCRIPT);
        const answer = await outcome(() => run(null, form));
        if (name === "auth.signOutAction") return expect(answer.redirect).toContain("/sign-in?signedOut=1");
        expect(answer.result).toMatchObject({ ok: true });
        // The background refresh finishes before the next test counts rows.
        await vi.waitFor(
          async () =>
            expect((await db.refreshJob.findFirst({ orderBy: { startedAt: "desc" } }))?.status).not.toBe("RUNNING"),
          { timeout: 30_000, interval: 100 },
        );
      } finally {
        owner = await signInAs("OWNER", owner.email);
      }
    },
    60_000,
  );

  it("stores accepted text as data and renders it escaped on the client's page", async () => {
    const update = actions.get("clients.updateClientAction") as unknown as FormAction;
    const fields = {
      ...FORMS["clients.updateClientAction"]!(),
      name: SCRIPT,
      contactName: IMG,
      notes: `'; DROP TABLE "Client";--\n\u202e${IMG}\njavascript:alert(1)`,
    };
    expect((await outcome(() => update(null, formOf(fields)))).redirect).toBe(`/clients/${editable.id}?saved=updated`);
    const row = await db.client.findUniqueOrThrow({ where: { id: editable.id } });
    expect(row).toMatchObject({ name: SCRIPT, contactName: IMG, notes: fields.notes });
    expect(await db.client.count()).toBeGreaterThan(0); // the table is still there

    const ClientPage = (await import("@/app/(dashboard)/clients/[id]/page")).default;
    const html = renderPage(await ClientPage(pageProps({ id: editable.id })));
    for (const markup of [SCRIPT, IMG, "<svg", 'href="javascript:']) expect(html).not.toContain(markup);
    expect(html).not.toMatch(/<[^>]*onerror/); // no element carries the handler
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");

    const ClientsPage = (await import("@/app/(dashboard)/clients/page")).default;
    const list = renderPage(await ClientsPage(pageProps({}, { q: SCRIPT })));
    expect(list).not.toContain(SCRIPT);
    expect(list).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });
});

describe("the clients list page", () => {
  it("shows every hostile search escaped, and a search it cannot run as a message, never a 500", async () => {
    const ClientsPage = (await import("@/app/(dashboard)/clients/page")).default;
    const searches: [string, string | string[]][] = [
      ...HOSTILE_TEXT,
      ["a repeated ?q=", ["acme", SCRIPT]],
      ["201 characters", "q".repeat(201)],
    ];
    for (const [label, q] of searches) {
      const element = await ClientsPage(pageProps({}, { q, status: q, sort: q, dir: q, page: q })).catch(
        (error: Error) => {
          throw new Error(`q=${label}: threw ${error.message.slice(0, 300)}`);
        },
      );
      const html = renderPage(element);
      expect(html, label).not.toContain(SCRIPT);
      const text = Array.isArray(q) ? q[0]! : q;
      if (text.trim().length > 200) expect(html, label).toContain("Search at most 200 characters.");
      else expect(html, label).not.toContain("Search at most");
    }
  }, 60_000);
});

// ---------------------------------------------------------------- the CSV import and export

const CSV_COLUMNS = ["name", "contactName", "contactEmail", "clientReferenceId", "pluginId", "notes"];

describe("a CSV import", () => {
  it.each(HOSTILE_TEXT.filter(([, value]) => value.length < 100_000))(
    "with %s in its cells is refused row by row or imported as data",
    async (label, value) => {
      const preview = actions.get("clients.previewImportAction") as unknown as FormAction;
      const run = actions.get("clients.importClientsAction") as unknown as FormAction;
      const ref = unique("csv");
      const csv = Papa.unparse({
        fields: CSV_COLUMNS,
        data: [[value, value, `${ref}@example.com`, ref, "", value]],
      });
      const checked = await expectHandled(`preview ${label}`, () => preview(null, formOf({ csv })));
      expect(checked.result?.ok).toBe(true);
      const imported = await expectHandled(`import ${label}`, () => run(null, formOf({ csv })));
      const row = await db.client.findUnique({ where: { clientReferenceId: ref } });
      if (!imported.result?.ok) {
        expect(row).toBeNull();
        return;
      }
      const sent = value.toWellFormed(); // as FormData carries it
      expect(unstorable(sent), "control characters are refused").toBe(false);
      expect(row).toMatchObject({ name: sent.trim(), contactName: sent.trim(), notes: sent });
    },
  );

  it("keeps formula cells as text, and the export neutralises them", async () => {
    const formulas = HOSTILE_TEXT.filter(([label]) => label.startsWith("CSV")).map(([, v]) => v);
    const ref = unique("formula");
    const csv = Papa.unparse({
      fields: CSV_COLUMNS,
      data: formulas.map((f, i) => [f, f.trim(), `${ref}-${i}@example.com`, `${ref}-${i}`, "", f]),
    });
    const run = actions.get("clients.importClientsAction") as unknown as FormAction;
    expect((await run(null, formOf({ csv }))) as Result).toMatchObject({ ok: true });

    const { GET } = (await import("@/app/(dashboard)/clients/export/route")) as {
      GET: (r: Request) => Promise<Response>;
    };
    const response = await GET(new Request(`http://localhost:3000/clients/export?q=${ref}`));
    expect(response.status).toBe(200);
    const rows = Papa.parse<Record<string, string>>((await response.text()).replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(formulas.length);
    for (const row of rows) {
      for (const column of ["name", "contactName", "notes"]) {
        // A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one).
        expect(row[column], column).toMatch(/^'[=+\-@\t\r]/);
      }
    }
  });
});

// ---------------------------------------------------------------- the end client's actions

type Public = (...args: unknown[]) => Promise<unknown>;

/** Link tokens an attacker would try, and values that are no token at all. */
function tamperedTokens(real: string): [string, unknown][] {
  const flipped = `${real.slice(0, 10)}${real[10] === "A" ? "B" : "A"}${real.slice(11)}`;
  return [
    ["empty", ""],
    ["too short", real.slice(0, 20)],
    ["one character short of valid", "a".repeat(39)],
    ["too long", `${real}${"a".repeat(20)}`],
    ["valid shape but unknown", "A".repeat(43)],
    ["one character changed", flipped],
    ["upper-cased", real.toUpperCase()],
    ["with a NUL", `${real}\u0000`],
    ["with spaces", ` ${real} `],
    ["with a slash", `${real.slice(0, 20)}/../${real.slice(24)}`],
    ["percent-encoded", encodeURIComponent(`${real}/`)],
    ["markup", SCRIPT],
    ["SQL", `'; DROP TABLE "OnboardingLink";--`],
    ["1M characters", "a".repeat(1_000_000)],
    ["undefined", undefined],
    ["null", null],
    ["a number", 42],
    ["NaN", Number.NaN],
    ["a boolean", true],
    ["an object", { token: real }],
    ["an array", [real]],
    ["an object that pretends", { toString: () => real, length: 43 }],
    ["a date", new Date()],
    ["a bigint", BigInt(43)],
  ];
}

describe("the end client's actions, with tampered tokens", () => {
  it.each([
    "markLinkOpened",
    "startOnboarding",
    "reportOnboarding",
    "confirmOnboarding",
    "requestNewLink",
    "checkOnboarding",
    "reportSdkEvent",
    "requestHelp",
  ])(
    "%s refuses every tampered token and changes nothing",
    async (name) => {
      const run = actions.get(`onboarding.${name}`) as unknown as Public;
      for (const real of [onboardingToken, expiredToken]) {
        for (const [label, token] of tamperedTokens(real)) {
          const before = await snapshotDatabase();
          const result = (await run(token, { kind: "failed", message: SCRIPT }).catch((error: Error) => {
            throw new Error(`${name}(${label}): threw ${error.message}`);
          })) as Result | undefined;
          // A refusal says why, as a code (the page has the words), and names no client.
          expect(result, `${name}(${label})`).toEqual({ ok: false, code: "unknown" });
          expect(await snapshotDatabase(), `${name}(${label}) writes nothing`).toEqual(before);
        }
      }
    },
    120_000,
  );
});

describe("the end client's actions, with a real link", () => {
  const linkEvents = async () =>
    db.onboardingLinkEvent.findMany({
      where: { link: { tokenHash: (await import("@/lib/links/token")).hashToken(onboardingToken) } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });

  it("reportOnboarding takes any report without throwing, and keeps the SDK's words as plain text", async () => {
    const report = actions.get("onboarding.reportOnboarding") as unknown as Public;
    // The rate limit (per link) stops recording after a while: the telling reports come first.
    const reports: unknown[] = [
      { kind: "failed", message: SCRIPT },
      { kind: "failed", message: "Acme\u0000Bakery\u0007" },
      { kind: "failed", message: "Meta said \ud800no" },
      undefined,
      null,
      42,
      "failed",
      [],
      [{ kind: "failed" }],
      {},
      { kind: SCRIPT },
      { kind: "failed", message: 42 },
      { kind: "failed", message: { toString: () => SCRIPT } },
      { kind: "failed", message: ["a", "b"] },
      { kind: "failed", message: "x".repeat(1_000_000) },
      { kind: "cancelled", extra: SCRIPT, __proto__: { message: SCRIPT } },
      ...HOSTILE_TEXT.filter(([, v]) => v.length <= 1000).map(([, message]) => ({ kind: "failed", message })),
    ];
    for (const [index, value] of reports.entries()) {
      const result = await report(onboardingToken, value);
      const label = JSON.stringify(value)?.slice(0, 80);
      // The first three are what the page sends; then no report at all (invalid); then reports
      // again, until the per-link limit stops recording them.
      if (index < 3) expect(result, label).toEqual({ ok: true });
      else if (index < 15) expect(result, label).toEqual({ ok: false, code: "invalid" });
      else
        expect([{ ok: true }, { ok: false, code: "rate_limited", retryAfterMinutes: 60 }], label).toContainEqual(
          result,
        );
    }
    const details = (await linkEvents()).filter((e) => e.type === "FAILED").map((e) => e.detail ?? "");
    for (const detail of details) expect(unstorable(detail), JSON.stringify(detail)).toBe(false);
    // Stored as the words they are (rendered as text later), control characters dropped.
    expect(details.slice(0, 3)).toEqual([SCRIPT, "AcmeBakery", "Meta said \ufffdno"]);
  });

  it("reportSdkEvent takes any event without throwing, and keeps it as plain text without tokens", async () => {
    const report = actions.get("onboarding.reportSdkEvent") as unknown as Public;
    const jwt = "eyJhbGciOiJIUzI1NiJ9.eyJkYXRhIjp7fX0.c2lnbmF0dXJl";
    const cyclic: Record<string, unknown> = { status: "connected" };
    cyclic.self = cyclic;
    const events: unknown[] = [
      { callback: "message", event: SCRIPT, data: { message: SCRIPT, token: jwt } },
      { callback: "message", event: "Acme\u0000Bakery\u0007", data: { text: "Meta said \ud800no" } },
      undefined,
      null,
      42,
      "message",
      [],
      {},
      { callback: SCRIPT },
      { callback: "message", event: { toString: () => SCRIPT }, data: cyclic },
      { callback: "message", event: 42, data: [BigInt(1), Number.NaN, new Date(Number.NaN), () => 1, Symbol("s")] },
      { callback: "error", data: { message: "x".repeat(1_000_000) } },
      { callback: "success", data: "é".repeat(500_000) },
      ...HOSTILE_TEXT.map(([, text]) => ({ callback: "message", event: text, data: { text } })),
    ];
    const invalid = new Set([2, 3, 4, 5, 6, 7, 8]); // no SDK event at all
    for (const [index, value] of events.entries()) {
      const result = await report(onboardingToken, value);
      if (invalid.has(index)) expect(result, `event ${index}`).toEqual({ ok: false, code: "invalid" });
      else if (index < 13) expect(result, `event ${index}`).toEqual({ ok: true });
      // Then the per-link limit stops recording them.
      else
        expect(
          [{ ok: true }, { ok: false, code: "rate_limited", retryAfterMinutes: 60 }],
          `event ${index}`,
        ).toContainEqual(result);
    }
    const details = (await linkEvents()).filter((e) => e.type === "SDK_EVENT").map((e) => e.detail ?? "");
    expect(details.length).toBeGreaterThan(5);
    for (const detail of details) {
      expect(unstorable(detail), JSON.stringify(detail).slice(0, 80)).toBe(false);
      expect(detail.length).toBeLessThanOrEqual(2200);
      expect(detail).not.toContain(jwt);
    }
    expect(details[0]).toBe(`${SCRIPT} {"message":"${SCRIPT}","token":"[removed]"}`);
    expect(details[1]).toBe('AcmeBakery {"text":"Meta said \\ud800no"}');
  });

  it("checkOnboarding answers with the real token", async () => {
    const check = actions.get("onboarding.checkOnboarding") as unknown as Public;
    expect(await check(onboardingToken)).toMatchObject({ ok: true });
  });

  it("markLinkOpened, startOnboarding and confirmOnboarding work with the real token", async () => {
    const opened = actions.get("onboarding.markLinkOpened") as unknown as Public;
    const start = actions.get("onboarding.startOnboarding") as unknown as Public;
    const confirm = actions.get("onboarding.confirmOnboarding") as unknown as Public;
    expect(await opened(onboardingToken)).toEqual({ ok: true });
    const started = (await start(onboardingToken)) as { ok: boolean; connectToken: string };
    expect(started).toMatchObject({ ok: true, connectToken: expect.any(String) });
    // Only what is new since the start counts as connected: Meta's steps add a number.
    const done = await fetch(`${fake.url}/connect/complete`, {
      method: "POST",
      body: JSON.stringify({
        token: started.connectToken,
        businessName: "Onboarding Co",
        phoneNumber: "+44 20 7946 0001",
      }),
    });
    expect(done.status).toBe(200);
    expect(await confirm(onboardingToken)).toMatchObject({
      ok: true,
      numbers: ["+44 20 7946 0000", "+44 20 7946 0001"],
    });
    expect((await linkEvents()).map((e) => e.type)).toEqual(expect.arrayContaining(["OPENED", "STARTED", "CONNECTED"]));
  });

  it("requestHelp takes any message without throwing, refuses what is not text, and keeps it as plain text", async () => {
    const help = actions.get("onboarding.requestHelp") as unknown as Public;
    expect(await help(onboardingToken, { message: SCRIPT })).toEqual({ ok: true });
    // Not what the page sends, or text a person cannot have typed: refused before the rate limit counts.
    for (const value of [
      undefined,
      null,
      42,
      SCRIPT,
      [],
      {},
      { message: 42 },
      { message: ["a", "b"] },
      { message: { toString: () => SCRIPT } },
      { message: "  " },
      { message: "x".repeat(1001) },
      { message: "x".repeat(1_000_000) },
      { message: "Acme\u0000Bakery" },
      { message: "half \ud800 an emoji" },
    ])
      expect(await help(onboardingToken, value), JSON.stringify(value)?.slice(0, 60)).toEqual({
        ok: false,
        code: "invalid",
      });
    const details = (await linkEvents()).filter((e) => e.type === "HELP_REQUESTED").map((e) => e.detail);
    expect(details).toEqual([SCRIPT]);
    // Three a day per link: the fourth is refused with the wait.
    expect(await help(onboardingToken, { message: "Second question" })).toEqual({ ok: true });
    expect(await help(onboardingToken, { message: "Third question" })).toEqual({ ok: true });
    expect(await help(onboardingToken, { message: "Fourth question" })).toMatchObject({
      ok: false,
      code: "rate_limited",
    });
  });

  it("requestNewLink works once with the real expired token", async () => {
    const request = actions.get("onboarding.requestNewLink") as unknown as Public;
    expect(await request(expiredToken)).toEqual({ ok: true });
    expect(await request(expiredToken)).toEqual({ ok: false, code: "already_requested" });
  });
});

// ---------------------------------------------------------------- route handlers

type Handler = (request: Request) => Promise<Response>;

async function routeOf(file: string): Promise<Record<string, Handler>> {
  return (await import(`../../${file}`)) as Record<string, Handler>;
}

async function expectAnswered(label: string, call: () => Promise<Response>) {
  const response = await call().catch((error: Error) => {
    throw new Error(`${label}: threw ${error.message.slice(0, 300)}`);
  });
  expect(response.status, label).toBeLessThan(500);
  return response;
}

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

/** The address a route file answers, with each dynamic segment filled in. */
function addressOf(file: string, segment: string): string {
  const parts = path
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((part) => !/^\(.*\)$/.test(part))
    .map((part) => (part.startsWith("[") ? segment : part));
  return `http://localhost:3000/${parts.join("/")}`;
}

describe("route handlers", () => {
  it.each(routeFiles)(
    "%s answers every hostile request below 500",
    async (file) => {
      const exported = await routeOf(file);
      const methods = METHODS.filter((m) => typeof exported[m] === "function");
      expect(methods.length).toBeGreaterThan(0);
      for (const method of methods) {
        for (const [label, value] of HOSTILE_TEXT) {
          const v = encodeURIComponent(value.toWellFormed());
          // callbackUrl is left to the Auth.js test below (a known 500 there).
          const url = `${addressOf(file, v.slice(0, 2000) || "x")}?q=${v}&status=${v}&page=${v}&token=${v}`;
          const body = ["GET", "HEAD"].includes(method) ? undefined : `q=${v}&email=${v}&csrfToken=${v}`;
          const request = new NextRequest(url, {
            method,
            body,
            headers: body ? { "content-type": "application/x-www-form-urlencoded" } : undefined,
          });
          await expectAnswered(`${method} ${file} ${label}`, () => exported[method]!(request));
        }
      }
    },
    120_000,
  );

  it("/clients/export answers every hostile view with a CSV or a plain 400", async () => {
    const { GET } = await routeOf("app/(dashboard)/clients/export/route.ts");
    for (const key of ["q", "status", "sort", "dir", "page"]) {
      for (const [label, value] of HOSTILE_TEXT) {
        const url = new URL("http://localhost:3000/clients/export");
        url.searchParams.append(key, "acme");
        url.searchParams.append(key, value); // repeated: the route sees the last
        const response = await expectAnswered(`export ${key}=${label}`, () => GET!(new Request(url)));
        if (response.status === 200) {
          expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
        } else {
          expect(response.status).toBe(400);
          expect(await response.text()).toMatch(/^Search at most 200 characters\./);
        }
      }
    }
  }, 120_000);

  const AUTH = "http://localhost:3000/api/auth";
  const form = (url: string, body: string) =>
    new NextRequest(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });

  it("/api/auth answers hostile sign-in, callback and session requests below 500", async () => {
    const handlers = await routeOf("app/api/auth/[...nextauth]/route.ts");
    const before = await db.user.count();
    for (const [label, value] of HOSTILE_TEXT) {
      const v = encodeURIComponent(value.toWellFormed());
      const requests = [
        new NextRequest(`${AUTH}/session?x=${v}`),
        new NextRequest(`${AUTH}/csrf?x=${v}`),
        new NextRequest(`${AUTH}/providers?x=${v}`),
        new NextRequest(`${AUTH}/error?error=${v}`),
        new NextRequest(`${AUTH}/callback/nodemailer?token=${v}&email=${encodeURIComponent(owner.email)}`),
        new NextRequest(`${AUTH}/callback/nodemailer?token=abc&email=${v}`),
        new NextRequest(`${AUTH}/${v.slice(0, 2000)}`),
        form(`${AUTH}/signin/nodemailer`, `email=${v}&csrfToken=${v}`),
        form(`${AUTH}/signout`, `csrfToken=${v}`),
      ];
      for (const request of requests) {
        const handler = handlers[request.method]!;
        await expectAnswered(`${request.method} ${request.nextUrl.pathname} ${label}`, () => handler(request));
      }
    }
    expect(await db.user.count()).toBe(before); // nobody signed up through it
  }, 120_000);

  // Auth.js alone answers 500 ("server configuration") to a callbackUrl it cannot parse
  // (InvalidCallbackUrl): the route makes every callbackUrl one on APP_URL first.
  it("/api/auth answers a hostile callbackUrl below 500", async () => {
    const handlers = await routeOf("app/api/auth/[...nextauth]/route.ts");
    for (const [label, value] of HOSTILE_TEXT) {
      const v = encodeURIComponent(value.toWellFormed());
      for (const request of [
        new NextRequest(`${AUTH}/signin?callbackUrl=${v}`),
        new NextRequest(`${AUTH}/callback/nodemailer?token=abc&email=a%40b.example&callbackUrl=${v}`),
        form(`${AUTH}/signin/nodemailer`, `email=a%40b.example&callbackUrl=${v}`),
      ])
        await expectAnswered(`${request.method} ${request.nextUrl.pathname} ${label}`, () =>
          handlers[request.method]!(request),
        );
    }
  });
});

// ---------------------------------------------------------------- nothing invisible got in

describe("after all of it", () => {
  it("no stored text holds a control character", async () => {
    const clients = await db.client.findMany({ select: { name: true, contactName: true, notes: true } });
    const agency = await db.agencySettings.findMany({ select: { name: true, logoUrl: true } });
    const events = await db.onboardingLinkEvent.findMany({ select: { detail: true } });
    for (const text of [...clients, ...agency, ...events].flatMap((row) => Object.values(row)))
      if (typeof text === "string") expect(unstorable(text), JSON.stringify(text).slice(0, 80)).toBe(false);
  });
});
