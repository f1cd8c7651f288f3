import { createServer, type Server, type ServerResponse } from "node:http"
import type { AddressInfo } from "node:net"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { SCHEMA_VERSION } from "../src/domain/sync/protocol"
import { clientId, skipPostgres, TestServer, type BackendName, type TestTeam } from "./test/harness"
import { checkWebhookTarget, postWebhook, privateAddressReason, type ResolveAll } from "./webhooks/target-guard"

/** A local HTTP receiver that counts what reaches it and answers `answer`. */
async function receiver(answer: (res: ServerResponse) => void = (res) => res.writeHead(204).end()) {
  const hits: string[] = []
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`)
    req.resume()
    answer(res)
  })
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok))
  const port = (server.address() as AddressInfo).port
  return { hits, port, url: `http://127.0.0.1:${port}/hook`, close: () => new Promise<void>((ok) => server.close(() => ok())) }
}

describe("webhook target addresses", () => {
  const refused = [
    "127.0.0.1",
    "127.8.9.10",
    "10.1.2.3",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.1.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.1",
    "239.255.255.250",
    "255.255.255.255",
    "::1",
    "::",
    "fe80::1",
    "fe80::1%eth0",
    "fc00::1",
    "fd12:3456:789a::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "::ffff:10.0.0.1",
    "64:ff9b::a00:1",
    "2002:c0a8:101::1"
  ]
  it.each(refused)("refuses %s", (address) => {
    expect(privateAddressReason(address)).toMatch(/loopback|private|link-local|multicast|unspecified|reserved|carries/)
  })

  it.each(["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "2a00:1450:4007:80e::200e", "::ffff:8.8.8.8"])("accepts the public address %s", (address) => {
    expect(privateAddressReason(address)).toBeNull()
  })

  it("refuses to post to a loopback address or to a name that resolves to one, before connecting", async () => {
    const r = await receiver()
    try {
      await expect(postWebhook(r.url, {}, "{}", { timeoutMs: 2000, allowPrivate: false })).rejects.toThrow(/refused: 127\.0\.0\.1 is a loopback/)
      await expect(postWebhook(`http://localhost:${r.port}/hook`, {}, "{}", { timeoutMs: 2000, allowPrivate: false })).rejects.toThrow(/refused: localhost resolves to .*loopback/)
      // …without saying which address the name resolved to.
      await expect(postWebhook(`http://localhost:${r.port}/hook`, {}, "{}", { timeoutMs: 2000, allowPrivate: false })).rejects.not.toThrow(/127\.0\.0\.1|::1/)
      await expect(postWebhook(`http://[::ffff:127.0.0.1]:${r.port}/hook`, {}, "{}", { timeoutMs: 2000, allowPrivate: false })).rejects.toThrow(/refused/)
      // The same receiver is reachable when allowed: the refusals above were the guard, not a dead port.
      expect(await postWebhook(r.url, {}, "{}", { timeoutMs: 2000, allowPrivate: true })).toEqual({ statusCode: 204 })
      expect(r.hits).toEqual(["POST /hook"])
    } finally {
      await r.close()
    }
  })

  it("refuses at delivery a name that resolved to a public address when it was set and to a private one now (DNS rebinding), without naming that address", async () => {
    const r = await receiver()
    try {
      const asked: string[] = []
      // A rebinding DNS: public when the admin sets the URL, then loopback, or public and private mixed.
      const answers = [[{ address: "93.184.216.34", family: 4 }], [{ address: "127.0.0.1", family: 4 }], [{ address: "93.184.216.34", family: 4 }, { address: "10.0.0.5", family: 4 }]]
      const rebinding: ResolveAll = async (host) => answers[asked.push(host) - 1] ?? []
      const url = `http://hooks.example.test:${r.port}/hook`
      await expect(checkWebhookTarget(url, false, rebinding)).resolves.toBeUndefined()
      for (let attempt = 0; attempt < 2; attempt++) {
        const sent = postWebhook(url, {}, "{}", { timeoutMs: 2000, allowPrivate: false, resolveAll: rebinding })
        await expect(sent).rejects.toThrow(/^refused: hooks\.example\.test resolves to a non-public address/)
        await expect(sent).rejects.not.toThrow(/127\.0\.0\.1|10\.0\.0\.5/)
      }
      // One resolution per connection, checked before it connects: nothing reached the receiver.
      expect(asked).toEqual(["hooks.example.test", "hooks.example.test", "hooks.example.test"])
      expect(r.hits).toEqual([])
    } finally {
      await r.close()
    }
  })

  it("never follows a redirect", async () => {
    const target = await receiver()
    const redirecting = await receiver((res) => res.writeHead(307, { location: target.url }).end())
    try {
      expect(await postWebhook(redirecting.url, {}, "{}", { timeoutMs: 2000, allowPrivate: true })).toEqual({ statusCode: 307 })
      expect(redirecting.hits).toEqual(["POST /hook"])
      expect(target.hits).toEqual([])
    } finally {
      await target.close()
      await redirecting.close()
    }
  })
})

for (const backend of ["pglite", "postgres"] as BackendName[]) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`webhook targets on a server that refuses private addresses (${backend})`, () => {
    let s: TestServer
    let team: TestTeam
    beforeAll(async () => {
      s = await TestServer.start(backend, { config: { webhookAllowPrivate: false } })
      team = await s.team("webhook-guard")
    }, 120_000)
    afterAll(async () => {
      await s?.close()
    })

    it.each(["http://127.0.0.1:9/hook", "http://localhost/hook", "http://[::1]/hook", "http://169.254.169.254/latest/meta-data", "http://10.0.0.5/hook", "http://[fd00::5]/hook", "http://[::ffff:192.168.0.1]/hook", "http://0.0.0.0/"])(
      "refuses %s when an admin sets it, with a clear error",
      async (url) => {
        const res = await s.request("PUT", "/admin/webhook", team.admin.token, { url })
        expect(res).toMatchObject({ status: 400, body: { error: "webhook-target-refused", message: expect.stringMatching(/public address.*WEBHOOK_ALLOW_PRIVATE=1/) } })
        expect((await s.request("GET", "/admin/webhook", team.admin.token)).status).toBe(404)
      }
    )

    it("accepts a public address", async () => {
      const res = await s.request("PUT", "/admin/webhook", team.admin.token, { url: "https://93.184.216.34/hook", enabled: false })
      expect(res).toMatchObject({ status: 200, body: { url: "https://93.184.216.34/hook" } })
    })

    it("refuses at delivery a URL that reached the database another way, logs why, and sends nothing", async () => {
      const r = await receiver()
      try {
        // Set before the rule existed, or by SQL: the worker checks again on every attempt.
        await s.db.query("INSERT INTO webhooks (team_id, url, secret, enabled) VALUES ($1, $2, 'a-secret-of-sixteen+', true) ON CONFLICT (team_id) DO UPDATE SET url = EXCLUDED.url, enabled = true", [
          team.id,
          `http://localhost:${r.port}/hook`
        ])
        const push = await s.request("POST", "/sync/push", team.agent.token, {
          clientId: clientId(),
          schemaVersion: SCHEMA_VERSION,
          mutations: [{ mid: 1, table: "callLogs", op: "put", key: "guarded", fields: { id: "guarded", direction: "outbound", number: null, customerId: null, durationSeconds: 0, agent: "a@example.test", outcome: "information-given", startedAt: 1, createdAt: 2 } }]
        })
        expect(push.status).toBe(200)
        let log: { error: string | null; statusCode: number | null }[] = []
        await expect
          .poll(
            async () => {
              const res = await s.request("GET", "/admin/webhook/deliveries", team.admin.token)
              log = (res.body.deliveries as { log: typeof log }[])[0]?.log ?? []
              return log.length
            },
            { timeout: 15_000 }
          )
          .toBeGreaterThan(0)
        expect(log[0]).toMatchObject({ statusCode: null, error: expect.stringMatching(/refused: localhost resolves to .*loopback/) })
        expect(r.hits).toEqual([])
      } finally {
        await r.close()
      }
    })
  })
}
