import { describe, expect, it } from "vitest";
import { decodeConnectToken } from "@/lib/chakra/connect-token";
import { connectTokenDataSchema, envelopeSchema, pluginConfigSchema } from "@/lib/chakra/schemas";
import { readExample } from "../support/examples";

describe("documented ChakraHQ examples", () => {
  it("parses the plugin configuration example, every field typed", () => {
    const envelope = envelopeSchema.parse(readExample("fetch-plugin-config.response.json"));
    const config = pluginConfigSchema.parse(envelope._data);
    expect(config.passThroughWebhookUrl).toBe("http://localhost:3099/log");
    expect(config.enableChakraWebhook).toBe(true);
    expect(config.whichChakraWebhookEventsToSend).toEqual(["message", "status", "message_echo", "smb_message_echo"]);
    expect(config.whatsappBusinessAccounts[0]).toEqual({
      id: "973055385119463",
      name: "Sandbox WhatsApp Business Account",
      timezone_id: "1",
      account_review_status: "APPROVED",
      business_verification_status: "not_verified",
    });
    const phone = config.whatsappPhoneNumbers[0]!;
    expect(phone.display_phone_number).toBe("+1 555-191-4348");
    expect(phone.throughput?.level).toBe("STANDARD");
    expect(phone.official_business_account?.oba_status).toBe("NOT_STARTED");
    expect(phone.is_on_biz_app).toBe(false);
    expect(phone.quality_rating).toBeUndefined();
  });

  it("parses the connect token example and reads its payload", () => {
    const envelope = envelopeSchema.parse(readExample("create-connect-token.response.json"));
    const { connectToken } = connectTokenDataSchema.parse(envelope._data);
    const claims = decodeConnectToken(connectToken);
    expect(claims).toEqual({
      pluginId: "d83e1d23-50b8-4d87-8f92-842a0ac516f6",
      clientReferenceId: "john-wayne",
      teamId: "5fc9f8e3-af4a-4f29-bfd8-6c02e3abe3ee",
      issuedAt: new Date(1771407877301),
      expiresAt: new Date(1771411477000),
    });
  });

  it("reads the 402 example's reason from _errors[0], with _data an empty array", () => {
    const envelope = envelopeSchema.parse(readExample("error-402.response.json"));
    expect(envelope._data).toEqual([]);
    expect(envelope._errors?.[0]).toMatch(/upgrade to a paid plan/);
  });
});

describe("tolerant parsing", () => {
  it("keeps unknown fields and accepts missing or null optional ones", () => {
    const config = pluginConfigSchema.parse({
      somethingNew: { nested: true },
      chakraWebhookUrl: null,
      whatsappPhoneNumbers: [{ id: 42, display_phone_number: "+1", quality_rating: "RED", extra: "kept" }],
    });
    expect(config.somethingNew).toEqual({ nested: true });
    expect(config.whatsappBusinessAccounts).toEqual([]);
    expect(config.whatsappPhoneNumbers[0]).toMatchObject({ id: "42", quality_rating: "RED", extra: "kept" });
  });

  it("still rejects a known field of the wrong type", () => {
    expect(pluginConfigSchema.safeParse({ enableChakraWebhook: "yes" }).success).toBe(false);
    expect(pluginConfigSchema.safeParse({ whatsappPhoneNumbers: [{ status: "CONNECTED" }] }).success).toBe(false);
  });

  it("rejects a number's display form or status too long for the columns they are indexed in", () => {
    const number = (fields: Record<string, string>) => ({ whatsappPhoneNumbers: [{ id: "1", ...fields }] });
    expect(pluginConfigSchema.safeParse(number({ display_phone_number: `+1 ${"5".repeat(97)}` })).success).toBe(true);
    expect(pluginConfigSchema.safeParse(number({ display_phone_number: `+1 ${"5".repeat(98)}` })).success).toBe(false);
    expect(pluginConfigSchema.safeParse(number({ status: "X".repeat(101) })).success).toBe(false);
  });
});

describe("decodeConnectToken", () => {
  it.each(["", "abc", "a.b.c", "a.e30.c", `a.${Buffer.from('{"iat":1,"exp":2,"data":{}}').toString("base64url")}.c`])(
    "returns null for %j",
    (token) => {
      expect(decodeConnectToken(token)).toBeNull();
    },
  );
});
