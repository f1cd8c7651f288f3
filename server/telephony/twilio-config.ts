import * as z from "zod"

/** Twilio's credentials: only ever from the server's environment, never stored nor sent to a browser. */
export interface TwilioConfig {
  accountSid: string
  apiKey: string
  apiSecret: string
  twimlAppSid: string
  authToken: string
  callerId: string
  /** The public base URL Twilio calls (behind a proxy the request's own host is not it); signatures are over it. */
  publicUrl: string | null
  tokenTtlSeconds: number
  /** The team whose agents the number rings (TWILIO_TEAM_ID); null rings any team's agents (one team per server). */
  teamId: string | null
}

const Env = z.object({
  TWILIO_ACCOUNT_SID: z.string().regex(/^AC[0-9a-f]{32}$/i, "TWILIO_ACCOUNT_SID is AC + 32 hex"),
  TWILIO_API_KEY: z.string().regex(/^SK[0-9a-f]{32}$/i, "TWILIO_API_KEY is SK + 32 hex"),
  TWILIO_API_SECRET: z.string().min(8),
  TWILIO_TWIML_APP_SID: z.string().regex(/^AP[0-9a-f]{32}$/i, "TWILIO_TWIML_APP_SID is AP + 32 hex"),
  TWILIO_AUTH_TOKEN: z.string().min(8),
  TWILIO_CALLER_ID: z.string().regex(/^\+[1-9]\d{7,14}$/, "TWILIO_CALLER_ID is an E.164 number"),
  TWILIO_PUBLIC_URL: z.url().optional(),
  TWILIO_TOKEN_TTL_SECONDS: z.coerce.number().int().min(300).max(86_400).default(3600),
  TWILIO_TEAM_ID: z.string().trim().min(1).max(100).optional()
})

/** null when Twilio is not set up (no TWILIO_ACCOUNT_SID); a bad value stops the server with the reason. */
export function twilioConfigFromEnv(env: Record<string, string | undefined>): TwilioConfig | null {
  if (!env.TWILIO_ACCOUNT_SID) return null
  const r = Env.safeParse(env)
  if (!r.success) throw new Error(`bad Twilio environment: ${r.error.issues.map((i) => i.message).join("; ")}`)
  const e = r.data
  return {
    accountSid: e.TWILIO_ACCOUNT_SID,
    apiKey: e.TWILIO_API_KEY,
    apiSecret: e.TWILIO_API_SECRET,
    twimlAppSid: e.TWILIO_TWIML_APP_SID,
    authToken: e.TWILIO_AUTH_TOKEN,
    callerId: e.TWILIO_CALLER_ID,
    publicUrl: e.TWILIO_PUBLIC_URL?.replace(/\/+$/, "") ?? null,
    tokenTtlSeconds: e.TWILIO_TOKEN_TTL_SECONDS,
    teamId: e.TWILIO_TEAM_ID ?? null
  }
}
