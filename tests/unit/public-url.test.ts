import { describe, expect, it } from "vitest";
import { agencyFormSchema } from "@/lib/validations/agency";
import { isPublicHostname, isPublicHttpsUrl } from "@/lib/validations/public-url";
import { webhookFormSchema } from "@/lib/validations/whatsapp";

// Hosts ChakraHQ or a client's browser must never be sent to: this machine, private
// networks, the cloud metadata service, and names that only resolve locally.
const NOT_PUBLIC = [
  "https://127.0.0.1/hook",
  "https://127.8.9.10/hook",
  "https://169.254.169.254/latest/meta-data/",
  "https://[::1]/hook",
  "https://0x7f000001/hook", // WHATWG URL parsing makes it 127.0.0.1
  "https://2130706433/hook", // so does the decimal spelling
  "https://127.1/hook",
  "https://10.1.2.3/hook",
  "https://172.16.0.1/hook",
  "https://192.168.1.10/hook",
  "https://100.64.0.1/hook", // carrier-grade NAT
  "https://0.0.0.0/hook",
  "https://[::]/hook",
  "https://[fc00::1]/hook",
  "https://[fd12:3456::1]/hook",
  "https://[fe80::1]/hook",
  "https://[::ffff:127.0.0.1]/hook",
  "https://[::ffff:169.254.169.254]/hook",
  "https://[::ffff:7f00:1]/hook",
  "https://[::127.0.0.1]/hook", // IPv4-compatible, outside the global unicast block
  "https://[64:ff9b::7f00:1]/hook", // NAT64 of 127.0.0.1
  "https://[2002:7f00:1::]/hook", // 6to4 of 127.0.0.1
  "https://[ff02::1]/hook",
  "https://224.0.0.1/hook",
  "https://255.255.255.255/hook",
  "https://localhost/hook",
  "https://LOCALHOST./hook",
  "https://api.localhost/hook",
  "https://printer.local/hook",
  "https://metadata.google.internal/computeMetadata/v1/",
  "https://router.home.arpa/",
  "https://intranet/hook",
];

const PUBLIC = [
  "https://hooks.example.com/meta",
  "https://8.8.8.8/hook",
  "https://93.184.216.34:8443/hook",
  "https://[2606:4700:4700::1111]/hook",
  "https://[::ffff:8.8.8.8]/hook",
  "https://xn--bcher-kva.example/hook",
  "https://localhost.example.com/hook", // only the last labels decide
];

describe("the public host classifier", () => {
  it.each(NOT_PUBLIC)("refuses %s", (address) => {
    expect(isPublicHostname(new URL(address).hostname)).toBe(false);
    expect(isPublicHttpsUrl(address)).toBe(false);
  });

  it.each(PUBLIC)("accepts %s", (address) => {
    expect(isPublicHostname(new URL(address).hostname)).toBe(true);
    expect(isPublicHttpsUrl(address)).toBe(true);
  });

  it("wants https and a parseable address", () => {
    expect(isPublicHttpsUrl("http://hooks.example.com/meta")).toBe(false);
    expect(isPublicHttpsUrl("javascript:alert(1)")).toBe(false);
    expect(isPublicHttpsUrl("not a url")).toBe(false);
  });
});

// What the form sends: both addresses, empty when unset.
const webhook = (allowLocal: boolean, passThroughWebhookUrl: string) =>
  webhookFormSchema(allowLocal).safeParse({
    clientId: "c1",
    step: "preview",
    passThroughWebhookUrl,
    chakraWebhookUrl: "",
  });
const messages = (result: { error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe("webhook addresses", () => {
  it.each(NOT_PUBLIC)("outside development, %s is refused with a reason", (address) => {
    const result = webhook(false, address);
    expect(result.success).toBe(false);
    expect(messages(result).join(" ")).toMatch(/public address/);
  });

  it("outside development, public https addresses pass and http is refused", () => {
    expect(webhook(false, "https://hooks.example.com/meta").success).toBe(true);
    expect(messages(webhook(false, "http://hooks.example.com/meta"))).toEqual(["Use an https:// address."]);
    expect(messages(webhook(false, "http://localhost:4000/hook"))).toEqual(["Use an https:// address."]);
  });

  it("in development, http://localhost keeps working as before, and http elsewhere does not", () => {
    for (const address of ["http://localhost:4000/hook", "http://127.0.0.1:4000/hook", "http://[::1]:4000/hook"])
      expect(webhook(true, address).success).toBe(true);
    expect(messages(webhook(true, "http://hooks.example.com/meta"))).toEqual([
      "Use an https:// address (http:// only for localhost).",
    ]);
    expect(messages(webhook(true, "http://169.254.169.254/"))).toEqual([
      "Use an https:// address (http:// only for localhost).",
    ]);
  });

  it("applies to the ChakraHQ-format address too", () => {
    const result = webhookFormSchema(false).safeParse({
      clientId: "c1",
      step: "preview",
      passThroughWebhookUrl: "",
      enableChakraWebhook: "on",
      chakraWebhookUrl: "https://10.0.0.5/chakra",
      whichChakraWebhookEventsToSend: "message",
    });
    expect(result.error?.issues.map((i) => i.path[0])).toEqual(["chakraWebhookUrl"]);
  });
});

describe("the agency logo address", () => {
  const logo = (allowLocal: boolean, logoUrl: string) =>
    agencyFormSchema(allowLocal).safeParse({ name: "Ola", brandColor: "#000000", logoUrl });

  it.each(NOT_PUBLIC)("outside development, %s is refused with a reason", (address) => {
    const result = logo(false, address);
    expect(result.success).toBe(false);
    expect(messages(result).join(" ")).toMatch(/public address/);
  });

  it("takes a public https image, and in development a local one", () => {
    expect(logo(false, "https://cdn.agency.example/logo.png").data?.logoUrl).toBe(
      "https://cdn.agency.example/logo.png",
    );
    expect(logo(true, "https://localhost:3000/logo.png").success).toBe(true);
    expect(logo(true, "http://localhost:3000/logo.png").success).toBe(false);
  });
});
