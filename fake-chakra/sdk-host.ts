import { randomInt } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { connectPage } from "./connect-page";
import { envelope, type Handler, HttpError, isText, readJson, send } from "./http";
import type { FakeStore } from "./state";
import type { Tokens } from "./tokens";

/**
 * [GUESS] What the fake SDK tells the page when a signup finishes. The real SDK's event
 * names are not public: these let tests play one the app has never heard of, or none.
 */
export type FakeSdkBehaviour = {
  /** The onMessage event's name; null: no onMessage at all. Default "connected". */
  successEvent: string | null;
  /** Its data; omitted: the signup's own answer (`{ status: "connected", pluginId, wabaId, phoneNumberId }`). */
  successData?: Record<string, unknown>;
  /** Whether onSuccess is called too. Default true. */
  callOnSuccess: boolean;
  /** Events sent (through onMessage) when the person opens the signup. Default one: "started". */
  startEvents: { event: string; data: Record<string, unknown> }[];
};

export const DEFAULT_SDK_BEHAVIOUR: FakeSdkBehaviour = {
  successEvent: "connected",
  callOnSuccess: true,
  startEvents: [{ event: "started", data: { status: "started" } }],
};

/** The stand-in's SDK: success as `WA_EMBEDDED_SIGNUP_FINISH` with `{ state: "COMPLETED" }`, no onSuccess. */
export const UNKNOWN_SUCCESS_SDK: Partial<FakeSdkBehaviour> = {
  successEvent: "WA_EMBEDDED_SIGNUP_FINISH",
  successData: { state: "COMPLETED" },
  callOnSuccess: false,
};

const SDK_SOURCE = readFileSync(path.join(import.meta.dirname, "sdk.js"), "utf8");

function digits(count: number): string {
  let out = String(randomInt(1, 10));
  while (out.length < count) out += String(randomInt(0, 10));
  return out;
}

export type SdkHost = {
  handle: Handler;
  /** What the fake SDK reports now. */
  behaviour(): FakeSdkBehaviour;
  /** Changes what the fake SDK reports from the next signup page on; no argument: the default. */
  setBehaviour(behaviour?: Partial<FakeSdkBehaviour>): FakeSdkBehaviour;
};

/**
 * The browser side of the embedded signup (docs/chakrahq-contract.md, section 5): the SDK
 * script, the page inside its iframe, and that page's last step. No bearer token.
 */
export function createSdkHost({
  store,
  tokens,
  numbersDelayMs,
  singleUseTokens,
  initial,
}: {
  store: FakeStore;
  tokens: Tokens;
  numbersDelayMs: number;
  singleUseTokens: boolean;
  initial?: Partial<FakeSdkBehaviour>;
}): SdkHost {
  let sdk: FakeSdkBehaviour = { ...DEFAULT_SDK_BEHAVIOUR, ...initial };

  /** The embedded signup's last step: attach a WABA and a number to the token's plugin. */
  async function completeSignup(req: IncomingMessage) {
    const body = await readJson(req);
    const { plugin, token } = tokens.check(body.token);
    const businessName = isText(body.businessName) ? body.businessName.trim().slice(0, 100) : null;
    const phone = isText(body.phoneNumber) ? body.phoneNumber.trim() : null;
    if (!businessName) throw new HttpError(400, "Choose a business name.");
    if (!phone || !/^\+?[\d\s().-]{7,20}$/.test(phone)) throw new HttpError(400, "Enter a phone number.");
    const wabaId = digits(15);
    const numberId = digits(16);
    plugin.wabas.push({
      id: wabaId,
      name: `${businessName} WhatsApp Business Account`,
      timezone_id: "1",
      account_review_status: "APPROVED",
      business_verification_status: "not_verified",
    });
    plugin.numbers.push({
      wabaId,
      availableAt: Date.now() + numbersDelayMs,
      number: {
        id: numberId,
        status: "CONNECTED",
        throughput: { level: "STANDARD" },
        account_mode: "LIVE",
        is_on_biz_app: false,
        platform_type: "CLOUD_API",
        verified_name: businessName,
        display_phone_number: phone,
        official_business_account: { oba_status: "NOT_STARTED" },
        is_official_business_account: false,
        quality_rating: "GREEN",
        messaging_limit_tier: "TIER_250",
        name_status: "APPROVED",
      },
    });
    if (singleUseTokens) store.state.usedTokens.push(token);
    store.save();
    return { status: "connected", pluginId: plugin.id, wabaId, phoneNumberId: numberId };
  }

  const handle: Handler = async (req, res, url) => {
    const method = req.method ?? "GET";
    if (method === "GET" && url.pathname === "/sdk.js") {
      send(res, 200, SDK_SOURCE, "text/javascript; charset=utf-8");
      return true;
    }
    if (method === "GET" && url.pathname === "/connect") {
      let error: string | null = null;
      let pluginName: string | null = null;
      try {
        pluginName = tokens.check(url.searchParams.get("token")).plugin.name;
      } catch (e) {
        error = e instanceof HttpError ? e.message : "Something went wrong.";
      }
      send(res, 200, connectPage({ error, pluginName, sdk }), "text/html; charset=utf-8");
      return true;
    }
    if (method === "POST" && url.pathname === "/connect/complete") {
      envelope(res, 200, await completeSignup(req));
      return true;
    }
    return false;
  };

  return {
    handle,
    behaviour: () => sdk,
    setBehaviour: (behaviour = {}) => (sdk = { ...DEFAULT_SDK_BEHAVIOUR, ...behaviour }),
  };
}
