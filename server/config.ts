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
  SEED: z.enum(["auto", "never"]).default("auto"),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(10),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  LOGIN_WINDOW_MINUTES: z.coerce.number().positive().default(15),
  TRUST_PROXY: z.enum(["true", "false"]).default("false")
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
  seed: "auto" | "never"
  /** Failed sign-ins allowed per account and per address within the window, then 429 until it passes. */
  loginLimits: { perAccount: number; perAddress: number; windowMs: number }
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (else every client is the proxy). */
  trustProxy: boolean
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
    seed: e.SEED,
    trustProxy: e.TRUST_PROXY === "true",
    loginLimits: { perAccount: e.LOGIN_MAX_FAILURES_PER_ACCOUNT, perAddress: e.LOGIN_MAX_FAILURES_PER_ADDRESS, windowMs: e.LOGIN_WINDOW_MINUTES * 60_000 }
  }
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ LOG_LEVEL: "silent" }), ...overrides }
}
