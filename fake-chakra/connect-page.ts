import { escapeHtml } from "./http";
import type { FakeSdkBehaviour } from "./sdk-host";

const BUSINESSES = ["Acme Bakery", "Blue Harbor Dental", "Northwind Traders"];
const NUMBERS = ["+1 555-010-4477", "+44 7700 900123", "+91 98765 43210"];

/**
 * The page inside the SDK's iframe: in place of Meta's popup, the person picks a fake
 * business and number (or cancels, or simulates Meta failing). Talks to the parent page
 * only through postMessage, as the real SDK does.
 */
export function connectPage({
  error,
  pluginName,
  sdk,
}: {
  error: string | null;
  pluginName: string | null;
  sdk: FakeSdkBehaviour;
}): string {
  // Inside a <script>: "<" escaped so no value can close it.
  const sdkJson = JSON.stringify(sdk).replace(/</g, "\\u003c");
  const options = (values: string[]) => values.map((v) => `<option>${escapeHtml(v)}</option>`).join("");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Connect WhatsApp (fake ChakraHQ)</title>
<style>
  *{box-sizing:border-box} body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#0f172a;background:#fff}
  main{padding:16px;max-width:480px;margin:0 auto}
  .tag{display:inline-block;font-size:12px;color:#92400e;background:#fef3c7;border-radius:999px;padding:2px 10px;margin-bottom:10px}
  h1{font-size:17px;margin:0 0 4px} p{margin:0 0 12px;color:#475569}
  label{display:block;font-weight:600;font-size:14px;margin:10px 0 4px}
  select,input{width:100%;font:inherit;padding:9px 10px;border:1px solid #cbd5e1;border-radius:8px;background:#fff}
  .row{display:flex;flex-wrap:wrap;gap:8px;margin-top:14px}
  button{font:inherit;font-weight:600;border-radius:8px;padding:10px 16px;cursor:pointer;border:1px solid transparent}
  button:disabled{opacity:.6;cursor:default}
  button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid #86efac;outline-offset:1px}
  .primary{background:#16a34a;color:#fff} .primary:hover{background:#15803d}
  .secondary{background:#fff;border-color:#cbd5e1;color:#0f172a}
  .link{background:none;color:#b91c1c;text-decoration:underline;padding:10px 4px}
  .error{color:#b91c1c;background:#fef2f2;border:1px solid #fecaca;border-radius:8px;padding:10px 12px}
  .ok{color:#166534;background:#f0fdf4;border:1px solid #bbf7d0;border-radius:8px;padding:10px 12px}
  [hidden]{display:none!important}
</style></head>
<body><main>
  <span class="tag">Fake ChakraHQ · demo mode</span>
  ${
    error
      ? `<div class="error" role="alert" id="error">${escapeHtml(error)}</div>`
      : `<section id="start">
    <h1>Connect your WhatsApp number</h1>
    <p>Plugin: ${escapeHtml(pluginName ?? "")}. On the real service this opens Meta's signup window.</p>
    <button class="primary" id="connect" type="button" disabled>Connect WhatsApp</button>
  </section>
  <form id="signup" hidden>
    <h1>Meta signup (simulated)</h1>
    <label for="business">Business name</label>
    <select id="business" name="businessName">${options(BUSINESSES)}</select>
    <label for="phone">Phone number</label>
    <select id="phone" name="phoneNumber">${options(NUMBERS)}</select>
    <div class="row">
      <button class="primary" type="submit" id="finish">Finish signup</button>
      <button class="secondary" type="button" id="cancel">Cancel</button>
      <button class="link" type="button" id="fail">Simulate a Meta error</button>
    </div>
    <p class="error" id="form-error" role="alert" hidden></p>
  </form>
  <div class="ok" id="done" role="status" hidden>WhatsApp connected.</div>`
  }
</main>
<script>
(function () {
  var token = new URLSearchParams(location.search).get("token") || "";
  var sdk = ${sdkJson};
  function post(message) { message.source = "fake-chakra"; parent.postMessage(message, "*"); }
  // The content's own height (not the iframe's), so the frame can shrink as well as grow.
  var main = document.querySelector("main");
  function resize() { post({ type: "resize", height: main.getBoundingClientRect().height }); }
  new ResizeObserver(resize).observe(main);
  var error = document.getElementById("error");
  if (error) { post({ type: "error", message: error.textContent }); return; }
  var $ = function (id) { return document.getElementById(id); };
  post({ type: "ready" });
  $("connect").addEventListener("click", function () {
    $("start").hidden = true; $("signup").hidden = false; $("business").focus();
    sdk.startEvents.forEach(function (e) { post({ type: "event", event: e.event, data: e.data }); });
  });
  // Drawn disabled: a press before this script ran would do nothing.
  $("connect").disabled = false;
  $("cancel").addEventListener("click", function () {
    $("signup").hidden = true; $("start").hidden = false;
    post({ type: "cancel" });
  });
  $("fail").addEventListener("click", function () {
    post({ type: "error", message: "Meta could not complete the signup (simulated error)." });
  });
  $("signup").addEventListener("submit", function (event) {
    event.preventDefault();
    $("finish").disabled = true; $("form-error").hidden = true;
    fetch("/connect/complete", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ token: token, businessName: $("business").value, phoneNumber: $("phone").value })
    }).then(function (r) { return r.json(); }).then(function (body) {
      if (body._errors && body._errors.length) throw new Error(body._errors[0]);
      $("signup").hidden = true; $("done").hidden = false;
      post({
        type: "success", event: sdk.successEvent, callOnSuccess: sdk.callOnSuccess,
        data: sdk.successData === undefined ? body._data : sdk.successData
      });
    }).catch(function (e) {
      $("finish").disabled = false;
      $("form-error").textContent = e.message; $("form-error").hidden = false;
      post({ type: "error", message: e.message });
    });
  });
})();
</script>
</body></html>`;
}
