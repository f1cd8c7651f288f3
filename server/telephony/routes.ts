import type { FastifyInstance, FastifyRequest } from "fastify"
import twilio from "twilio"
import * as z from "zod"

import type { Authenticator } from "../auth/authenticator"
import type { Db } from "../db/db"
import { authOf, requireAuth } from "../http/auth-hook"
import { HttpError, type ZodTypeProvider } from "../http/zod"
import type { TwilioConfig } from "./twilio-config"

const { AccessToken } = twilio.jwt
const { VoiceGrant } = AccessToken
const { VoiceResponse } = twilio.twiml

/** Twilio rings up to 10 clients at once. */
const MAX_RUNG = 10
/**
 * A softphone repeats "registered" at each token refresh (shortly before the token expires), so one whose last
 * word is older than the token's life plus this margin has gone without saying so (browser killed, machine asleep).
 */
const PRESENCE_MARGIN_SECONDS = 120

/** Twilio client identities allow letters, digits and underscores; a user id may hold more. */
export function identityOf(userId: string): string {
  return `u_${userId.replace(/[^A-Za-z0-9_]/g, "_")}`
}

const E164 = /^\+[1-9]\d{7,14}$/

export function telephonyRoutes(app: FastifyInstance, db: Db, authn: Authenticator, config: TwilioConfig | null): void {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const signedIn = requireAuth(authn)
  const need = (): TwilioConfig => {
    if (!config) throw new HttpError(503, "twilio-not-configured", "Twilio is not set up on this server (TWILIO_* environment)")
    return config
  }
  // The number's team only, when the server names one: a token dials out on the server's Twilio account with that
  // team's caller id (and bill), and another team's presence would only be ignored.
  const ofNumbersTeam = (req: FastifyRequest): void => {
    const c = need()
    if (c.teamId !== null && authOf(req).teamId !== c.teamId) throw new HttpError(403, "forbidden", "the softphone's number belongs to another team on this server")
  }

  r.post(
    "/telephony/twilio/token",
    {
      preHandler: signedIn,
      schema: { response: { 200: z.object({ token: z.string(), identity: z.string(), expiresAt: z.iso.datetime() }) } }
    },
    async (req) => {
      const c = need()
      ofNumbersTeam(req)
      const auth = authOf(req)
      const identity = identityOf(auth.userId)
      const token = new AccessToken(c.accountSid, c.apiKey, c.apiSecret, { identity, ttl: c.tokenTtlSeconds })
      token.addGrant(new VoiceGrant({ outgoingApplicationSid: c.twimlAppSid, incomingAllow: true }))
      await db.query(
        `INSERT INTO twilio_agents (identity, user_id, team_id) VALUES ($1, $2, $3)
         ON CONFLICT (identity) DO UPDATE SET last_token_at = now(), team_id = EXCLUDED.team_id`,
        [identity, auth.userId, auth.teamId]
      )
      return { token: token.toJwt(), identity, expiresAt: new Date(Date.now() + c.tokenTtlSeconds * 1000).toISOString() }
    }
  )

  // The extension says when its Device registers (and again at each token refresh) and when it unregisters:
  // an incoming call rings only the softphones registered now.
  r.post(
    "/telephony/twilio/presence",
    { preHandler: signedIn, schema: { body: z.object({ registered: z.boolean() }) } },
    async (req, reply) => {
      ofNumbersTeam(req)
      const auth = authOf(req)
      await db.query(
        `INSERT INTO twilio_agents (identity, user_id, team_id, registered, seen_at) VALUES ($1, $2, $3, $4, now())
         ON CONFLICT (identity) DO UPDATE SET registered = EXCLUDED.registered, seen_at = now(), team_id = EXCLUDED.team_id`,
        [identityOf(auth.userId), auth.userId, auth.teamId, req.body.registered]
      )
      return reply.code(204).send()
    }
  )

  // Twilio's webhooks post forms; parse them here only, and check each one's signature before anything else.
  void app.register(async (scope) => {
    scope.addContentTypeParser("application/x-www-form-urlencoded", { parseAs: "string" }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))))
    })

    const verified = (req: FastifyRequest): Record<string, string> => {
      const c = need()
      const params = (req.body ?? {}) as Record<string, string>
      const signature = req.headers["x-twilio-signature"]
      const base = c.publicUrl ?? `${req.protocol}://${req.host}`
      const url = `${base}${req.url}`
      if (typeof signature !== "string" || !twilio.validateRequest(c.authToken, signature, url, params)) {
        throw new HttpError(403, "bad-signature", "not signed by Twilio (X-Twilio-Signature)")
      }
      return params
    }

    const statusUrl = (req: FastifyRequest, c: TwilioConfig) => `${c.publicUrl ?? `${req.protocol}://${req.host}`}/telephony/twilio/status`

    scope.post("/telephony/twilio/voice", async (req, reply) => {
      const params = verified(req)
      const c = need()
      const twiml = new VoiceResponse()
      const from = params.From ?? ""
      if (from.startsWith("client:")) {
        // Outgoing: the agent's browser asked for `To`; the customer sees the team's number.
        const to = params.To ?? ""
        if (!E164.test(to)) {
          twiml.say({ language: "en-GB" }, "This number cannot be dialled.")
        } else {
          const dial = twiml.dial({ callerId: c.callerId, answerOnBridge: true })
          dial.number({ statusCallback: statusUrl(req, c), statusCallbackEvent: ["initiated", "ringing", "answered", "completed"] }, to)
        }
      } else {
        // Incoming: ring the softphones registered now (of the number's team when the server names one), newest first.
        const agents = await db.query<{ identity: string }>(
          `SELECT identity FROM twilio_agents
           WHERE registered AND seen_at > now() - make_interval(secs => $1) AND ($2::text IS NULL OR team_id = $2)
           ORDER BY seen_at DESC LIMIT ${MAX_RUNG}`,
          [c.tokenTtlSeconds + PRESENCE_MARGIN_SECONDS, c.teamId]
        )
        if (agents.length === 0) {
          twiml.say({ language: "fr-FR" }, "Aucun conseiller n'est disponible. Merci de rappeler plus tard.")
        } else {
          const dial = twiml.dial({ answerOnBridge: true })
          for (const a of agents) dial.client({ statusCallback: statusUrl(req, c), statusCallbackEvent: ["initiated", "ringing", "answered", "completed"] }, a.identity)
        }
      }
      return reply.type("text/xml").send(twiml.toString())
    })

    scope.post("/telephony/twilio/status", async (req, reply) => {
      const p = verified(req)
      if (!p.CallSid || !p.CallStatus) throw new HttpError(400, "bad-request", "CallSid and CallStatus are required")
      const duration = p.CallDuration ?? p.DialCallDuration
      await db.query(
        `INSERT INTO twilio_call_events (call_sid, parent_call_sid, status, direction, from_number, to_number, duration_seconds, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [p.CallSid, p.ParentCallSid ?? null, p.CallStatus, p.Direction ?? null, p.From ?? null, p.To ?? null, duration ? Number.parseInt(duration, 10) : null, JSON.stringify(p)]
      )
      return reply.code(204).send()
    })
  })
}
