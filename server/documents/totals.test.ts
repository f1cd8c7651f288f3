import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { TestServer, type TestTeam } from "../test/harness"

describe("POST /documents/totals", () => {
  let server: TestServer
  let team: TestTeam
  beforeAll(async () => {
    server = await TestServer.start("pglite")
    team = await server.team()
  }, 60_000)
  afterAll(async () => server.close())

  it("returns the totals the server would issue, VAT per rate on the sum of the nets", async () => {
    const res = await server.request("POST", "/documents/totals", team.agent.token, {
      lines: [
        { quantity: 1, unitPriceCents: 10, discountPercent: 0, vatRate: 5.5 },
        { quantity: 1, unitPriceCents: 10, discountPercent: 0, vatRate: 5.5 },
        { quantity: 1, unitPriceCents: 10, discountPercent: 0, vatRate: 5.5 },
        { quantity: 2.5, unitPriceCents: 333, discountPercent: 12.5, vatRate: 20 }
      ]
    })
    expect(res.status).toBe(200)
    // 2.5 × 3.33 × 0.875 = 7.284375 → 728; 20 % of 728 = 145.6 → 146; 5.5 % of 30 = 1.65 → 2
    expect(res.body).toEqual({
      lineNetCents: [10, 10, 10, 728],
      vatByRate: [
        { vatRate: 20, baseCents: 728, vatCents: 146 },
        { vatRate: 5.5, baseCents: 30, vatCents: 2 }
      ],
      totalExclVatCents: 758,
      totalVatCents: 148,
      totalInclVatCents: 906
    })
  })

  it("refuses a VAT rate France does not have, naming the rates", async () => {
    const res = await server.request("POST", "/documents/totals", team.agent.token, { lines: [{ quantity: 1, unitPriceCents: 100, vatRate: 19.6 }] })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/20, 10, 5.5, 2.1, 0/)
  })

  it("refuses a quantity with more than three decimals rather than rounding it silently", async () => {
    const res = await server.request("POST", "/documents/totals", team.agent.token, { lines: [{ quantity: 1.0005, unitPriceCents: 100, vatRate: 20 }] })
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/lines.0.quantity/)
  })

  it("answers only a signed-in user", async () => {
    const res = await server.request("POST", "/documents/totals", undefined, { lines: [{ quantity: 1, unitPriceCents: 100, vatRate: 20 }] })
    expect(res.status).toBe(401)
  })
})
