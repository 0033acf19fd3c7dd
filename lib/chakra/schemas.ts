import { z } from "zod";

/*
 * ChakraHQ's answers, parsed tolerantly: known fields are typed, unknown fields are kept
 * (z.looseObject), and optional fields may be missing or null. Status-like values stay
 * plain strings so a value Meta adds tomorrow is shown as-is, not rejected.
 */

const optionalString = z.string().nullish();
const optionalBoolean = z.boolean().nullish();
/**
 * A number's display form and status are kept in indexed columns (SnapshotPhoneNumber), where
 * PostgreSQL refuses an entry over 2,704 bytes: far longer than any real one (E.164 has at
 * most 15 digits), so a longer one makes the answer malformed, not a failed save.
 */
const indexedString = z.string().max(100).nullish();
/** Meta's ids are strings, but a number must not break the page. */
const id = z.union([z.string().min(1), z.number().transform(String)]);

/** `{ "_data": ..., "_meta": {...}, "_errors": [...] }`; any of the three may be missing. */
export const envelopeSchema = z.looseObject({
  _data: z.unknown().optional(),
  _meta: z.unknown().optional(),
  _errors: z.array(z.unknown()).nullish(),
});

export const wabaSchema = z.looseObject({
  id,
  name: optionalString,
  timezone_id: z.union([z.string(), z.number().transform(String)]).nullish(),
  account_review_status: optionalString,
  business_verification_status: optionalString,
});

export const phoneNumberSchema = z.looseObject({
  id,
  display_phone_number: indexedString,
  verified_name: optionalString,
  status: indexedString,
  throughput: z.looseObject({ level: optionalString }).nullish(),
  account_mode: optionalString,
  platform_type: optionalString,
  is_on_biz_app: optionalBoolean,
  official_business_account: z.looseObject({ oba_status: optionalString }).nullish(),
  is_official_business_account: optionalBoolean,
  // Documented by Meta, not yet seen from ChakraHQ.
  quality_rating: optionalString,
  messaging_limit_tier: optionalString,
  name_status: optionalString,
  code_verification_status: optionalString,
  health_status: z.unknown().optional(),
  // Meta's portfolio-wide limit, which replaced messaging_limit_tier (a string such as
  // "TIER_250" in Meta's docs; kept unknown here so an odd value cannot reject the answer).
  whatsapp_business_manager_messaging_limit: z.unknown().optional(),
  // [GUESS] The display name's rejection reason, under the name Meta's phone_number_name_update
  // webhook gives it; whether ChakraHQ passes it on with the number is not known.
  rejection_reason: z.unknown().optional(),
});

export const CHAKRA_WEBHOOK_EVENTS = ["message", "status", "message_echo", "smb_message_echo"] as const;

/** The six settable fields, as the update call takes them. */
export const webhookSettingsSchema = z.object({
  passThroughWebhookUrl: z.string(),
  enableMessageEchoesForPassThroughWebhook: z.boolean(),
  enableSendMessageTemplateEventForPassThroughWebhook: z.boolean(),
  enableChakraWebhook: z.boolean(),
  chakraWebhookUrl: z.string(),
  whichChakraWebhookEventsToSend: z.array(z.string()),
});

/** The names of the six settable webhook fields, from the schema above (the one place they are written). */
export const WEBHOOK_SETTING_FIELDS = webhookSettingsSchema.keyof().options;
export type WebhookSettingField = (typeof WEBHOOK_SETTING_FIELDS)[number];

type Shape = typeof webhookSettingsSchema.shape;
/** The six settings as a plugin's configuration holds them: each may be missing or null. */
const heldWebhookSettingsShape = Object.fromEntries(
  WEBHOOK_SETTING_FIELDS.map((field) => [field, webhookSettingsSchema.shape[field].nullish()]),
) as { [F in WebhookSettingField]: z.ZodOptional<z.ZodNullable<Shape[F]>> };

export const pluginConfigSchema = z.looseObject({
  ...heldWebhookSettingsShape,
  whatsappBusinessAccounts: z
    .array(wabaSchema)
    .nullish()
    .transform((v) => v ?? []),
  whatsappPhoneNumbers: z
    .array(phoneNumberSchema)
    .nullish()
    .transform((v) => v ?? []),
});

export const connectTokenDataSchema = z.looseObject({ connectToken: z.string().min(1) });

/** `{"_data": {"success": true}}`; an answer without `success: false` counts as done. */
export const successDataSchema = z
  .looseObject({ success: z.boolean().optional() })
  .nullish()
  .refine((v) => v?.success !== false, "ChakraHQ answered success: false");

export const healthDataSchema = z.unknown();

export type Waba = z.infer<typeof wabaSchema>;
export type PhoneNumber = z.infer<typeof phoneNumberSchema>;
export type PluginConfig = z.infer<typeof pluginConfigSchema>;
export type WebhookSettings = z.infer<typeof webhookSettingsSchema>;

/** How a setting the plugin does not hold reads (as the form shows it). */
const UNSET_WEBHOOK_SETTINGS: WebhookSettings = {
  passThroughWebhookUrl: "",
  enableMessageEchoesForPassThroughWebhook: false,
  enableSendMessageTemplateEventForPassThroughWebhook: false,
  enableChakraWebhook: false,
  chakraWebhookUrl: "",
  whichChakraWebhookEventsToSend: [],
};

/** The six webhook settings a plugin holds, missing values read as the form shows them. */
export function webhookSettingsOf(config: PluginConfig): WebhookSettings {
  return webhookSettingsSchema.parse(
    Object.fromEntries(WEBHOOK_SETTING_FIELDS.map((field) => [field, config[field] ?? UNSET_WEBHOOK_SETTINGS[field]])),
  );
}
