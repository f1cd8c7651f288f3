import { afterAll, beforeAll, describe, expect, it } from "vitest"

import { generateProducts } from "../../src/domain/demo/demo-data"
import { computeTotals } from "../../src/domain/documents/totals"
import { SCHEMA_VERSION } from "../../src/domain/sync/protocol"
import { seedDemo } from "../seed-demo"
import { clientId, Devices, skipPostgres, TestServer, type TestTeam, type TestUser } from "../test/harness"
import { todayInParis } from "../documents/issue"

/** The catalog and the customers' prices on the server (issue #10): managers write them, agents read them. */
for (const backend of ["pglite", "postgres"] as const) {
  describe.skipIf(backend === "postgres" && skipPostgres)(`the catalog on the server (${backend})`, () => {
    let server: TestServer
    let team: TestTeam
    const devices = new Devices(() => server)
    beforeAll(async () => {
      server = await TestServer.start(backend)
      team = await server.team("catalog")
    }, 90_000)
    afterAll(async () => server?.close())

    /** One push of one mutation from this user's device. */
    async function push(user: TestUser, m: { table: string; key: string; op?: "put" | "delete"; fields?: Record<string, unknown>; baseVersion?: number }) {
      return devices.push(user, [{ table: m.table, op: m.op ?? "put", key: m.key, ...(m.fields ? { fields: m.fields } : {}), ...(m.baseVersion === undefined ? {} : { baseVersion: m.baseVersion }) }])
    }
    async function stored(table: string, key: string) {
      const [row] = await server.db.query<{ data: Record<string, unknown> | null; deleted: boolean }>("SELECT data, deleted FROM rows WHERE team_id = $1 AND table_name = $2 AND id = $3", [team.id, table, key])
      return row
    }

    const gloves = { ...generateProducts()[0]!, id: `gloves-${backend}`, ref: "GANT-M" }

    it("lets a manager create a product and change its price; an agent's next pull has the new price", async () => {
      expect((await push(team.manager, { table: "products", key: gloves.id, fields: gloves })).conflicts).toEqual([])
      expect((await push(team.manager, { table: "products", key: gloves.id, fields: { unitPriceCents: 1390, updatedAt: 2 } })).conflicts).toEqual([])
      const pulled = await server.pull(team.agent.token)
      expect(pulled.rows.find((r) => r.table === "products" && r.key === gloves.id)?.data).toMatchObject({ ref: "GANT-M", unitPriceCents: 1390 })
    })

    it("refuses an agent's price change and gives back the manager's price", async () => {
      const r = await push(team.agent, { table: "products", key: gloves.id, fields: { unitPriceCents: 1 } })
      expect(r.conflicts).toMatchObject([{ reason: "forbidden", serverRow: { data: { unitPriceCents: 1390 } } }])
      expect((await stored("products", gloves.id))?.data).toMatchObject({ unitPriceCents: 1390 })
    })

    it("keeps a product a quote uses: a delete is refused even to an admin, deactivating it keeps the row", async () => {
      const lines = [{ id: "l1", productId: gloves.id, ref: gloves.ref, label: gloves.nameFr, unit: gloves.unit, quantityMilli: 2000, unitPriceCents: 1390, discountBp: 0, vatRateBp: 2000 }]
      const { totalExclVatCents, totalVatCents, totalInclVatCents } = computeTotals(lines)
      const quote = { id: `q-${backend}`, type: "quote", status: "draft", customerId: "c1", language: "fr", date: todayInParis(), validUntil: "2099-01-01", paymentTerms: { kind: "net", days: 30 }, lines, totalExclVatCents, totalVatCents, totalInclVatCents, createdAt: 1, updatedAt: 1 }
      expect((await push(team.agent, { table: "quotes", key: quote.id, fields: quote, baseVersion: 0 })).conflicts).toEqual([])

      const deleted = await push(team.admin, { table: "products", key: gloves.id, op: "delete" })
      expect(deleted.conflicts).toMatchObject([{ reason: "forbidden", message: expect.stringMatching(/deactivated, not deleted/) }])
      expect(await stored("products", gloves.id)).toMatchObject({ deleted: false, data: { ref: "GANT-M" } })

      expect((await push(team.manager, { table: "products", key: gloves.id, fields: { active: false } })).conflicts).toEqual([])
      expect(await stored("products", gloves.id)).toMatchObject({ deleted: false, data: { ref: "GANT-M", active: false } })
    })

    /** A push the server refuses as a whole (400), naming the field. */
    async function refusedField(user: TestUser, table: string, key: string, fields: Record<string, unknown>) {
      const res = await server.request("POST", "/sync/push", user.token, { clientId: clientId(), schemaVersion: SCHEMA_VERSION, mutations: [{ mid: 1, table, op: "put", key, fields }] })
      expect(res.status).toBe(400)
      return res.body.field
    }

    it("refuses a VAT exemption mention longer than a line of a document, in French or in English", async () => {
      expect(await refusedField(team.manager, "products", gloves.id, { vatExemption: "x".repeat(301) })).toBe("/mutations/0/fields/vatExemption")
      expect(await refusedField(team.manager, "products", gloves.id, { vatExemptionEn: "x".repeat(301) })).toBe("/mutations/0/fields/vatExemptionEn")
    })

    it("keeps a 0 % product's English exemption mention beside its French one and gives both to the agents; a row without it stays as it was", async () => {
      const training = { ...gloves, id: `training-${backend}`, ref: "FORM-HACCP", vatRateBp: 0, vatExemption: "Exonération de TVA, article 261-4-4° du CGI" }
      expect((await push(team.manager, { table: "products", key: training.id, fields: training })).conflicts).toEqual([])
      // The row written before the English mention existed is read as it is: no field to add, no migration.
      const before = (await server.pull(team.agent.token)).rows.find((r) => r.table === "products" && r.key === training.id)?.data
      expect(before).toMatchObject({ vatExemption: training.vatExemption })
      expect(before).not.toHaveProperty("vatExemptionEn")
      const vatExemptionEn = "VAT exempt: vocational training, article 261-4-4° of the French tax code (CGI)"
      expect((await push(team.manager, { table: "products", key: training.id, fields: { vatExemptionEn, updatedAt: 4 } })).conflicts).toEqual([])
      const pulled = await server.pull(team.agent2.token)
      expect(pulled.rows.find((r) => r.table === "products" && r.key === training.id)?.data).toMatchObject({ vatExemption: training.vatExemption, vatExemptionEn })
      // An agent may not change it.
      expect((await push(team.agent, { table: "products", key: training.id, fields: { vatExemptionEn: "Exempt" } })).conflicts).toMatchObject([{ reason: "forbidden" }])
      expect((await stored("products", training.id))?.data).toMatchObject({ vatExemptionEn })
    })

    it("keeps a customer's prices to managers: an agent's discount is refused, the manager's reaches the agents", async () => {
      const pricing = { id: "c1", discountBp: 1000, specialPrices: [{ productId: gloves.id, unitPriceCents: 990 }], updatedAt: 1 }
      const byAgent = await push(team.agent, { table: "customerPrices", key: "c1", fields: pricing })
      expect(byAgent.conflicts).toMatchObject([{ reason: "forbidden" }])
      expect(await stored("customerPrices", "c1")).toBeUndefined()

      expect((await push(team.manager, { table: "customerPrices", key: "c1", fields: pricing })).conflicts).toEqual([])
      const pulled = await server.pull(team.agent2.token)
      // A row in the shape written before breaks and dates is completed with no dated discounts.
      expect(pulled.rows.find((r) => r.table === "customerPrices" && r.key === "c1")?.data).toEqual({ ...pricing, discounts: [], categoryDiscounts: [] })
    })

    it("refuses a discount over 100 %", async () => {
      expect(await refusedField(team.manager, "customerPrices", "c1", { discountBp: 12_000 })).toBe("/mutations/0/fields/discountBp")
      expect((await stored("customerPrices", "c1"))?.data).toMatchObject({ discountBp: 1000 })
    })

    it("keeps a customer's quantity breaks and dated discounts, and gives them to the agents as stored", async () => {
      const fields = {
        specialPrices: [
          { productId: gloves.id, unitPriceCents: 549 },
          { productId: gloves.id, unitPriceCents: 499, minQuantityMilli: 10_000 }
        ],
        discounts: [{ productId: null, discountBp: 1500, validFrom: "2026-12-01", validTo: "2026-12-31" }],
        updatedAt: 2
      }
      expect((await push(team.manager, { table: "customerPrices", key: "c1", fields })).conflicts).toEqual([])
      const pulled = await server.pull(team.agent2.token)
      expect(pulled.rows.find((r) => r.table === "customerPrices" && r.key === "c1")?.data).toEqual({ id: "c1", discountBp: 1000, categoryDiscounts: [], ...fields })
    })

    it("refuses a promotion that ends before it starts, a negative quantity break, and a date that is not one", async () => {
      const bad = (rule: Record<string, unknown>) => refusedField(team.manager, "customerPrices", "c1", { discounts: [{ productId: null, discountBp: 500, ...rule }] })
      expect(await bad({ validFrom: "2026-12-31", validTo: "2026-12-01" })).toBe("/mutations/0/fields/discounts")
      expect(await bad({ minQuantityMilli: -1000 })).toBe("/mutations/0/fields/discounts")
      expect(await refusedField(team.manager, "customerPrices", "c1", { specialPrices: [{ productId: gloves.id, unitPriceCents: 499, validFrom: "31/12/2026" }] })).toBe("/mutations/0/fields/specialPrices")
      expect((await stored("customerPrices", "c1"))?.data).toMatchObject({ discounts: [{ validTo: "2026-12-31" }] })
    })

    it("keeps a discount on a category of products and a product's category; refuses a category rule without a category or ending before it starts", async () => {
      expect((await push(team.manager, { table: "products", key: gloves.id, fields: { category: "Hygiène", updatedAt: 3 } })).conflicts).toEqual([])
      const categoryDiscounts = [{ category: "Hygiène", discountBp: 1200, minQuantityMilli: 10_000 }]
      expect((await push(team.manager, { table: "customerPrices", key: "c1", fields: { categoryDiscounts, updatedAt: 3 } })).conflicts).toEqual([])
      const pulled = await server.pull(team.agent2.token)
      expect(pulled.rows.find((r) => r.table === "customerPrices" && r.key === "c1")?.data).toMatchObject({ discountBp: 1000, categoryDiscounts })
      expect(pulled.rows.find((r) => r.table === "products" && r.key === gloves.id)?.data).toMatchObject({ category: "Hygiène" })

      const bad = (rule: Record<string, unknown>) => refusedField(team.manager, "customerPrices", "c1", { categoryDiscounts: [{ discountBp: 500, ...rule }] })
      expect(await bad({ category: "" })).toBe("/mutations/0/fields/categoryDiscounts")
      expect(await bad({ category: "   " })).toBe("/mutations/0/fields/categoryDiscounts")
      expect(await bad({})).toBe("/mutations/0/fields/categoryDiscounts")
      expect(await bad({ category: "Hygiène", validFrom: "2026-12-31", validTo: "2026-12-01" })).toBe("/mutations/0/fields/categoryDiscounts")
      expect(await bad({ category: "Hygiène", discountBp: 10_001 })).toBe("/mutations/0/fields/categoryDiscounts")
      expect(await refusedField(team.manager, "products", gloves.id, { category: "x".repeat(61) })).toBe("/mutations/0/fields/category")
      expect((await stored("customerPrices", "c1"))?.data).toMatchObject({ categoryDiscounts })

      // An agent may not give one either.
      expect((await push(team.agent, { table: "customerPrices", key: "c1", fields: { categoryDiscounts: [] } })).conflicts).toMatchObject([{ reason: "forbidden" }])
    })

    it("keeps where a draft quote line's price came from, refusing a source that is not a price", async () => {
      const priceSource = { unitPriceCents: 499, discountBp: 0, source: "special-price", catalogPriceCents: 1390, minQuantityMilli: 10_000 }
      const lines = [{ id: "l1", productId: gloves.id, ref: gloves.ref, label: gloves.nameFr, unit: gloves.unit, quantityMilli: 10_000, unitPriceCents: 499, discountBp: 0, vatRateBp: 2000, priceSource }]
      const { totalExclVatCents, totalVatCents, totalInclVatCents } = computeTotals(lines)
      const quote = { id: `q-break-${backend}`, type: "quote", status: "draft", customerId: "c1", language: "fr", date: todayInParis(), validUntil: "2099-01-01", paymentTerms: { kind: "net", days: 30 }, lines, totalExclVatCents, totalVatCents, totalInclVatCents, createdAt: 1, updatedAt: 1 }
      expect((await push(team.agent, { table: "quotes", key: quote.id, fields: quote, baseVersion: 0 })).conflicts).toEqual([])
      expect((await stored("quotes", quote.id))?.data).toMatchObject({ lines: [{ priceSource }] })
      const wrong = { ...quote, id: `q-wrong-${backend}`, lines: [{ ...lines[0], priceSource: { ...priceSource, unitPriceCents: 4.99 } }] }
      const res = await server.request("POST", "/sync/push", team.agent.token, { clientId: clientId(), schemaVersion: SCHEMA_VERSION, mutations: [{ mid: 1, table: "quotes", op: "put", key: wrong.id, fields: wrong, baseVersion: 0 }] })
      expect(res.status).toBe(400)
    })

    it.runIf(backend === "pglite")("seeds the demo team with a customer on discount and a promotion, and one with special prices and a quantity break", async () => {
      const teamId = (await seedDemo(server.db, { customers: 30 })).teamId
      const rows = await server.db.query<{ data: { discountBp: number; specialPrices: { minQuantityMilli?: number }[]; discounts: { validFrom?: string }[] } }>("SELECT data FROM rows WHERE team_id = $1 AND table_name = 'customerPrices' ORDER BY id", [teamId])
      expect(rows.map((r) => [r.data.discountBp, r.data.specialPrices.length, r.data.discounts.length]).sort()).toEqual([[1000, 0, 1], [500, 3, 0]])
      // One quantity break and one dated promotion.
      expect(rows.flatMap((r) => r.data.specialPrices).filter((s) => s.minQuantityMilli)).toHaveLength(1)
      expect(rows.flatMap((r) => r.data.discounts).filter((d) => d.validFrom)).toHaveLength(1)
    })
  })
}
