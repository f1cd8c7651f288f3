import { describe, expect, it } from "vitest"

import { canRestore, differenceText, refusedChangeView, type RefusedChangeRecord } from "./refused-change"

const base = { company: "Quincaillerie Morel", code: "C-00042", city: "Lyon", notes: "", updatedAt: 2, createdAt: 1, id: "c1" }

describe("a refused change as the options page shows it", () => {
  it("names the customer and lists only the fields that differ from the team's, bookkeeping left out", () => {
    const c: RefusedChangeRecord = {
      id: 7,
      mid: 3,
      table: "customers",
      key: "c1",
      reason: "invalid",
      message: "city too long",
      at: 10,
      serverRow: { table: "customers", key: "c1", version: 4, deleted: false, data: { ...base, updatedAt: 9 } },
      mine: { ...base, city: "Villeurbanne", notes: "rappeler lundi", updatedAt: 5 }
    }
    const v = refusedChangeView(c)
    expect(v).toMatchObject({ id: 7, label: "Quincaillerie Morel (C-00042)", goneOnTeam: false, canRestore: false })
    expect(v.differences).toEqual([
      { field: "city", mine: "Villeurbanne", team: "Lyon" },
      { field: "notes", mine: "rappeler lundi", team: "—" }
    ])
  })

  it("offers to send a customer again when the team removed it meanwhile", () => {
    const c: RefusedChangeRecord = { id: 1, mid: 1, table: "customers", key: "c1", reason: "missing", message: "customers/c1 does not exist", at: 1, serverRow: null, mine: base }
    const v = refusedChangeView(c)
    expect(v.goneOnTeam).toBe(true)
    expect(v.canRestore).toBe(true)
    expect(v.differences.map((d) => d.field)).toEqual(["city", "code", "company"])
  })

  it("never offers to send again what the user's role may not write, nor a change without its record", () => {
    expect(canRestore({ table: "products", reason: "forbidden", mine: { ref: "GANT-01" } })).toBe(false)
    expect(canRestore({ table: "customers", reason: "missing", mine: null })).toBe(false)
    expect(canRestore({ table: "callLogs", reason: "missing", mine: { id: "x" } })).toBe(false)
  })

  it("shortens long values and falls back to the table and key when the record is unknown", () => {
    const long = "x".repeat(500)
    const v = refusedChangeView({ id: 2, mid: 2, table: "products", key: "p9", reason: "forbidden", message: "no", at: 1, serverRow: null, mine: { ref: "R1", nameFr: long } })
    expect(v.label.length).toBeLessThan(520)
    expect(v.differences.find((d) => d.field === "nameFr")!.mine.length).toBe(160)
    expect(refusedChangeView({ id: 3, mid: 3, table: "products", key: "p9", reason: "forbidden", message: "no", at: 1, serverRow: null }).label).toBe("products/p9")
  })

  it("shows amounts and rates as typed in an import, and lists as words", () => {
    const v = refusedChangeView({
      id: 4,
      mid: 4,
      table: "products",
      key: "p1",
      reason: "forbidden",
      message: "no",
      at: 1,
      serverRow: null,
      mine: { ref: "R1", unitPriceCents: 450, vatRateBp: 550, tags: ["vip", "btp"] }
    })
    expect(v.differences).toEqual([
      { field: "ref", mine: "R1", team: "—" },
      { field: "tags", mine: "vip, btp", team: "—" },
      { field: "unitPriceCents", mine: "4.50", team: "—", numbers: { unit: "cents", mine: 450, team: null } },
      { field: "vatRateBp", mine: "5.5%", team: "—", numbers: { unit: "bp", mine: 550, team: null } }
    ])
  })

  it("says rates and amounts in the interface's language when shown, a missing value kept as a dash", () => {
    const rate = { field: "vatRateBp", mine: "5.5%", team: "—", numbers: { unit: "bp" as const, mine: 550, team: null } }
    expect(differenceText(rate, "en")).toEqual({ mine: "5.5%", team: "—" })
    expect(differenceText(rate, "fr")).toEqual({ mine: "5,5\u00a0%", team: "—" })
    expect(differenceText({ field: "unitPriceCents", mine: "1234.50", team: "4.50", numbers: { unit: "cents", mine: 123450, team: 450 } }, "fr")).toEqual({ mine: "1\u00a0234,50", team: "4,50" })
    expect(differenceText({ field: "city", mine: "Lyon", team: "—" }, "fr")).toEqual({ mine: "Lyon", team: "—" })
  })
})
