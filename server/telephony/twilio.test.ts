import jwt from "jsonwebtoken"
import twilio from "twilio"
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest"

import { buildApp, type App } from "../app"
import { createTeam, createUser, issueToken } from "../auth/users"
import { testConfig } from "../config"
import { openBackend, skipPostgres, type Backend, type BackendName } from "../test/harness"
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
  tokenTtlSeconds: 3600,
  teamId: null
}

function form(params: Record<string, string>): string {
  return new URLSearchParams(params).toString()
}

interface Agent {
  id: string
  token: string
}

for (const name of ["pglite", "postgres"] as BackendName[]) {
  describe.skipIf(name === "postgres" && skipPostgres)(`Twilio on the team server (${name})`, () => {
    let backend: Backend
    let built: App
    let teamId: string
    let agent: Agent
    let n = 0

    const newAgent = async (team = teamId): Promise<Agent> => {
      const user = await createUser(backend.db, { teamId: team, email: `agent${++n}@test.comptoir.test`, name: `Agent ${n}`, role: "agent", password: null })
      const { token } = await issueToken(backend.db, "session", { userId: user.id, teamId: team }, 3_600_000)
      return { id: user.id, token }
    }

    beforeAll(async () => {
      backend = await openBackend(name)
      built = await buildApp({ db: backend.db, config: testConfig(), logger: false, twilio: cfg })
      await built.app.ready()
      teamId = await createTeam(backend.db, "Téléventes")
      agent = await newAgent()
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

    describe("an incoming call", () => {
      // Each test starts with no softphone registered (the agents' rows are shared by the file).
      beforeEach(async () => {
        await backend.db.query("UPDATE twilio_agents SET registered = false")
      })

      const takeToken = async (a: Agent) => {
        const res = await built.app.inject({ method: "POST", url: "/telephony/twilio/token", headers: { authorization: `Bearer ${a.token}` } })
        expect(res.statusCode).toBe(200)
      }
      const presence = async (a: Agent, registered: boolean) => {
        const res = await built.app.inject({ method: "POST", url: "/telephony/twilio/presence", headers: { authorization: `Bearer ${a.token}` }, payload: { registered } })
        expect(res.statusCode).toBe(204)
      }
      /** The client identities the TwiML for an incoming call rings, in order. */
      const rung = async (app = built.app) => {
        const res = await app.inject(signed("/telephony/twilio/voice", { CallSid: "CA3", From: "+33198765432", To: cfg.callerId }))
        expect(res.statusCode).toBe(200)
        return { identities: [...res.body.matchAll(/<Client[^>]*>([^<]+)<\/Client>/g)].map((m) => m[1]), body: res.body }
      }
      const secondsAgo = (a: Agent, seconds: number) =>
        backend.db.query("UPDATE twilio_agents SET seen_at = now() - make_interval(secs => $2) WHERE identity = $1", [identityOf(a.id), seconds])

      it("rings an agent whose softphone registered", async () => {
        await takeToken(agent)
        await presence(agent, true)
        expect((await rung()).identities).toEqual([identityOf(agent.id)])
      })

      it("does not ring an agent whose softphone unregistered", async () => {
        await takeToken(agent)
        await presence(agent, true)
        await presence(agent, false)
        const { identities, body } = await rung()
        expect(identities).toEqual([])
        expect(body).toContain("Aucun conseiller n'est disponible")
      })

      it("does not ring an agent who took a token but whose softphone never said it registered", async () => {
        const quiet = await newAgent()
        await takeToken(quiet)
        expect((await rung()).identities).not.toContain(identityOf(quiet.id))
      })

      it("does not ring an agent whose last presence is older than the token's life", async () => {
        const gone = await newAgent()
        await presence(agent, true)
        await presence(gone, true)
        await secondsAgo(gone, cfg.tokenTtlSeconds + 5 * 60) // its token ran out five minutes ago, unrefreshed
        await secondsAgo(agent, cfg.tokenTtlSeconds - 60) // refreshed a minute before its token expires: still here
        expect((await rung()).identities).toEqual([identityOf(agent.id)])
      })

      it("rings the registered agents, newest first", async () => {
        const agents = [agent, ...(await Promise.all(Array.from({ length: 11 }, () => newAgent())))]
        for (const [i, a] of agents.entries()) {
          await presence(a, true)
          await secondsAgo(a, 60 * (i + 1)) // agents[0] the newest, agents[11] the oldest
        }
        // The refresh of agents[11]'s token repeats its presence: it is now the newest.
        await presence(agents[11]!, true)
        const expected = [agents[11]!, ...agents.slice(0, 9)].map((a) => identityOf(a.id))
        expect((await rung()).identities).toEqual(expected)
      })

      it("rings only the number's team when the server names one", async () => {
        const otherTeam = await createTeam(backend.db, "Autre équipe")
        const outsider = await newAgent(otherTeam)
        await presence(agent, true)
        await presence(outsider, true)
        const teamed = await buildApp({ db: backend.db, config: testConfig(), logger: false, twilio: { ...cfg, teamId } })
        try {
          expect((await rung(teamed.app)).identities).toEqual([identityOf(agent.id)])
        } finally {
          await teamed.app.close()
        }
        expect((await rung()).identities).toEqual([identityOf(outsider.id), identityOf(agent.id)])
      })
    })

    it("gives no voice token nor presence to another team's agent when the number is one team's", async () => {
      // The token dials out on the server's Twilio account with the number's caller id: that team's, and its bill.
      const outsider = await newAgent(await createTeam(backend.db, "Équipe voisine"))
      const teamed = await buildApp({ db: backend.db, config: testConfig(), logger: false, twilio: { ...cfg, teamId } })
      try {
        const asOutsider = { authorization: `Bearer ${outsider.token}` }
        const token = await teamed.app.inject({ method: "POST", url: "/telephony/twilio/token", headers: asOutsider })
        expect(token.statusCode).toBe(403)
        expect(token.body).not.toMatch(/eyJ/)
        const presence = await teamed.app.inject({ method: "POST", url: "/telephony/twilio/presence", headers: asOutsider, payload: { registered: true } })
        expect(presence.statusCode).toBe(403)
        const own = await teamed.app.inject({ method: "POST", url: "/telephony/twilio/token", headers: { authorization: `Bearer ${agent.token}` } })
        expect(own.statusCode).toBe(200)
      } finally {
        await teamed.app.close()
      }
    })

    it("refuses a presence from anyone not signed in", async () => {
      const res = await built.app.inject({ method: "POST", url: "/telephony/twilio/presence", payload: { registered: true } })
      expect(res.statusCode).toBe(401)
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
}
