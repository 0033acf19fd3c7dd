/* Fake ChakraHQ embedded-signup SDK: the same global and init() options as the real one
 * (docs/chakrahq-contract.md, section 5), drawing the fake's own "Connect WhatsApp" page. */
(function () {
  "use strict";
  var script = document.currentScript;
  var origin = new URL(script && script.src ? script.src : location.href).origin;
  var noop = function () {};

  function resolveContainer(container) {
    if (typeof container === "string") return document.querySelector(container);
    if (container && container.nodeType === 1) return container;
    return null;
  }

  function init(options) {
    options = options || {};
    var onReady = options.onReady || noop;
    var onMessage = options.onMessage || noop;
    var onSuccess = options.onSuccess || noop;
    var onError = options.onError || noop;
    var container = resolveContainer(options.container);
    var fail = function (message) {
      setTimeout(function () {
        onError(new Error(message));
      }, 0);
      return { destroy: noop };
    };
    if (!container) return fail("ChakraWhatsappConnect: container not found");
    if (!options.connectToken || typeof options.connectToken !== "string") {
      return fail("ChakraWhatsappConnect: connectToken is required");
    }

    var iframe = document.createElement("iframe");
    iframe.src = origin + "/connect?token=" + encodeURIComponent(options.connectToken);
    iframe.title = "Connect WhatsApp";
    iframe.style.cssText = "border:0;width:100%;height:320px;display:block;color-scheme:light";

    function listener(event) {
      if (event.origin !== origin || event.source !== iframe.contentWindow) return;
      var message = event.data;
      if (!message || message.source !== "fake-chakra") return;
      switch (message.type) {
        case "ready":
          onReady();
          break;
        case "event":
          onMessage(message.event, message.data || {});
          break;
        case "success":
          // The event's name and whether onSuccess follows are the fake's settings (FakeSdkBehaviour).
          var name = message.event === undefined ? "connected" : message.event;
          if (name !== null) onMessage(name, message.data);
          if (message.callOnSuccess !== false) onSuccess(message.data);
          break;
        case "cancel":
          onMessage("cancelled", { status: "cancelled" });
          break;
        case "error":
          onError(new Error(message.message || "The WhatsApp signup failed"));
          break;
        case "resize":
          if (typeof message.height === "number") iframe.style.height = Math.ceil(message.height) + "px";
          break;
      }
    }
    window.addEventListener("message", listener);
    container.appendChild(iframe);
    return {
      destroy: function () {
        window.removeEventListener("message", listener);
        iframe.remove();
      },
    };
  }

  window.ChakraWhatsappConnect = { init: init, version: "fake-1.0.1" };
})();
