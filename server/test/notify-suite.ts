import { createServer, type IncomingMessage, type Server } from "node:http"
import type { AddressInfo } from "node:net"

import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { todayInParis } from "../documents/issue"
import { verify } from "../webhooks/signature"
import { draftDocument, gloves } from "./documents"
import { clientId, type TestServer } from "./harness"
import { readPokes } from "./processes"
import { callLog, customer, putRow } from "./rows"
import { giveSeller } from "./seller"

/** What the server tells the outside: the team's webhook and the server-sent pokes (same database as apiSuite). */
export function notifySuite(server: () => TestServer): void {
  let s: TestServer
  beforeAll(() => {
    s = server()
  })

  describe("outgoing webhook", () => {
    let receiver: Server
    let url: string
    const received: { body: string; signature: string | undefined; event: string | undefined; status: number }[] = []
    let failuresLeft = 2

    beforeAll(async () => {
      receiver = createServer((req: IncomingMessage, res) => {
        let body = ""
        req.on("data", (c: Buffer) => (body += c.toString("utf8")))
        req.on("end", () => {
          const status = failuresLeft-- > 0 ? 500 : 200
          received.push({ body, signature: req.headers["x-comptoir-signature"] as string | undefined, event: req.headers["x-comptoir-event"] as string | undefined, status })
          res.writeHead(status).end()
        })
      })
      await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r))
      url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`
    })
    afterAll(() => new Promise<void>((r) => receiver.close(() => r())))

    it("posts each new call log signed, retries with backoff until accepted, and logs every attempt", async () => {
      const t = await s.team("hook")
      const set = await s.request("PUT", "/admin/webhook", t.admin.token, { url })
      expect(set).toMatchObject({ status: 200, body: { url, enabled: true, secret: expect.any(String) } })
      const secret = set.body.secret as string
      expect((await s.request("GET", "/admin/webhook", t.admin.token)).body).not.toHaveProperty("secret")

      await s.push(t.agent.token, clientId(), [putRow(1, "customers", "k", customer("k")), putRow(2, "callLogs", "call-hook", callLog("call-hook"))])
      const deadline = Date.now() + 10_000
      let deliveries: { status: string; attempts: number; log: { statusCode: number | null }[] }[] = []
      while (Date.now() < deadline) {
        deliveries = (await s.request("GET", "/admin/webhook/deliveries", t.admin.token)).body.deliveries as typeof deliveries
        if (deliveries[0]?.status === "delivered") break
        await new Promise((r) => setTimeout(r, 50))
      }
      expect(deliveries).toHaveLength(1)
      expect(deliveries[0]).toMatchObject({ status: "delivered", attempts: 3, log: [{ statusCode: 500 }, { statusCode: 500 }, { statusCode: 200 }] })
      expect(received.map((r) => r.status)).toEqual([500, 500, 200])
      // Same bytes, same signature on every try, and the signature checks out with the team's secret.
      expect(new Set(received.map((r) => r.body)).size).toBe(1)
      for (const r of received) expect(verify(secret, r.body, r.signature)).toBe(true)
      expect(verify("another secret!!", received[0]!.body, received[0]!.signature)).toBe(false)
      expect(JSON.parse(received[0]!.body)).toMatchObject({ event: "callLog.created", teamId: t.id, table: "callLogs", key: "call-hook", data: { outcome: "information-given" } })
    })

    it("carries a correction to the team and the webhook as a new call log naming the one it corrects", async () => {
      const t = await s.team("hook-fix")
      await s.request("PUT", "/admin/webhook", t.admin.token, { url })
      failuresLeft = 0
      const fix = { ...callLog("call-fix", "call-back"), callbackAt: 1_790_100_000_000, correctsId: "call-first", notes: "Rappeler jeudi" }
      await s.push(t.agent.token, clientId(), [putRow(1, "callLogs", "call-first", callLog("call-first")), putRow(2, "callLogs", "call-fix", fix)])
      const deadline = Date.now() + 10_000
      const bodyOf = (key: string) => received.map((r) => JSON.parse(r.body) as { key: string; data: Record<string, unknown> }).find((b) => b.key === key)
      while (Date.now() < deadline && !bodyOf("call-fix")) await new Promise((r) => setTimeout(r, 50))
      expect(bodyOf("call-fix")).toMatchObject({ event: "callLog.created", data: { correctsId: "call-first", outcome: "call-back", callbackAt: 1_790_100_000_000 } })
      // Both stay on the server (append-only): the other devices show the correction in place of the first.
      const rows = (await s.pull(t.agent2.token)).rows.filter((r) => r.table === "callLogs")
      expect(rows.map((r) => [r.key, r.data?.correctsId ?? null]).sort()).toEqual([
        ["call-first", null],
        ["call-fix", "call-first"]
      ])
    })

    // An accounting tool undoes a payment on its side from one event, as Stripe and Odoo send one: not from a
    // `payment.created` of a negative amount it would book as a refund.
    it("posts a payment cancelled as payment.cancelled, with the payment as recorded, its invoice and customer, why, by whom and when", async () => {
      const t = await s.team("hook-cancel")
      await s.request("PUT", "/admin/webhook", t.admin.token, { url })
      failuresLeft = 0
      await giveSeller(s, t.admin)
      const client = customer("c-hook", { code: "DUPONT-01" })
      expect((await s.push(t.admin.token, clientId(), [putRow(1, "customers", "c-hook", client)])).conflicts).toEqual([])
      const draft = draftDocument("invoice", "i-hook", "c-hook", [gloves("l1", 1000, 10_000)])
      const created = await s.push(t.agent.token, clientId(), [putRow(1, "invoices", "i-hook", draft, { baseVersion: 0 })])
      expect((await s.push(t.agent.token, clientId(), [putRow(1, "invoices", "i-hook", { status: "issued" }, { baseVersion: created.version })])).conflicts).toEqual([])
      const payment = { id: "p-hook", invoiceId: "i-hook", customerId: "c-hook", date: todayInParis(), amountCents: 11_560, method: "transfer", reference: "VIR 0412", createdAt: Date.now(), recordedBy: t.agent.email }
      const cancellation = { ...payment, id: "x-hook", amountCents: -11_560, createdAt: Date.now() + 1, cancels: "p-hook", cancelReason: "Montant mal saisi : 1 156,00 € et non 115,60 €" }
      expect((await s.push(t.agent.token, clientId(), [putRow(1, "payments", "p-hook", payment)])).conflicts).toEqual([])
      expect((await s.push(t.agent.token, clientId(), [putRow(1, "payments", "x-hook", cancellation)])).conflicts).toEqual([])

      const deadline = Date.now() + 10_000
      const deliveryOf = (key: string) => received.find((r) => (JSON.parse(r.body) as { key: string }).key === key)
      while (Date.now() < deadline && !(deliveryOf("p-hook") && deliveryOf("x-hook"))) await new Promise((r) => setTimeout(r, 50))
      expect(deliveryOf("p-hook")?.event).toBe("payment.created")
      expect(deliveryOf("x-hook")?.event).toBe("payment.cancelled")
      const body = JSON.parse(deliveryOf("x-hook")!.body) as Record<string, unknown>
      const invoiceNumber = (await s.pull(t.agent.token)).rows.find((r) => r.key === "i-hook")!.data!.number
      expect(body).toMatchObject({ event: "payment.cancelled", teamId: t.id, table: "payments", key: "x-hook", data: { cancels: "p-hook" } })
      expect(body.cancellation).toEqual({
        paymentId: "p-hook",
        invoiceId: "i-hook",
        invoiceNumber,
        customerId: "c-hook",
        customerCode: "DUPONT-01",
        amountCents: 11_560,
        method: "transfer",
        paymentDate: todayInParis(),
        reason: "Montant mal saisi : 1 156,00 € et non 115,60 €",
        cancelledBy: t.agent.email,
        cancelledAt: body.occurredAt,
        date: todayInParis()
      })
      expect(invoiceNumber).toMatch(/^FAC-\d{4}-\d{5}$/)
    })

    it("keeps webhook settings to admins and refuses a non-http URL", async () => {
      const t = await s.team("hook-auth")
      expect((await s.request("PUT", "/admin/webhook", t.manager.token, { url })).status).toBe(403)
      expect((await s.request("GET", "/admin/webhook/deliveries", t.agent.token)).status).toBe(403)
      expect(await s.request("PUT", "/admin/webhook", t.admin.token, { url: "file:///etc/passwd" })).toMatchObject({ status: 400, body: { message: expect.stringMatching(/http/) } })
    })
  })

  describe("server-sent pokes", () => {
    let base: string
    beforeAll(async () => {
      base = await s.app.listen({ port: 0, host: "127.0.0.1" })
    })

    it("streams the current version, then a poke after each push of the team, with a bearer header", async () => {
      const t = await s.team("sse")
      const other = await s.team("sse-other")
      const res = await fetch(`${base}/sync/events`, { headers: { authorization: `Bearer ${t.agent.token}` } })
      expect(res.headers.get("content-type")).toBe("text/event-stream")
      const stream = readPokes(res)
      // The first event is sent once the stream is subscribed: pushes after it cannot be missed.
      expect(await stream.next()).toBe(0)
      await s.push(other.agent.token, clientId(), [putRow(1, "customers", "o", customer("o"))])
      const pushed = await s.push(t.agent2.token, clientId(), [putRow(1, "customers", "k", customer("k"))])
      expect(await stream.next()).toBe(pushed.version)
      await stream.close()
    })

    it("accepts a one-use ticket for EventSource, and refuses it the second time", async () => {
      const t = await s.team("ticket")
      const { body } = await s.request("POST", "/sync/events/ticket", t.agent.token)
      const ok = await fetch(`${base}/sync/events?ticket=${body.ticket as string}`)
      expect(ok.status).toBe(200)
      await ok.body?.cancel()
      expect((await fetch(`${base}/sync/events?ticket=${body.ticket as string}`)).status).toBe(401)
      expect((await fetch(`${base}/sync/events`)).status).toBe(401)
    })
  })
}
