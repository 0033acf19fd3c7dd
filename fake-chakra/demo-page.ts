import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { applyChange, type Change, limitOf, MESSAGING_LIMITS, parseChange, QUALITY_RATINGS, stepDown } from "./changes";
import { escapeHtml, type Handler, HttpError, readForm, send } from "./http";
import type { FakePhoneNumber, FakePlugin, FakeStore, FakeWaba } from "./state";

/*
 * `/demo`: a page of the fake where a person running `npm run dev` offline changes a plugin
 * after its signup (a number leaving CONNECTED, a quality drop, a rejected review…) and then
 * watches the app notice. Plain HTML forms, one per button: they work without script and
 * from the keyboard. Served only when the fake runs for the app in demo mode.
 */

/** What a change did (or why it was refused), shown once, in the changed plugin's card when there is one. */
type Notice = { ok: boolean; text: string; pluginId: string | null };

const noticeHtml = (notice: Notice) =>
  `<p class="notice ${notice.ok ? "ok" : "error"}" role="${notice.ok ? "status" : "alert"}">${h(notice.text)}</p>`;

const BEST_FIRST_QUALITY = QUALITY_RATINGS.filter((q) => q !== "UNKNOWN");

const h = escapeHtml;

/** One button, in a form of its own; `what` names its target for screen readers (the visible label repeats). */
function button(pluginId: string, change: Change, label: string, what: string, disabledReason?: string) {
  const fields = Object.entries({ pluginId, ...change })
    .map(([name, value]) => `<input type="hidden" name="${h(name)}" value="${h(String(value))}">`)
    .join("");
  const danger = change.kind.startsWith("remove") ? " danger" : "";
  return `<form method="post" action="/demo/change">${fields}<button type="submit" class="action${danger}"${
    disabledReason ? ` disabled title="${h(disabledReason)}"` : ""
  }>${h(label)}<span class="sr"> (${h(what)})</span></button></form>`;
}

function field(name: string, value: unknown) {
  const shown = value === undefined || value === null || value === "" ? "not reported" : String(value);
  return `<div><dt>${h(name)}</dt><dd>${h(shown)}</dd></div>`;
}

function numberCard(plugin: FakePlugin, number: FakePhoneNumber, available: boolean) {
  const name = String(number.display_phone_number || number.id);
  const quality = stepDown(BEST_FIRST_QUALITY, number.quality_rating, "YELLOW");
  const limit = stepDown(MESSAGING_LIMITS, limitOf(number), "TIER_50");
  const id = number.id;
  return `<li class="number">
    <h4>${h(name)}${available ? "" : ' <span class="pill">shows up in a moment</span>'}</h4>
    <dl>
      ${field("Status", number.status)}${field("Quality rating", number.quality_rating)}
      ${field("Messaging limit", limitOf(number))}${field("Display name", number.name_status)}
    </dl>
    <div class="actions">
      ${button(
        plugin.id,
        { kind: "number_status", phoneNumberId: id, status: "DISCONNECTED" },
        "Number leaves CONNECTED",
        name,
        number.status === "CONNECTED" ? undefined : "The number is not CONNECTED.",
      )}
      ${button(
        plugin.id,
        { kind: "quality_rating", phoneNumberId: id, rating: quality ?? "RED" },
        "Quality drops",
        name,
        quality ? undefined : "The quality rating is already RED.",
      )}
      ${button(
        plugin.id,
        { kind: "messaging_limit", phoneNumberId: id, tier: limit ?? "TIER_50" },
        "Messaging limit drops",
        name,
        limit ? undefined : "The messaging limit is already the lowest.",
      )}
      ${button(
        plugin.id,
        { kind: "name_status", phoneNumberId: id, status: "DECLINED" },
        "Display name rejected",
        name,
        number.name_status === "DECLINED" ? "The display name is already rejected." : undefined,
      )}
      ${button(plugin.id, { kind: "remove_number", phoneNumberId: id }, "Number disappears", name)}
    </div>
  </li>`;
}

function wabaCard(plugin: FakePlugin, waba: FakeWaba) {
  const now = Date.now();
  const numbers = plugin.numbers.filter((n) => n.wabaId === waba.id);
  return `<li class="waba">
    <h3>${h(waba.name)}</h3>
    <dl>${field("WABA id", waba.id)}${field("Account review", waba.account_review_status)}</dl>
    <div class="actions">
      ${button(
        plugin.id,
        { kind: "account_review", wabaId: waba.id, status: "REJECTED" },
        "Account review rejected",
        waba.name,
        waba.account_review_status === "REJECTED" ? "The review is already rejected." : undefined,
      )}
      ${button(plugin.id, { kind: "remove_waba", wabaId: waba.id }, "WABA disappears", waba.name)}
    </div>
    ${
      numbers.length
        ? `<ul class="numbers">${numbers.map((n) => numberCard(plugin, n.number, n.availableAt <= now)).join("")}</ul>`
        : '<p class="muted">No phone number on this account.</p>'
    }
  </li>`;
}

function pluginCard(plugin: FakePlugin, changed: boolean, notice: Notice | null) {
  const client = plugin.clientName ?? plugin.clientReferenceId;
  return `<section class="plugin" id="plugin-${h(plugin.id)}" aria-labelledby="name-${h(plugin.id)}">
    <h2 id="name-${h(plugin.id)}">${h(plugin.name)}</h2>
    <p class="muted">Plugin id <code>${h(plugin.id)}</code>${client ? ` · client ${h(client)}` : ""}</p>
    ${notice ? noticeHtml(notice) : ""}
    <div class="actions">
      ${changed ? button(plugin.id, { kind: "restore" }, "Restore", plugin.name) : ""}
      ${button(plugin.id, { kind: "remove_plugin" }, "Plugin no longer found", plugin.name)}
    </div>
    ${
      plugin.wabas.length
        ? `<ul class="wabas">${plugin.wabas.map((w) => wabaCard(plugin, w)).join("")}</ul>`
        : '<p class="muted">No WhatsApp Business Account yet: the client has not finished the signup.</p>'
    }
  </section>`;
}

function removedCard(plugin: FakePlugin, notice: Notice | null) {
  return `<section class="plugin removed" id="plugin-${h(plugin.id)}" aria-labelledby="name-${h(plugin.id)}">
    <h2 id="name-${h(plugin.id)}">${h(plugin.name)}</h2>
    <p class="muted">Plugin id <code>${h(plugin.id)}</code> · ChakraHQ answers “not found” for it.</p>
    ${notice ? noticeHtml(notice) : ""}
    <div class="actions">${button(plugin.id, { kind: "restore" }, "Restore", plugin.name)}</div>
  </section>`;
}

function page(store: FakeStore, notice: Notice | null, appUrl: string | null) {
  const saved = store.state.beforeChanges ?? {};
  const plugins = Object.values(store.state.plugins);
  const removed = Object.values(saved).filter((p) => !store.state.plugins[p.id]);
  const shown = new Set([...plugins, ...removed].map((p) => p.id));
  // The notice goes where the person pressed (the redirect scrolls there); at the top otherwise.
  const noticeFor = (id: string) => (notice && notice.pluginId === id ? notice : null);
  const topNotice = notice && !(notice.pluginId && shown.has(notice.pluginId)) ? notice : null;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Simulate changes (fake ChakraHQ)</title>
<style>
  *{box-sizing:border-box} body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a;background:#f8fafc}
  main{padding:16px;max-width:960px;margin:0 auto}
  .tag{display:inline-block;font-size:12px;color:#92400e;background:#fef3c7;border-radius:999px;padding:2px 10px}
  h1{font-size:22px;margin:8px 0} h2{font-size:18px;margin:0 0 2px} h3{font-size:16px;margin:0 0 4px} h4{font-size:15px;margin:0 0 4px}
  p{margin:0 0 12px} .muted{color:#475569} code{font-size:13px;word-break:break-all}
  a{color:#15803d}
  .plugin{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:16px;margin:16px 0}
  .removed{border-style:dashed}
  ul{list-style:none;margin:0;padding:0}
  .waba{border-top:1px solid #e2e8f0;padding-top:12px;margin-top:12px}
  .number{background:#f8fafc;border:1px solid #e2e8f0;border-radius:10px;padding:12px;margin-top:10px}
  dl{display:flex;flex-wrap:wrap;gap:4px 20px;margin:0 0 10px} dl div{min-width:120px} dt{font-size:12px;color:#475569} dd{margin:0;font-weight:600;word-break:break-word}
  .actions{display:flex;flex-wrap:wrap;gap:8px;margin:6px 0} form{margin:0}
  button{font:inherit;font-size:14px;font-weight:600;border-radius:8px;padding:8px 12px;cursor:pointer;border:1px solid #cbd5e1;background:#fff;color:#0f172a;min-height:40px}
  button:hover:not(:disabled){background:#f1f5f9} button:disabled{color:#64748b;background:#f1f5f9;cursor:not-allowed}
  button.danger{color:#b91c1c;border-color:#fecaca} button.danger:hover{background:#fef2f2}
  button:focus-visible,a:focus-visible{outline:3px solid #16a34a;outline-offset:2px}
  .pill{font-size:12px;font-weight:400;color:#475569;background:#e2e8f0;border-radius:999px;padding:1px 8px}
  .notice{border-radius:8px;padding:10px 12px;margin:12px 0}
  .ok{color:#166534;background:#f0fdf4;border:1px solid #bbf7d0} .error{color:#b91c1c;background:#fef2f2;border:1px solid #fecaca}
  .sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
</style></head>
<body><main>
  <span class="tag">Fake ChakraHQ · demo mode</span>
  <h1>Simulate changes after signup</h1>
  <p>Each button changes what this fake ChakraHQ answers for a plugin, as Meta and ChakraHQ can after a client's
  signup. The app sees it the next time it reads the plugin's configuration (its health check, or “Refresh from
  ChakraHQ” on the client's page)${
    appUrl
      ? `; alerts arrive in the <a href="${h(new URL("/dev/outbox", appUrl).href)}">dev outbox</a>. <a href="${h(appUrl)}">Open the app</a>.`
      : "."
  } “Restore” puts a plugin back as it was before its first change.</p>
  ${topNotice ? noticeHtml(topNotice) : ""}
  ${plugins.length || removed.length ? "" : '<p class="muted">The fake holds no plugin yet.</p>'}
  ${plugins.map((p) => pluginCard(p, Boolean(saved[p.id]), noticeFor(p.id))).join("")}
  ${removed.length ? `<h2>No longer found</h2>${removed.map((p) => removedCard(p, noticeFor(p.id))).join("")}` : ""}
</main></body></html>`;
}

/** A form's fields as the change it asks for (hidden inputs carry every field as text). */
function changeFromForm(form: URLSearchParams): Change {
  const fields: Record<string, string> = {};
  for (const [name, value] of form) if (name !== "pluginId") fields[name] = value;
  return parseChange(fields);
}

/** A form may only be posted from this page: a page elsewhere in the browser cannot change the fake. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return req.headers["sec-fetch-site"] !== "cross-site";
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

export function createDemoPage({ store, appUrl = null }: { store: FakeStore; appUrl?: string | null }): Handler {
  // What the last changes did, shown once after the redirect (post, redirect, get).
  const notices = new Map<string, Notice>();
  return async (req, res, url) => {
    const method = req.method ?? "GET";
    if (url.pathname === "/demo" && method === "GET") {
      const notice = notices.get(url.searchParams.get("notice") ?? "") ?? null;
      send(res, 200, page(store, notice, appUrl), "text/html; charset=utf-8");
      return true;
    }
    if (url.pathname === "/demo/change" && method === "POST") {
      if (!sameOrigin(req)) {
        send(res, 403, "Changes come from the fake's own /demo page only.", "text/plain; charset=utf-8");
        return true;
      }
      const form = await readForm(req);
      const pluginId = form.get("pluginId");
      let notice: Notice;
      try {
        notice = { ok: true, text: applyChange(store, pluginId ?? "", changeFromForm(form)), pluginId };
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        notice = { ok: false, text: error.message, pluginId };
      }
      const anchor = pluginId ? `#plugin-${encodeURIComponent(pluginId)}` : "";
      const id = randomUUID();
      notices.set(id, notice);
      if (notices.size > 50) notices.delete(notices.keys().next().value!);
      send(res, 303, "", "text/plain", { Location: `/demo?notice=${id}${anchor}` });
      return true;
    }
    return false;
  };
}
