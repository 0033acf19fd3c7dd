import { z } from "zod";
import { FAKE_CHAKRA_TOKEN } from "./chakra/demo";
import { DEFAULT_DATABASE_URL, resolveDatabaseUrl } from "./database-url";

/**
 * The one place that reads process.env. Every setting has a development default, so the
 * app runs with no .env at all; production settings that are missing or malformed stop
 * the start with a message that names the variable.
 */

const REAL_CHAKRA_BASE_URL = "https://api.chakrahq.com";
const REAL_CHAKRA_SDK_URL = "https://embed.chakrahq.com/whatsapp-partner-connect/v1_0_1/sdk.js";

const pathWithPluginId = z
  .string()
  .startsWith("/", "must start with /")
  .includes("{pluginId}", { message: "must contain {pluginId}" });

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),

  // Database
  DATABASE_URL: z.string().default(DEFAULT_DATABASE_URL),

  // App
  APP_URL: z.url({ protocol: /^https?$/ }).default("http://localhost:3000"),
  /**
   * How many reverse proxies stand in front of the app and append to X-Forwarded-For. 0:
   * the socket's address is the client's (a forged X-Forwarded-For counts for nothing).
   */
  TRUSTED_PROXY_COUNT: z.coerce.number().int().min(0).max(10).default(0),

  // Auth
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  AUTH_SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 30),
  AUTH_LINK_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(24),
  INITIAL_ADMIN_EMAIL: z.email().optional(),

  // Email
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" }).optional(),
  EMAIL_FROM: z.string().min(3).default("Partner Onboarding <onboarding@localhost>"),

  // ChakraHQ
  // The contract says only "a long opaque string" (its length is a guess): one piece of visible text, as a header carries it.
  CHAKRA_API_TOKEN: z
    .string()
    .regex(
      /^[\x21-\x7e]+$/,
      'must be the token alone, as ChakraHQ shows it: printable ASCII, no spaces or line breaks, no "Bearer "',
    )
    .optional(),
  CHAKRA_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  CHAKRA_SDK_URL: z.url({ protocol: /^https?$/ }).optional(),
  CHAKRA_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  CHAKRA_MAX_RETRIES: z.coerce.number().int().min(0).max(8).default(3),
  CHAKRA_UPDATE_CONFIG_PATH: pathWithPluginId.default("/v1/ext/plugin/whatsapp/{pluginId}/update-config"),
  CHAKRA_DISCONNECT_WABA_PATH: pathWithPluginId.default("/v1/ext/plugin/whatsapp/{pluginId}/disconnect-waba"),
  CHAKRA_DISCONNECT_WABA_FIELD: z.string().regex(/^\w+$/).default("wabaId"),
  CHAKRA_HEALTH_PATH: z.string().startsWith("/").default("/v1/health"),
  /** Further origins the SDK may load scripts, frames or requests from (space-separated), for the CSP. */
  CHAKRA_SDK_EXTRA_ORIGINS: z
    .string()
    .refine(
      (value) => value.split(/\s+/).filter(Boolean).every(isHttpOrigin),
      "must be space-separated origins like https://embed.chakrahq.com",
    )
    .default(""),
  CHAKRA_SDK_SUCCESS_PATTERN: z
    .string()
    .refine(isRegExp, "must be a valid regular expression")
    .default("connected|success|complete"),

  // Background jobs
  /**
   * Whether this app process also runs the background workers. Default: yes on SQLite (one
   * machine, the embedded setup), no on PostgreSQL (run `npm run worker` beside the app).
   */
  JOBS_IN_APP: z.enum(["true", "false"], { error: 'must be "true" or "false"' }).optional(),
  /**
   * Minutes between health sweeps until an owner sets them on the Background work page; 0: off.
   * Default: 360 (6 hours); 2 in demo mode, so a new user sees one work; off under NODE_ENV=test.
   */
  HEALTH_SWEEP_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .optional(),

  // The fake ChakraHQ (development and tests only)
  FAKE_CHAKRA_PORT: z.coerce.number().int().min(1).max(65_535).default(4010),
  FAKE_CHAKRA_STATE_FILE: z.string().default("data/fake-chakra.json"),
});

type RawEnv = z.infer<typeof schema>;

export type Env = RawEnv & {
  isProduction: boolean;
  /** No CHAKRA_API_TOKEN: the app talks to the bundled fake ChakraHQ. */
  demoMode: boolean;
  database: ReturnType<typeof resolveDatabaseUrl>;
  /** inApp: this process runs the background workers (see JOBS_IN_APP); the sweep's default interval (0: off). */
  jobs: { inApp: boolean; sweepMinutes: number };
  chakra: {
    baseUrl: string;
    sdkUrl: string;
    token: string;
    timeoutMs: number;
    maxRetries: number;
    paths: { updateConfig: string; disconnectWaba: string; health: string };
    disconnectWabaField: string;
    sdkSuccessPattern: string;
    /** Every origin the end client's browser may reach for the SDK (CSP). */
    sdkOrigins: string[];
  };
};

function isHttpOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value.replace(/\/+$/, "");
  } catch {
    return false;
  }
}

function isRegExp(value: string): boolean {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

type Issue = { variable: string; message: string };

function productionIssues(raw: RawEnv): Issue[] {
  const issues: Issue[] = [];
  const need = (variable: keyof RawEnv, message: string) => {
    if (raw[variable] === undefined) issues.push({ variable, message });
  };
  need("AUTH_SECRET", "required in production (generate one: openssl rand -base64 32)");
  need("SMTP_URL", "required in production: sign-in and onboarding emails must be delivered");
  need("CHAKRA_API_TOKEN", "required in production: the fake ChakraHQ is for development only");
  if (!raw.APP_URL.startsWith("https://")) {
    issues.push({
      variable: "APP_URL",
      message: "must be https:// in production (sign-in links and session cookies depend on it)",
    });
  }
  if (raw.CHAKRA_BASE_URL && !raw.CHAKRA_BASE_URL.startsWith("https://")) {
    issues.push({ variable: "CHAKRA_BASE_URL", message: "must be https:// in production" });
  }
  if (raw.CHAKRA_SDK_URL && !raw.CHAKRA_SDK_URL.startsWith("https://")) {
    issues.push({ variable: "CHAKRA_SDK_URL", message: "must be https:// in production" });
  }
  return issues;
}

/** Validates a set of variables; throws one error that lists every bad variable by name. */
export function parseEnv(
  source: Record<string, string | undefined>,
  { productionChecks = true }: { productionChecks?: boolean } = {},
): Env {
  // An empty value in a .env file means "not set".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(cleaned);
  const issues: Issue[] = parsed.success
    ? []
    : parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message }));
  if (parsed.success && parsed.data.NODE_ENV === "production" && productionChecks)
    issues.push(...productionIssues(parsed.data));

  let database: Env["database"] | undefined;
  if (parsed.success) {
    try {
      database = resolveDatabaseUrl(parsed.data.DATABASE_URL);
    } catch (error) {
      issues.push({ variable: "DATABASE_URL", message: (error as Error).message.replace(/^DATABASE_URL: /, "") });
    }
  }
  if (!parsed.success || issues.length > 0 || !database) {
    const lines = issues.map((i) => `  - ${i.variable}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment. Fix these variables (see .env.example):\n${lines}`);
  }

  const raw = parsed.data;
  const demoMode = raw.CHAKRA_API_TOKEN === undefined;
  const fakeOrigin = `http://127.0.0.1:${raw.FAKE_CHAKRA_PORT}`;
  return {
    ...raw,
    isProduction: raw.NODE_ENV === "production",
    demoMode,
    database,
    jobs: {
      inApp: raw.JOBS_IN_APP === undefined ? database.provider === "sqlite" : raw.JOBS_IN_APP === "true",
      sweepMinutes: raw.HEALTH_SWEEP_MINUTES ?? (raw.NODE_ENV === "test" ? 0 : demoMode ? 2 : 360),
    },
    chakra: {
      baseUrl: (raw.CHAKRA_BASE_URL ?? (demoMode ? fakeOrigin : REAL_CHAKRA_BASE_URL)).replace(/\/+$/, ""),
      sdkUrl: raw.CHAKRA_SDK_URL ?? (demoMode ? `${fakeOrigin}/sdk.js` : REAL_CHAKRA_SDK_URL),
      token: raw.CHAKRA_API_TOKEN ?? FAKE_CHAKRA_TOKEN,
      timeoutMs: raw.CHAKRA_TIMEOUT_MS,
      maxRetries: raw.CHAKRA_MAX_RETRIES,
      paths: {
        updateConfig: raw.CHAKRA_UPDATE_CONFIG_PATH,
        disconnectWaba: raw.CHAKRA_DISCONNECT_WABA_PATH,
        health: raw.CHAKRA_HEALTH_PATH,
      },
      disconnectWabaField: raw.CHAKRA_DISCONNECT_WABA_FIELD,
      sdkSuccessPattern: raw.CHAKRA_SDK_SUCCESS_PATTERN,
      sdkOrigins: [
        ...new Set([
          new URL(raw.CHAKRA_SDK_URL ?? (demoMode ? fakeOrigin : REAL_CHAKRA_SDK_URL)).origin,
          ...raw.CHAKRA_SDK_EXTRA_ORIGINS.split(/\s+/)
            .filter(Boolean)
            .map((o) => o.replace(/\/+$/, "")),
        ]),
      ],
    },
  };
}

/**
 * Whether `next build` is running (NEXT_PHASE). A build needs no production secrets (a
 * container image build has none): the production-only requirements are checked when the
 * server starts, always; malformed values fail the build too. There is no switch to skip
 * them at run time.
 */
export function isBuilding(source: Record<string, string | undefined>): boolean {
  return source.NEXT_PHASE === "phase-production-build";
}

let parsed: Env | undefined;

/**
 * The settings, validated on first use (so next.config.ts can first tell whether `next build`
 * is running). A bad setting throws there, naming every bad variable.
 */
export const env: Env = new Proxy({} as Env, {
  get(_target, key) {
    parsed ??= parseEnv(process.env, { productionChecks: !isBuilding(process.env) });
    return parsed[key as keyof Env];
  },
});

/**
 * Auth.js builds every absolute URL from AUTH_URL when it is set, and from the request's Host
 * and X-Forwarded-Host headers otherwise, which anyone can forge. It reads AUTH_URL from
 * process.env itself, so this sets it there, from APP_URL.
 */
export function pinAuthUrlToAppUrl(): void {
  process.env.AUTH_URL = new URL("/api/auth", env.APP_URL).toString();
}
