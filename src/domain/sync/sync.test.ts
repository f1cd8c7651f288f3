import * as z from "zod"
import { describe, expect, it } from "vitest"

import { generateCustomers, generateProducts, toStored } from "../demo/demo-data"
import { mergeMutation, type RowState } from "./merge"
import { checkMutation, decodeCursor, encodeCursor, pushRequestSchema, SCHEMA_VERSION, type Mutation } from "./protocol"
import { Replica } from "./replica"
import { TABLES, type TableDef, type TableRegistry } from "./tables"

const { lookupKeys: _k, ...customer } = toStored(generateCustomers({ count: 1 })[0]!)
const product = generateProducts()[0]!

const quotes: TableDef = {
  rule: {
    kind: "workflow",
    statusField: "status",
    initial: ["draft"],
    transitions: { draft: ["sent", "cancelled"], sent: ["accepted", "rejected", "draft"], accepted: ["ordered"] },
    deletableIn: ["draft"]
  },
  schema: z.object({ id: z.string(), status: z.string(), totalCents: z.number().int() })
}
const registry: TableRegistry = { ...TABLES, quotes }

function put(table: string, key: string, fields: Record<string, unknown>, extra: Partial<Mutation> = {}): Mutation {
  const r = checkMutation(registry, { mid: 1, table, op: "put", key, fields, ...extra })
  if (!r.ok) throw new Error(r.message)
  return r.mutation
}
const del = (table: string, key: string, extra: Partial<Mutation> = {}): Mutation => ({ mid: 1, table, op: "delete", key, ...extra })
const row = (data: Record<string, unknown> | null, version = 3, deleted = false): RowState => ({ version, deleted, data })
const agent = { role: "agent" as const }

describe("last write wins per field", () => {
  it("merges a partial put into the existing record field by field", () => {
    const r = mergeMutation(TABLES.customers, row(customer), put("customers", customer.id, { notes: "rappeler lundi" }), agent)
    expect(r).toMatchObject({ kind: "write", deleted: false, data: { ...customer, notes: "rappeler lundi" } })
  })

  it("lets the later of two concurrent edits win each field, and keeps fields neither touched", () => {
    const a = put("customers", customer.id, { notes: "A", salesRep: "A" })
    const b = put("customers", customer.id, { notes: "B" })
    const afterA = mergeMutation(TABLES.customers, row(customer), a, agent)
    if (afterA.kind !== "write") throw new Error("expected a write")
    const afterB = mergeMutation(TABLES.customers, row(afterA.data), b, agent)
    expect(afterB).toMatchObject({ kind: "write", data: { notes: "B", salesRep: "A", company: customer.company } })
  })

  it("creates a row from a whole record and refuses a partial put on a missing row", () => {
    expect(mergeMutation(TABLES.customers, undefined, put("customers", customer.id, customer), agent)).toMatchObject({ kind: "write" })
    expect(mergeMutation(TABLES.customers, undefined, put("customers", "nope", { notes: "x" }), agent)).toMatchObject({ kind: "conflict", reason: "missing" })
  })

  it("turns a delete into a tombstone and a later whole put into a resurrection", () => {
    expect(mergeMutation(TABLES.customers, row(customer), del("customers", customer.id), agent)).toEqual({ kind: "write", deleted: true, data: null })
    expect(mergeMutation(TABLES.customers, row(null, 4, true), put("customers", customer.id, customer), agent)).toMatchObject({ kind: "write", deleted: false })
    expect(mergeMutation(TABLES.customers, row(null, 4, true), put("customers", customer.id, { notes: "x" }), agent)).toMatchObject({ kind: "conflict", reason: "missing" })
  })

  it("treats deleting a row that does not exist as nothing to do", () => {
    expect(mergeMutation(TABLES.customers, undefined, del("customers", "x"), agent)).toEqual({ kind: "noop" })
  })

  it("keeps the catalog to managers and admins", () => {
    const m = put("products", product.id, product)
    expect(mergeMutation(TABLES.products, undefined, m, agent)).toMatchObject({ kind: "conflict", reason: "forbidden" })
    expect(mergeMutation(TABLES.products, undefined, m, { role: "manager" })).toMatchObject({ kind: "write" })
  })

  it("never deletes a product, even for a manager: documents point at it, it is deactivated instead", () => {
    expect(mergeMutation(TABLES.products, row(product), del("products", product.id), { role: "manager" })).toMatchObject({ kind: "conflict", reason: "forbidden" })
    expect(mergeMutation(TABLES.products, row(product), put("products", product.id, { active: false }), { role: "manager" })).toMatchObject({ kind: "write", data: { ...product, active: false } })
  })

  it("keeps a customer's prices to managers and admins", () => {
    const pricing = { id: "c1", discountBp: 1000, specialPrices: [{ productId: product.id, unitPriceCents: 990 }], updatedAt: 1 }
    expect(mergeMutation(TABLES.customerPrices, undefined, put("customerPrices", "c1", pricing), agent)).toMatchObject({ kind: "conflict", reason: "forbidden" })
    expect(mergeMutation(TABLES.customerPrices, undefined, put("customerPrices", "c1", pricing), { role: "admin" })).toMatchObject({ kind: "write", data: pricing })
    expect(() => put("customerPrices", "c1", { ...pricing, discountBp: 10_001 })).toThrow(/discountBp/)
  })
})

describe("append-only tables", () => {
  const call = { id: "call-1", direction: "outbound", number: null, customerId: null, durationSeconds: 0, agent: "a@example.test", outcome: "information-given", startedAt: 1, createdAt: 2 }

  it("creates a call log once, filling defaults", () => {
    expect(mergeMutation(TABLES.callLogs, undefined, put("callLogs", "call-1", call), agent)).toMatchObject({ kind: "write", data: { ...call, notes: "", direction: "outbound" } })
  })

  it("refuses to change an existing call log", () => {
    expect(mergeMutation(TABLES.callLogs, row(call), put("callLogs", "call-1", { ...call, outcome: "voicemail" }), agent)).toMatchObject({ kind: "conflict", reason: "append-only" })
  })

  it("rejects a delete before it reaches the server state", () => {
    expect(checkMutation(registry, del("callLogs", "call-1"))).toMatchObject({ ok: false, message: expect.stringContaining("append-only") })
  })
})

describe("workflow tables", () => {
  const draft = { id: "q1", status: "draft", totalCents: 100 }

  it("creates only in an initial status, from version 0", () => {
    expect(mergeMutation(quotes, undefined, put("quotes", "q1", draft, { baseVersion: 0 }), agent)).toMatchObject({ kind: "write" })
    expect(mergeMutation(quotes, undefined, put("quotes", "q1", { ...draft, status: "accepted" }, { baseVersion: 0 }), agent)).toMatchObject({ kind: "conflict", reason: "illegal-transition" })
  })

  it("allows a listed transition made on the current version", () => {
    expect(mergeMutation(quotes, row(draft, 7), put("quotes", "q1", { status: "sent" }, { baseVersion: 7 }), agent)).toMatchObject({ kind: "write", data: { status: "sent", totalCents: 100 } })
  })

  it("reports a stale base version as a conflict", () => {
    expect(mergeMutation(quotes, row(draft, 8), put("quotes", "q1", { status: "sent" }, { baseVersion: 7 }), agent)).toMatchObject({ kind: "conflict", reason: "stale" })
  })

  it("reports a transition the map does not list as a conflict", () => {
    expect(mergeMutation(quotes, row(draft, 7), put("quotes", "q1", { status: "ordered" }, { baseVersion: 7 }), agent)).toMatchObject({ kind: "conflict", reason: "illegal-transition" })
  })

  it("deletes only in a deletable status", () => {
    expect(mergeMutation(quotes, row(draft, 7), del("quotes", "q1", { baseVersion: 7 }), agent)).toMatchObject({ kind: "write", deleted: true })
    expect(mergeMutation(quotes, row({ ...draft, status: "sent" }, 7), del("quotes", "q1", { baseVersion: 7 }), agent)).toMatchObject({ kind: "conflict", reason: "illegal-transition" })
  })

  it("requires a base version on every write", () => {
    expect(checkMutation(registry, { mid: 1, table: "quotes", op: "put", key: "q1", fields: draft })).toMatchObject({ ok: false, path: ["baseVersion"] })
  })
})

describe("push request checks", () => {
  const schema = pushRequestSchema(TABLES)
  const body = (mutations: unknown[]) => ({ clientId: "client-0001", schemaVersion: SCHEMA_VERSION, mutations })

  it("names an unknown table and the known ones", () => {
    const r = schema.safeParse(body([{ mid: 1, table: "invoicez", op: "put", key: "k", fields: {} }]))
    expect(r.success).toBe(false)
    expect(r.error?.issues[0]?.message).toMatch(/unknown table "invoicez".*customers/)
  })

  it("names a mistyped field with its table", () => {
    const r = schema.safeParse(body([{ mid: 1, table: "customers", op: "put", key: "k", fields: { creditLimitCents: "lots" } }]))
    expect(r.error?.issues[0]?.message).toMatch(/^customers\.creditLimitCents: /)
  })

  it("refuses fields the schema does not know, and an id that differs from the key", () => {
    expect(schema.safeParse(body([{ mid: 1, table: "customers", op: "put", key: "k", fields: { favouriteColour: "red" } }])).error?.issues[0]?.message).toMatch(/unknown field "favouriteColour"/)
    expect(schema.safeParse(body([{ mid: 1, table: "customers", op: "put", key: "k", fields: { id: "other" } }])).error?.issues[0]?.message).toMatch(/differs from key/)
  })

  it("refuses mutation ids that do not increase", () => {
    const r = schema.safeParse(body([put("customers", "a", { notes: "" }), { ...put("customers", "b", { notes: "" }), mid: 1 }]))
    expect(r.error?.issues[0]?.message).toMatch(/must increase/)
  })

  it("normalises fields the way the record schema does", () => {
    const contact = { id: "c1", emails: ["Jean.DUPONT@Example.fr"] }
    const r = schema.parse(body([{ mid: 1, table: "customers", op: "put", key: "k", fields: { contacts: [contact] } }]))
    expect(r.mutations[0]?.fields?.contacts).toEqual([{ id: "c1", firstName: "", lastName: "", role: "", phones: [], emails: ["jean.dupont@example.fr"] }])
  })
})

describe("cursor", () => {
  it("round-trips version, table and a key with any printable characters", () => {
    const c = { version: 123_456_789_012, table: "customers", key: "démo/ключ\"1", horizon: 7 }
    expect(decodeCursor(encodeCursor(c))).toEqual(c)
  })

  it("carries the head a pull from the start began at, and reads cursors written without it", () => {
    const first = { version: 5, table: "customers", key: "k", horizon: 0, firstPullHead: 42 }
    expect(decodeCursor(encodeCursor(first))).toEqual(first)
    expect(decodeCursor(btoa('[5,"customers","k",0]'))).toEqual({ version: 5, table: "customers", key: "k", horizon: 0 })
    expect(() => decodeCursor(btoa('[5,"customers","k",0,-1]'))).toThrow(/malformed cursor/)
  })

  it("reads the empty cursor as the start and refuses anything else it did not issue", () => {
    expect(decodeCursor("")).toBeNull()
    for (const bad of ["zzz", "!!", encodeCursor({ version: 1, table: "t", key: "k", horizon: 0 }).slice(0, -3), btoa('[-1,"t","k",0]'), btoa('[1,"t","k"]')]) {
      expect(() => decodeCursor(bad), bad).toThrow(/malformed cursor/)
    }
  })
})

describe("replica", () => {
  it("shows pending changes over the pulled rows and drops them once a final pull includes them", () => {
    const r = new Replica(TABLES)
    r.onPulled({ rows: [{ table: "customers", key: customer.id, version: 2, deleted: false, data: customer }], cursor: "c1", hasMore: false, version: 2 })
    const m = r.mutate("customers", "put", customer.id, { notes: "local" })
    expect(m).toMatchObject({ mid: 1, baseVersion: 2 })
    expect([...r.view().values()][0]?.data.notes).toBe("local")
    r.onPushed({ lastMutationId: 1 })
    expect(r.pending()).toEqual([])
    expect([...r.view().values()][0]?.data.notes).toBe("local")
    r.onPulled({ rows: [{ table: "customers", key: customer.id, version: 3, deleted: false, data: { ...customer, notes: "local" } }], cursor: "c2", hasMore: false, lastMutationId: 1, version: 3 })
    expect(r.state.outbox).toEqual([])
  })

  it("drops everything pulled when the server asks for a reset", () => {
    const r = new Replica(TABLES)
    r.onPulled({ rows: [{ table: "customers", key: customer.id, version: 2, deleted: false, data: customer }], cursor: "c1", hasMore: false, version: 2 })
    r.onPulled({ rows: [], cursor: "", hasMore: true, resetRequired: true, version: 9 })
    expect(r.state.base.size).toBe(0)
    expect(r.state.cursor).toBe("")
  })
})
