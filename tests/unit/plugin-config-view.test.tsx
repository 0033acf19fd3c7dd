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
      "Meta time zone id 1",
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
    expect(html).toContain("1,000 business-initiated conversations a day");
    expect(html).toContain("DECLINED display name declined");
    expect(html).toContain("Yes: coexistence with the app");
    expect(html).toContain("SOMETHING_NEW a status this app does not know yet");
  });
});
