import * as z from "zod"

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().default("127.0.0.1"),
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default(".data/pglite"),
  PG_POOL_MAX: z.coerce.number().int().min(1).max(200).default(20),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TOKEN_TTL_HOURS: z.coerce.number().positive().default(24 * 30),
  INVITE_TTL_HOURS: z.coerce.number().positive().default(24 * 7),
  TOMBSTONE_DAYS: z.coerce.number().nonnegative().default(30),
  BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(4 * 1024 * 1024),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(5000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().positive().default(10),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  // "demo" (alias "auto", older scripts) seeds the demo team: `npm start` sets it; nothing else seeds.
  SEED: z.enum(["demo", "auto", "never"]).default("never"),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  TRUST_PROXY: z.enum(["true", "false"]).default("false"),
  // Group commit of the pushes (server/sync/write-batcher.ts): how long a lone push waits for others, or "off".
  GROUP_COMMIT_MS: z.union([z.literal("off"), z.coerce.number().min(0).max(50)]).default(2),
  // Profiling (server/http/request-timing.ts): each sync request's phases appended to this file at shutdown.
  TIMING_LOG: z.string().optional(),
  // --- trust settings (issue 8: production start, CORS pinning, webhook targets, input limits) ---
  NODE_ENV: z.string().optional(),
  EXTENSION_IDS: z.string().default(""),
  WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
  JSON_MAX_DEPTH: z.coerce.number().int().min(4).max(1000).default(32)
})

export interface Config {
  port: number
  host: string
  databaseUrl: string | undefined
  pgPoolMax: number
  dataDir: string
  logLevel: z.infer<typeof Env>["LOG_LEVEL"]
  tokenTtlMs: number
  inviteTtlMs: number
  /** Tombstones older than this are purged; cursors from before the purge must reset. */
  tombstoneMs: number
  bodyLimit: number
  webhook: { retryBaseMs: number; maxAttempts: number; timeoutMs: number; pollMs: number }
  seed: "demo" | "never"
  /** Failed sign-ins allowed per account and per address within the window, then 429 until it passes. */
  loginLimits: { perAccount: number; perAddress: number; windowMs: number }
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (else every client is the proxy). */
  trustProxy: boolean
  /** Pushes arriving together commit together; the first waits this long for company. null: each alone. */
  groupCommitMs: number | null
  /** Profiling: a file where each sync request's phases are written at shutdown (one JSON line each). */
  timingLog: string | undefined
  // --- trust settings (issue 8) ---
  /** NODE_ENV=production: never seeds, refuses to start while an account has the demo password. */
  production: boolean
  /** Extension origins granted CORS: Chrome ids (32 letters a–p) and Firefox internal UUIDs. */
  extensionIds: string[]
  /** Outgoing webhooks may target loopback, private, link-local… addresses (tests, a lab): off by default. */
  webhookAllowPrivate: boolean
  /** JSON bodies nested deeper than this are refused with 400 before any handler runs. */
  jsonMaxDepth: number
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const r = Env.safeParse(env)
  if (!r.success) {
    throw new Error(`bad environment: ${r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`)
  }
  const e = r.data
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL || undefined,
    pgPoolMax: e.PG_POOL_MAX,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    tokenTtlMs: e.TOKEN_TTL_HOURS * 3_600_000,
    inviteTtlMs: e.INVITE_TTL_HOURS * 3_600_000,
    tombstoneMs: e.TOMBSTONE_DAYS * 86_400_000,
    bodyLimit: e.BODY_LIMIT_BYTES,
    webhook: { retryBaseMs: e.WEBHOOK_RETRY_BASE_MS, maxAttempts: e.WEBHOOK_MAX_ATTEMPTS, timeoutMs: e.WEBHOOK_TIMEOUT_MS, pollMs: 1000 },
    seed: e.SEED === "never" ? "never" : "demo",
    trustProxy: e.TRUST_PROXY === "true",
    groupCommitMs: e.GROUP_COMMIT_MS === "off" ? null : e.GROUP_COMMIT_MS,
    timingLog: e.TIMING_LOG || undefined,
    loginLimits: { perAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT, perAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS, windowMs: e.LOGIN_WINDOW_MINUTES * 60_000 },
    // --- trust settings (issue 8) ---
    production: e.NODE_ENV === "production",
    extensionIds: parseExtensionIds(e.EXTENSION_IDS),
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE === "1",
    jsonMaxDepth: e.JSON_MAX_DEPTH
  }
}

const CHROME_ID = /^[a-p]{32}$/
const FIREFOX_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** `EXTENSION_IDS`: comma-separated Chrome ids or Firefox UUIDs (braces allowed); anything else is a start error. */
export function parseExtensionIds(raw: string): string[] {
  const ids = raw
    .split(",")
    .map((s) => s.trim().toLowerCase().replace(/^\{|\}$/g, ""))
    .filter(Boolean)
  const bad = ids.filter((id) => !CHROME_ID.test(id) && !FIREFOX_UUID.test(id))
  if (bad.length > 0) throw new Error(`bad environment: EXTENSION_IDS: not an extension id: ${bad.join(", ")} (a Chrome id is 32 letters a–p, a Firefox one a UUID)`)
  return ids
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: "silent" }), ...overrides }
}
