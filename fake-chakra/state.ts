import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

export type FakeWaba = Record<string, unknown> & { id: string; name: string };
export type FakePhoneNumber = Record<string, unknown> & { id: string; display_phone_number: string };

export type FakePlugin = {
  id: string;
  name: string;
  clientReferenceId: string | null;
  clientName: string | null;
  clientEmail: string | null;
  createdAt: string;
  settings: {
    passThroughWebhookUrl: string;
    enableMessageEchoesForPassThroughWebhook: boolean;
    enableSendMessageTemplateEventForPassThroughWebhook: boolean;
    enableChakraWebhook: boolean;
    chakraWebhookUrl: string;
    whichChakraWebhookEventsToSend: string[];
  };
  wabas: FakeWaba[];
  /** Numbers with the WABA they belong to; `availableAt` models the real service's delay. */
  numbers: { wabaId: string; availableAt: number; number: FakePhoneNumber }[];
};

export type FakeState = {
  plugins: Record<string, FakePlugin>;
  usedTokens: string[];
  /** Each changed plugin as it was before its first simulated change (fake-chakra/changes.ts), for "restore". */
  beforeChanges?: Record<string, FakePlugin>;
};

export type NewPlugin = {
  name?: string;
  id?: string;
  clientReferenceId?: string;
  clientName?: string;
  clientEmail?: string;
  wabas?: FakeWaba[];
  numbers?: FakePhoneNumber[];
};

export const EXAMPLE_PLUGIN_ID = "d83e1d23-50b8-4d87-8f92-842a0ac516f6";
export const EMPTY_DEMO_PLUGIN_ID = "3f0c9a52-7b1e-4c2a-9d4e-5b8a1c2d3e4f";
export const BUSINESS_APP_DEMO_PLUGIN_ID = "6b2e4f1a-9c3d-4e5f-8a7b-1c2d3e4f5a6b";

export function emptySettings(): FakePlugin["settings"] {
  return {
    passThroughWebhookUrl: "",
    enableMessageEchoesForPassThroughWebhook: false,
    enableSendMessageTemplateEventForPassThroughWebhook: false,
    enableChakraWebhook: false,
    chakraWebhookUrl: "",
    whichChakraWebhookEventsToSend: [],
  };
}

/**
 * Three plugins to try the app with: the documented example (connected), an empty one, and
 * one whose number shows Meta's further fields (docs/chakrahq-contract.md: "Meta documents
 * further phone-number fields that may appear" [GUESS for ChakraHQ]): on the WhatsApp Business
 * app too, display name rejected, the portfolio's messaging limit, and a field the app has
 * no row for.
 */
export function seedState(): FakeState {
  const now = new Date().toISOString();
  return {
    usedTokens: [],
    plugins: {
      [EXAMPLE_PLUGIN_ID]: {
        id: EXAMPLE_PLUGIN_ID,
        name: "Sandbox plugin (documented example)",
        clientReferenceId: "john-wayne",
        clientName: null,
        clientEmail: null,
        createdAt: now,
        settings: {
          passThroughWebhookUrl: "http://localhost:3099/log",
          enableMessageEchoesForPassThroughWebhook: true,
          enableSendMessageTemplateEventForPassThroughWebhook: true,
          enableChakraWebhook: true,
          chakraWebhookUrl: "http://localhost:3099/log",
          whichChakraWebhookEventsToSend: ["message", "status", "message_echo", "smb_message_echo"],
        },
        wabas: [
          {
            id: "973055385119463",
            name: "Sandbox WhatsApp Business Account",
            timezone_id: "1",
            account_review_status: "APPROVED",
            business_verification_status: "not_verified",
          },
        ],
        numbers: [
          {
            wabaId: "973055385119463",
            availableAt: 0,
            number: {
              id: "1027729340496751",
              status: "CONNECTED",
              throughput: { level: "STANDARD" },
              account_mode: "LIVE",
              is_on_biz_app: false,
              platform_type: "CLOUD_API",
              verified_name: "Test Number",
              display_phone_number: "+1 555-191-4348",
              official_business_account: { oba_status: "NOT_STARTED" },
              is_official_business_account: false,
            },
          },
        ],
      },
      [EMPTY_DEMO_PLUGIN_ID]: {
        id: EMPTY_DEMO_PLUGIN_ID,
        name: "Demo plugin (nothing connected yet)",
        clientReferenceId: null,
        clientName: null,
        clientEmail: null,
        createdAt: now,
        settings: emptySettings(),
        wabas: [],
        numbers: [],
      },
      [BUSINESS_APP_DEMO_PLUGIN_ID]: {
        id: BUSINESS_APP_DEMO_PLUGIN_ID,
        name: "Demo plugin (WhatsApp Business app number, display name rejected)",
        clientReferenceId: null,
        clientName: null,
        clientEmail: null,
        createdAt: now,
        settings: emptySettings(),
        wabas: [
          {
            id: "104928374650192",
            name: "Lotus Tea House",
            timezone_id: "71",
            account_review_status: "APPROVED",
            business_verification_status: "not_verified",
          },
        ],
        numbers: [{ wabaId: "104928374650192", availableAt: 0, number: businessAppDemoNumber() }],
      },
    },
  };
}

/** A number on the WhatsApp Business app too, whose display name Meta rejected. */
export function businessAppDemoNumber(overrides: Record<string, unknown> = {}): FakePhoneNumber {
  return {
    id: "1098237465019283",
    display_phone_number: "+91 98200 12345",
    verified_name: "Lotus Tea",
    status: "CONNECTED",
    throughput: { level: "STANDARD" },
    account_mode: "LIVE",
    is_on_biz_app: true,
    platform_type: "CLOUD_API",
    official_business_account: { oba_status: "NOT_STARTED" },
    is_official_business_account: false,
    quality_rating: "GREEN",
    whatsapp_business_manager_messaging_limit: "TIER_250",
    name_status: "DECLINED",
    rejection_reason: "The display name does not match the business name on its website.",
    code_verification_status: "VERIFIED",
    last_onboarded_time: "2026-05-04T09:12:00+0000",
    ...overrides,
  };
}

/** Keeps the state in memory and, when given a file, on disk so it survives a restart. */
export class FakeStore {
  state: FakeState;

  constructor(
    private readonly file: string | null,
    private readonly seed: boolean,
  ) {
    this.state = this.load();
  }

  private load(): FakeState {
    if (this.file) {
      try {
        const parsed = JSON.parse(readFileSync(this.file, "utf8")) as FakeState;
        if (parsed && typeof parsed.plugins === "object") return { ...parsed, usedTokens: parsed.usedTokens ?? [] };
      } catch {
        // No file yet, or unreadable: start afresh.
      }
    }
    return this.seed ? seedState() : { plugins: {}, usedTokens: [] };
  }

  reset(): void {
    this.state = this.seed ? seedState() : { plugins: {}, usedTokens: [] };
    this.save();
  }

  /** Adds a plugin; given numbers belong to the first account and are there at once. */
  createPlugin(input: NewPlugin = {}): FakePlugin {
    const wabas = input.wabas ?? [];
    const plugin: FakePlugin = {
      id: input.id ?? randomUUID(),
      name: input.name ?? "WhatsApp plugin",
      clientReferenceId: input.clientReferenceId ?? null,
      clientName: input.clientName ?? null,
      clientEmail: input.clientEmail ?? null,
      createdAt: new Date().toISOString(),
      settings: emptySettings(),
      wabas,
      numbers: (input.numbers ?? []).map((number) => ({ wabaId: wabas[0]?.id ?? "", availableAt: 0, number })),
    };
    this.state.plugins[plugin.id] = plugin;
    this.save();
    return plugin;
  }

  save(): void {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temp = `${this.file}.tmp`;
    writeFileSync(temp, JSON.stringify(this.state, null, 2));
    renameSync(temp, this.file);
  }
}
