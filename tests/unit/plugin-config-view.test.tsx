import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PluginConfigView } from "@/components/whatsapp/plugin-config";
import { envelopeSchema, pluginConfigSchema } from "@/lib/chakra/schemas";
import { readExample } from "../support/examples";

const example = pluginConfigSchema.parse(envelopeSchema.parse(readExample("fetch-plugin-config.response.json"))._data);
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, " ")
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("the plugin configuration view", () => {
  it("renders every field of the documented example", () => {
    const html = text(renderToStaticMarkup(<PluginConfigView config={example} />));
    for (const expected of [
      "Sandbox WhatsApp Business Account",
      "WABA 973055385119463",
      "APPROVED Meta approved the account",
      "not_verified the business is not verified (limits apply)",
      "Time zone America/Los_Angeles (Meta id 1)",
      "+1 555-191-4348",
      "CONNECTED can send and receive",
      "Verified name Test Number",
      "Phone number id 1027729340496751",
      "Throughput STANDARD",
      "Account mode LIVE",
      "Platform CLOUD_API",
      "WhatsApp Business app No",
      "Official business account No NOT_STARTED no official business account request",
    ]) {
      expect(html).toContain(expected);
    }
    // Not in the example: shown as unknown, not left out or crashing.
    expect(html).toContain("Quality rating unknown");
    expect(html).toContain("Messaging limit unknown");
    expect(html).not.toContain("Needs attention");
  });

  it("shows Meta's optional fields, flags what needs attention, and keeps unknown values visible", () => {
    const config = pluginConfigSchema.parse({
      whatsappBusinessAccounts: [{ id: "1", name: "Rejected WABA", account_review_status: "REJECTED" }],
      whatsappPhoneNumbers: [
        {
          id: "2",
          display_phone_number: "+44 1",
          status: "FLAGGED",
          quality_rating: "RED",
          messaging_limit_tier: "TIER_1K",
          name_status: "DECLINED",
          is_on_biz_app: true,
        },
        { id: "3", display_phone_number: "+44 2", status: "SOMETHING_NEW" },
      ],
    });
    const html = text(renderToStaticMarkup(<PluginConfigView config={config} />));
    expect(html).toContain("Needs attention");
    expect(html).toContain("Rejected WABA: Meta rejected the account review.");
    expect(html).toContain("+44 1 is not connected: FLAGGED (low quality: Meta may limit it soon).");
    expect(html).toContain("+44 1 has a red quality rating");
    expect(html).toContain("1,000 customers per 24 hours outside a customer service window");
    expect(html).toContain("This number's own limit (an older field");
    expect(html).toContain("DECLINED Meta rejected the display name");
    expect(html).toContain("+44 1: Meta rejected the display name.");
    expect(html).toContain("Yes: coexistence with the app");
    expect(html).toContain("SOMETHING_NEW a status this app does not know yet");
  });

  it("explains Meta's fields, gives linked advice, and lists every field it has no row for", () => {
    const config = pluginConfigSchema.parse({
      whatsappBusinessAccounts: [
        {
          id: "10",
          name: "Coexistence Co",
          timezone_id: 71,
          business_verification_status: "not_verified",
          ownership_type: "CLIENT_OWNED",
        },
        { id: "11", name: "Far Away", timezone_id: "999" },
      ],
      whatsappPhoneNumbers: [
        {
          id: "20",
          display_phone_number: "+91 1",
          status: "CONNECTED",
          is_on_biz_app: true,
          platform_type: "CLOUD_API",
          throughput: { level: "STANDARD" },
          name_status: "DECLINED",
          rejection_reason: "The name does not match the business",
          code_verification_status: "EXPIRED",
          whatsapp_business_manager_messaging_limit: "TIER_2K",
          messaging_limit_tier: "TIER_250",
          last_onboarded_time: "2026-05-01T10:00:00+0000",
          health_status: { can_send_message: "AVAILABLE", entities: [{ id: "20" }] },
          search_visibility: null,
          huge: "x".repeat(5000),
        },
      ],
    });
    const markup = renderToStaticMarkup(<PluginConfigView config={config} />);
    const html = text(markup);
    expect(html).toContain("Time zone Asia/Kolkata (Meta id 71)");
    expect(html).toContain("Time zone time zone id 999");
    expect(html).toContain("2,000 customers per 24 hours outside a customer service window");
    expect(html).toContain("Set by Meta for the client's whole business portfolio");
    expect(html).not.toContain("250 customers");
    expect(html).toContain("Reason given: The name does not match the business");
    expect(html).toContain("+91 1: Meta rejected the display name (reason: The name does not match the business).");
    expect(html).toContain("EXPIRED the code confirmation expired: it has to be done again");
    expect(html).toContain("20 messages per second (fixed for numbers also on the Business app)");
    expect(html).toContain("What to do");
    expect(html).toContain("two-step verification must be turned off");
    // With two accounts it is not clear whose business verification applies: not mentioned.
    expect(html).not.toContain("This client's business is not verified yet.");
    expect(html).toContain("open it regularly");
    // Links to Meta's pages, in a new tab without a referrer.
    for (const href of [
      "https://developers.facebook.com/documentation/business-messaging/whatsapp/display-names/",
      "https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/onboarding-business-app-users",
    ]) {
      expect(markup).toContain(`href="${href}" target="_blank" rel="noreferrer"`);
    }
    // Every field without a row, readable; the known ones are not repeated there.
    expect(html).toContain("More details from ChakraHQ (4 fields)");
    expect(html).toContain("last_onboarded_time 2026-05-01T10:00:00+0000");
    expect(html).toContain('health_status {"can_send_message":"AVAILABLE","entities":[{"id":"20"}]}');
    expect(html).toContain("search_visibility empty");
    expect(html).toContain("More details from ChakraHQ (1 field)");
    expect(html).toContain("ownership_type CLIENT_OWNED");
    expect(html).not.toContain("x".repeat(400));
    expect(html).not.toContain("rejection_reason");
  });

  it("mentions the business verification that a number's move waits for, with one account", () => {
    const config = pluginConfigSchema.parse({
      whatsappBusinessAccounts: [{ id: "1", name: "One", business_verification_status: "not_verified" }],
      whatsappPhoneNumbers: [{ id: "2", status: "PENDING" }],
    });
    const html = text(renderToStaticMarkup(<PluginConfigView config={config} />));
    expect(html).toContain("completed Meta's business verification. This client's business is not verified yet.");
  });
});
