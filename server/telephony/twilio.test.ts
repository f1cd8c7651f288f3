import jwt from "jsonwebtoken"
import twilio from "twilio"
import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { buildApp, type App } from "../app"
import { createTeam, createUser, issueToken } from "../auth/users"
import { testConfig } from "../config"
import { openBackend, type Backend } from "../test/harness"
import { identityOf } from "./routes"
import type { TwilioConfig } from "./twilio-config"

const PUBLIC = "https://comptoir.example.com"
const cfg: TwilioConfig = {
  accountSid: `AC${"1".repeat(32)}`,
  apiKey: `SK${"2".repeat(32)}`,
  apiSecret: "api-secret-for-tests-only",
  twimlAppSid: `AP${"3".repeat(32)}`,
  authToken: "auth-token-for-tests-only",
  callerId: "+33144319244",
  publicUrl: PUBLIC,
  tokenTtlSeconds: 3600
}

function form(params: Record<string, string>): string {
  return new URLSearchParams(params).toString()
}

describe("Twilio on the team server", () => {
  let backend: Backend
  let built: App
  let agent: { id: string; token: string }

  beforeAll(async () => {
    backend = await openBackend("pglite")
    built = await buildApp({ db: backend.db, config: testConfig(), logger: false, twilio: cfg })
    await built.app.ready()
    const teamId = await createTeam(backend.db, "Téléventes")
    const user = await createUser(backend.db, { teamId, email: "agent@test.comptoir.test", name: "Agent", role: "agent", password: null })
    const { token } = await issueToken(backend.db, "session", { userId: user.id, teamId }, 3_600_000)
    agent = { id: user.id, token }
  }, 120_000)

  afterAll(async () => {
    await built?.app.close()
    await backend?.dispose()
  })

  const signed = (path: string, params: Record<string, string>) => ({
    method: "POST" as const,
    url: path,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": twilio.getExpectedTwilioSignature(cfg.authToken, `${PUBLIC}${path}`, params)
    },
    payload: form(params)
  })

  it("gives a signed-in agent a voice token for their own identity, signed with the API secret", async () => {
    const res = await built.app.inject({ method: "POST", url: "/telephony/twilio/token", headers: { authorization: `Bearer ${agent.token}` } })
    expect(res.statusCode).toBe(200)
    const body = res.json() as { token: string; identity: string }
    expect(body.identity).toBe(identityOf(agent.id))
    const decoded = jwt.verify(body.token, cfg.apiSecret) as { iss: string; sub: string; grants: { identity: string; voice: { incoming: { allow: boolean }; outgoing: { application_sid: string } } }; exp: number; iat: number }
    expect(decoded.iss).toBe(cfg.apiKey)
    expect(decoded.sub).toBe(cfg.accountSid)
    expect(decoded.grants.identity).toBe(identityOf(agent.id))
    expect(decoded.grants.voice.outgoing.application_sid).toBe(cfg.twimlAppSid)
    expect(decoded.grants.voice.incoming.allow).toBe(true)
    expect(decoded.exp - decoded.iat).toBe(3600)
    expect(() => jwt.verify(body.token, "another-secret")).toThrow()
  })

  it("refuses a token to anyone not signed in", async () => {
    const res = await built.app.inject({ method: "POST", url: "/telephony/twilio/token" })
    expect(res.statusCode).toBe(401)
  })

  it("dials the number an agent's browser asked for, with the team's caller id", async () => {
    const res = await built.app.inject(signed("/telephony/twilio/voice", { CallSid: "CA1", From: `client:${identityOf(agent.id)}`, To: "+33612345678" }))
    expect(res.statusCode).toBe(200)
    expect(res.headers["content-type"]).toMatch(/text\/xml/)
    expect(res.body).toContain(`<Dial callerId="${cfg.callerId}" answerOnBridge="true">`)
    expect(res.body).toMatch(/<Number statusCallback="https:\/\/comptoir\.example\.com\/telephony\/twilio\/status"[^>]*>\+33612345678<\/Number>/)
  })

  it("refuses to dial something that is not a number", async () => {
    const res = await built.app.inject(signed("/telephony/twilio/voice", { CallSid: "CA2", From: `client:${identityOf(agent.id)}`, To: "sip:evil@example.com" }))
    expect(res.body).not.toContain("<Dial")
    expect(res.body).toContain("<Say")
  })

  it("rings the agents whose browsers took a token for an incoming call", async () => {
    // This agent's browser takes its token here (not relying on an earlier test having done it).
    const token = await built.app.inject({ method: "POST", url: "/telephony/twilio/token", headers: { authorization: `Bearer ${agent.token}` } })
    expect(token.statusCode).toBe(200)
    const res = await built.app.inject(signed("/telephony/twilio/voice", { CallSid: "CA3", From: "+33198765432", To: cfg.callerId }))
    expect(res.statusCode).toBe(200)
    expect(res.body).toMatch(new RegExp(`<Client[^>]*>${identityOf(agent.id)}</Client>`))
  })

  it("refuses an unsigned webhook and one whose signature does not match its parameters", async () => {
    const unsigned = await built.app.inject({
      method: "POST",
      url: "/telephony/twilio/voice",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: form({ CallSid: "CA4", From: "client:x", To: "+33612345678" })
    })
    expect(unsigned.statusCode).toBe(403)
    const tampered = signed("/telephony/twilio/voice", { CallSid: "CA4", From: "client:x", To: "+33612345678" })
    tampered.payload = form({ CallSid: "CA4", From: "client:x", To: "+33899000000" })
    expect((await built.app.inject(tampered)).statusCode).toBe(403)
  })

  it("records each signed status callback", async () => {
    const params = { CallSid: "CA5", ParentCallSid: "CA1", CallStatus: "completed", Direction: "outbound-dial", From: cfg.callerId, To: "+33612345678", CallDuration: "42" }
    const res = await built.app.inject(signed("/telephony/twilio/status", params))
    expect(res.statusCode).toBe(204)
    const rows = await backend.db.query<{ status: string; duration_seconds: number; parent_call_sid: string }>("SELECT status, duration_seconds, parent_call_sid FROM twilio_call_events WHERE call_sid = 'CA5'")
    expect(rows).toEqual([{ status: "completed", duration_seconds: 42, parent_call_sid: "CA1" }])
    const unsigned = await built.app.inject({ method: "POST", url: "/telephony/twilio/status", headers: { "content-type": "application/x-www-form-urlencoded" }, payload: form(params) })
    expect(unsigned.statusCode).toBe(403)
  })

  it("says Twilio is not set up when the environment has no credentials", async () => {
    const bare = await buildApp({ db: backend.db, config: testConfig(), logger: false, twilio: null })
    const res = await bare.app.inject({ method: "POST", url: "/telephony/twilio/token", headers: { authorization: `Bearer ${agent.token}` } })
    expect(res.statusCode).toBe(503)
    await bare.app.close()
  })
})
