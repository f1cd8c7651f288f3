import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import type { Customer, Product } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"

import { CustomerRepository } from "./customer-repository"
import { ComptoirDb } from "./database"
import { applyRemote } from "./outbox"

let n = 0
/** A base signed in to a team: only then are local writes recorded for sync. */
async function freshDb(): Promise<ComptoirDb> {
  const db = new ComptoirDb(`outbox-test-${++n}`)
  await db.syncState.put({ id: "state", clientId: "cpt-test", boundTo: "http://server|team", cursor: "", nextMid: 1, lastMutationId: 0, pulledVersion: 0, lastSyncedAt: null, lastError: null, failures: 0, nextAttemptAt: 0, schemaVersion: 1 })
  return db
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

  it("records one whole-record entry per imported customer", async () => {
    const db = await freshDb()
    const customers = demo(300)
    await new CustomerRepository(db).upsert(customers)
    const entries = await db.outbox.toArray()
    expect(entries).toHaveLength(300)
    expect(new Set(entries.map((e) => e.key))).toEqual(new Set(customers.map((c) => c.id)))
    const one = entries.find((e) => e.key === customers[5]!.id)!
    expect(one).toMatchObject({ table: "customers", op: "put" })
    expect(one.fields).toEqual(customers[5])
    expect(one.mid).toBeUndefined()
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
    const entries = await db.outbox.toArray()
    expect(entries).toEqual([expect.objectContaining({ table: "customers", op: "put", key: customers[3]!.id, fields: { notes: "rappeler lundi" } })])
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
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ table: "customers", op: "delete", key: customers[2]!.id })])
    expect(await repo.count()).toBe(9)
    expect(await repo.findExact({ phones: [], emails: [], codes: [customers[2]!.code] })).toEqual([])
  })

  it("records products one entry per record, per changed field, and deletes", async () => {
    const db = await freshDb()
    await db.products.bulkPut([product(1), product(2)])
    await db.products.put({ ...product(1), unitPriceCents: 999 })
    await db.products.delete("p-2")
    const entries = await db.outbox.orderBy("seq").toArray()
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
