import { describe, expect, it } from "vitest";
import { FAKE_CHAKRA_TOKEN } from "@/lib/chakra/demo";
import { isBuilding, parseEnv } from "@/lib/env";

const productionBase = {
  NODE_ENV: "production",
  AUTH_SECRET: "x".repeat(40),
  SMTP_URL: "smtp://user:pass@mail.example.com:587",
  CHAKRA_API_TOKEN: "chakra-token-0123456789abcdef",
  APP_URL: "https://partner.example.com",
};

describe("parseEnv", () => {
  it("works with no variables at all, in demo mode against the fake", () => {
    const env = parseEnv({});
    expect(env.NODE_ENV).toBe("development");
    expect(env.demoMode).toBe(true);
    expect(env.chakra.baseUrl).toBe("http://127.0.0.1:4010");
    expect(env.chakra.sdkUrl).toBe("http://127.0.0.1:4010/sdk.js");
    expect(env.chakra.token).toBe(FAKE_CHAKRA_TOKEN);
    expect(env.database.provider).toBe("sqlite");
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("talks to the real ChakraHQ once CHAKRA_API_TOKEN is set", () => {
    const env = parseEnv({ CHAKRA_API_TOKEN: "chakra-token-0123456789abcdef" });
    expect(env.demoMode).toBe(false);
    expect(env.chakra.baseUrl).toBe("https://api.chakrahq.com");
    expect(env.chakra.sdkUrl).toBe("https://embed.chakrahq.com/whatsapp-partner-connect/v1_0_1/sdk.js");
  });

  it("accepts a ChakraHQ token of any length: the contract does not say how long they are", () => {
    for (const token of ["a", "ck_live_9f2", "x".repeat(500), "eyJhbGciOi.J9.eyJ0ZWFtIjoi-_~+/="]) {
      const env = parseEnv({ ...productionBase, CHAKRA_API_TOKEN: token });
      expect(env.demoMode).toBe(false);
      expect(env.chakra.token).toBe(token);
    }
  });

  it.each([
    ["a Bearer prefix", "Bearer ck_live_9f2a"],
    ["a space inside", "ck_live 9f2a"],
    ["a trailing line break", "ck_live_9f2a\n"],
    ["a tab", "\tck_live_9f2a"],
    ["a character no HTTP header carries", "ck_live_9f2a€"],
  ])("refuses a ChakraHQ token with %s, naming the variable but not the token", (_label, token) => {
    try {
      parseEnv({ CHAKRA_API_TOKEN: token });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/- CHAKRA_API_TOKEN: must be the token alone/);
      expect(String(error)).not.toContain("9f2a");
    }
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ CHAKRA_API_TOKEN: "", SMTP_URL: "" }).demoMode).toBe(true);
  });

  it("picks PostgreSQL from a postgres URL", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@localhost/db" }).database.provider).toBe("postgresql");
    expect(parseEnv({ DATABASE_URL: "postgres://localhost/db" }).database.provider).toBe("postgresql");
  });

  it("runs the background workers in the app on SQLite, and in workers of their own on PostgreSQL, unless told", () => {
    const postgres = { DATABASE_URL: "postgresql://u:p@localhost/db" };
    expect(parseEnv({}).jobs.inApp).toBe(true);
    expect(parseEnv(postgres).jobs.inApp).toBe(false);
    expect(parseEnv({ ...postgres, JOBS_IN_APP: "true" }).jobs.inApp).toBe(true);
    expect(parseEnv({ JOBS_IN_APP: "false" }).jobs.inApp).toBe(false);
    expect(() => parseEnv({ JOBS_IN_APP: "yes" })).toThrow(/JOBS_IN_APP: must be "true" or "false"/);
  });

  it("names every missing production setting", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(
      /AUTH_SECRET: required in production[\s\S]*SMTP_URL: required[\s\S]*CHAKRA_API_TOKEN: required/,
    );
  });

  it("accepts a complete production environment", () => {
    const env = parseEnv(productionBase);
    expect(env.isProduction).toBe(true);
    expect(env.demoMode).toBe(false);
  });

  it("refuses a production setup pointed at plain-http ChakraHQ", () => {
    expect(() => parseEnv({ ...productionBase, CHAKRA_BASE_URL: "http://127.0.0.1:4010" })).toThrow(
      /CHAKRA_BASE_URL: must be https/,
    );
  });

  it("refuses a production app served over plain http, naming APP_URL", () => {
    expect(() => parseEnv({ ...productionBase, APP_URL: "http://partner.example.com" })).toThrow(
      /- APP_URL: must be https/,
    );
    expect(() => parseEnv({ ...productionBase, APP_URL: undefined })).toThrow(/- APP_URL: must be https/);
  });

  it("skips production checks only while `next build` runs, never at run time, whatever else is set", () => {
    expect(isBuilding({ NEXT_PHASE: "phase-production-build" })).toBe(true);
    expect(isBuilding({ SKIP_ENV_VALIDATION: "1", NEXT_PHASE: "phase-production-server" })).toBe(false);
    expect(isBuilding({ SKIP_ENV_VALIDATION: "1" })).toBe(false);
  });

  it("lists the SDK's origins for the CSP, with any extra ones", () => {
    expect(parseEnv({}).chakra.sdkOrigins).toEqual(["http://127.0.0.1:4010"]);
    expect(
      parseEnv({ ...productionBase, CHAKRA_SDK_EXTRA_ORIGINS: "https://a.chakrahq.com  https://b.example/" }).chakra
        .sdkOrigins,
    ).toEqual(["https://embed.chakrahq.com", "https://a.chakrahq.com", "https://b.example"]);
    expect(() => parseEnv({ CHAKRA_SDK_EXTRA_ORIGINS: "https://a.example/path" })).toThrow(/CHAKRA_SDK_EXTRA_ORIGINS/);
  });

  it("lifts only the production requirements while building", () => {
    expect(parseEnv({ NODE_ENV: "production" }, { productionChecks: false }).isProduction).toBe(true);
    expect(() => parseEnv({ NODE_ENV: "production", APP_URL: "nope" }, { productionChecks: false })).toThrow(/APP_URL/);
  });

  it.each([
    ["DATABASE_URL", "mysql://localhost/db"],
    ["APP_URL", "not a url"],
    ["AUTH_SECRET", "short"],
    ["SMTP_URL", "http://mail.example.com"],
    ["CHAKRA_TIMEOUT_MS", "soon"],
    ["CHAKRA_UPDATE_CONFIG_PATH", "/v1/no-placeholder"],
    ["CHAKRA_SDK_SUCCESS_PATTERN", "(unclosed"],
    ["INITIAL_ADMIN_EMAIL", "not-an-email"],
  ])("names %s when it is malformed", (variable, value) => {
    expect(() => parseEnv({ [variable]: value })).toThrow(new RegExp(`- ${variable}: `));
  });

  it("never puts a secret's value in the error", () => {
    const secret = "short-secret";
    try {
      parseEnv({ AUTH_SECRET: secret, DATABASE_URL: "mysql://user:hunter2@db/x" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain(secret);
      expect(String(error)).not.toContain("hunter2");
    }
  });
});
