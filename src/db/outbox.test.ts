import "fake-indexeddb/auto"

import Dexie from "dexie"
import { describe, expect, it } from "vitest"

import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"

import { CustomerRepository } from "./customer-repository"
import { ComptoirDb } from "./database"
import { applyRemote, OUTBOX_PACK, type OutboxChange } from "./outbox"

let n = 0
/** A base signed in to a team: only then are local writes recorded for sync. */
async function freshDb(): Promise<ComptoirDb> {
  const db = new ComptoirDb(`outbox-test-${++n}`)
  await db.syncState.put({ id: "state", clientId: "cpt-test", boundTo: "http://server|team", cursor: "", nextMid: 1, lastMutationId: 0, pulledVersion: 0, lastSyncedAt: null, lastError: null, failures: 0, nextAttemptAt: 0, schemaVersion: 1 })
  return db
}
/** Every pending change, oldest first, across the packed records. */
async function changes(db: ComptoirDb): Promise<OutboxChange[]> {
  return (await db.outbox.orderBy("seq").toArray()).flatMap((e) => e.changes)
}
const demo = (count: number, seed = 1): Customer[] => generateCustomers({ count, seed }).map(({ writtenPhones: _w, ...c }) => c)
const product = (i: number): Product => ({
  id: `p-${i}`,
  ref: `REF-${i}`,
  nameFr: `Produit ${i}`,
  nameEn: `Product ${i}`,
  unit: "u",
  unitPriceCents: 100 * i,
  vatRateBp: 2000,
  createdAt: 1,
  updatedAt: 1
})

describe("the outbox middleware", () => {
  it("records nothing before the base is signed in to a team", async () => {
    const db = new ComptoirDb(`outbox-test-${++n}`)
    await new CustomerRepository(db).upsert(demo(20))
    expect(await db.outbox.count()).toBe(0)
  })

  it("records one whole-record change per imported customer, packed a few hundred to a record", async () => {
    const db = await freshDb()
    const customers = demo(1_300)
    await new CustomerRepository(db).upsert(customers)
    const all = await changes(db)
    expect(all).toHaveLength(1_300)
    expect(new Set(all.map((e) => e.key))).toEqual(new Set(customers.map((c) => c.id)))
    const one = all.find((e) => e.key === customers[5]!.id)!
    expect(one).toMatchObject({ table: "customers", op: "put" })
    expect(one.fields).toEqual(customers[5])
    const records = await db.outbox.toArray()
    expect(records.length).toBeLessThan(20)
    expect(records.every((r) => r.n === r.changes.length && r.n <= OUTBOX_PACK && r.mid === undefined)).toBe(true)
  })

  it("never stores the changes the repository hands the middleware, signed in or not", async () => {
    for (const db of [await freshDb(), new ComptoirDb(`outbox-test-${++n}`)]) {
      const repo = new CustomerRepository(db)
      const customers = demo(30)
      await repo.upsert(customers)
      await repo.remove([customers[0]!.id])
      const stored = await db.customerSegments.toArray()
      expect(stored.length).toBeGreaterThan(0)
      expect(stored.every((s) => !("changes" in s))).toBe(true)
    }
  })

  it("records the same changes from the repository's hints as from diffing the stored segments", async () => {
    const viaHints = await freshDb()
    const viaDiff = await freshDb()
    const customers = demo(40)
    await new CustomerRepository(viaHints).upsert(customers)
    await new CustomerRepository(viaDiff).upsert(customers)
    const edited = { ...customers[4]!, notes: "client fidèle", city: "Nantes" }
    await viaHints.outbox.clear()
    await viaDiff.outbox.clear()
    await new CustomerRepository(viaHints).upsert([edited])
    // Written straight to the table: no hints, the middleware diffs the segment it replaces.
    const seg = (await viaDiff.customerSegments.toArray()).find((s) => s.json.includes(edited.id))!
    const list = (JSON.parse(seg.json) as Customer[]).map((c) => (c.id === edited.id ? edited : c))
    await viaDiff.customerSegments.put({ ...seg, json: JSON.stringify(list) })
    expect(await changes(viaHints)).toEqual(await changes(viaDiff))
    expect(await changes(viaHints)).toEqual([{ table: "customers", op: "put", key: edited.id, fields: { notes: "client fidèle", city: "Nantes" } }])
  })

  it("records nothing when the transaction of the write aborts", async () => {
    const db = await freshDb()
    const repo = new CustomerRepository(db)
    await expect(
      db.transaction("rw", [db.customerSegments, db.lookupBuckets, db.meta], async () => {
        await repo.upsert(demo(40))
        throw new Error("abort on purpose")
      })
    ).rejects.toThrow("abort on purpose")
    expect(await db.outbox.count()).toBe(0)
    expect(await repo.count()).toBe(0)
  })

  it("records an edit of one field as an entry holding only that field", async () => {
    const db = await freshDb()
    const repo = new CustomerRepository(db)
    const customers = demo(20)
    await repo.upsert(customers)
    await db.outbox.clear()
    await repo.put({ ...customers[3]!, notes: "rappeler lundi" })
    expect(await changes(db)).toEqual([{ table: "customers", op: "put", key: customers[3]!.id, fields: { notes: "rappeler lundi" } }])
  })

  it("records nothing for a write that changes nothing", async () => {
    const db = await freshDb()
    const repo = new CustomerRepository(db)
    const customers = demo(10)
    await repo.upsert(customers)
    await db.outbox.clear()
    await repo.upsert(customers)
    expect(await db.outbox.count()).toBe(0)
  })

  it("records a removed customer as a delete", async () => {
    const db = await freshDb()
    const repo = new CustomerRepository(db)
    const customers = demo(10)
    await repo.upsert(customers)
    await db.outbox.clear()
    await repo.remove([customers[2]!.id])
    expect(await changes(db)).toEqual([{ table: "customers", op: "delete", key: customers[2]!.id }])
    expect(await repo.count()).toBe(9)
    expect(await repo.findExact({ phones: [], emails: [], codes: [customers[2]!.code] })).toEqual([])
  })

  it("records products one entry per record, per changed field, and deletes", async () => {
    const db = await freshDb()
    await db.products.bulkPut([product(1), product(2)])
    await db.products.put({ ...product(1), unitPriceCents: 999 })
    await db.products.delete("p-2")
    const entries = await changes(db)
    expect(entries.map((e) => [e.op, e.key, e.fields && Object.keys(e.fields).length])).toEqual([
      ["put", "p-1", 9],
      ["put", "p-2", 9],
      ["put", "p-1", 1],
      ["delete", "p-2", undefined]
    ])
    expect(entries[2]!.fields).toEqual({ unitPriceCents: 999 })
  })

  it("records nothing for changes applied from the server", async () => {
    const db = await freshDb()
    const repo = new CustomerRepository(db)
    const customers = demo(50)
    await applyRemote(db, ["customerSegments", "lookupBuckets", "meta", "products"], async () => {
      await repo.upsert(customers)
      await repo.remove([customers[0]!.id])
      await db.products.bulkPut([product(1)])
      await db.products.delete("p-1")
    })
    expect(await db.outbox.count()).toBe(0)
    expect(await repo.count()).toBe(49)
    // …and the next local write is recorded again: the mark belongs to that one transaction only.
    await repo.put({ ...customers[1]!, notes: "local" })
    expect(await db.outbox.count()).toBe(1)
  })
})

describe("the outbox written by an earlier version of the extension", () => {
  it("is kept across the upgrade to packed records, each change once with its mid", async () => {
    const name = `outbox-test-${++n}`
    // The database as version 2 of the schema left it: one change per record, some already numbered.
    const old = new Dexie(name)
    old.version(1).stores({ customerSegments: "id", lookupBuckets: "id", products: "id, &ref", recentCustomers: "customerId, openedAt", meta: "key" })
    old.version(2).stores({ outbox: "++seq, mid, [table+key]", syncState: "id", conflicts: "++id" })
    await old.table("outbox").bulkAdd([
      { mid: 7, table: "customers", op: "put", key: "c1", fields: { notes: "a" }, createdAt: 1 },
      { table: "products", op: "delete", key: "p1", createdAt: 2 }
    ])
    old.close()
    const db = new ComptoirDb(name)
    const records = await db.outbox.orderBy("seq").toArray()
    expect(records).toEqual([
      { seq: 1, mid: 7, n: 1, changes: [{ table: "customers", op: "put", key: "c1", fields: { notes: "a" } }], createdAt: 1 },
      { seq: 2, n: 1, changes: [{ table: "products", op: "delete", key: "p1" }], createdAt: 2 }
    ])
  })
})
