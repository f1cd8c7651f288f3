import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import type { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"

import { CustomerRepository } from "./customer-repository"
import { ComptoirDb } from "./database"

let n = 0
const freshRepo = () => new CustomerRepository(new ComptoirDb(`test-${++n}`))
const demo = (count: number, seed = 1): Customer[] => generateCustomers({ count, seed }).map(({ writtenPhones: _w, ...c }) => c)

describe("CustomerRepository", () => {
  it("stores customers and finds each by phone, email and code", async () => {
    const repo = freshRepo()
    const customers = demo(500)
    await repo.upsert(customers)
    expect(await repo.count()).toBe(500)
    const target = customers[123]!
    const phone = target.contacts[0]!.phones[0]!
    const email = target.contacts[0]!.emails[0]!
    for (const q of [{ phones: [phone], emails: [], codes: [] }, { phones: [], emails: [email.toUpperCase()], codes: [] }, { phones: [], emails: [], codes: [target.code.toLowerCase()] }]) {
      const found = await repo.findExact(q)
      expect(found.map((m) => m.customer.code)).toEqual([target.code])
    }
    expect((await repo.getMany([customers[7]!.id, "missing", customers[9]!.id])).map((c) => c.code)).toEqual([customers[7]!.code, customers[9]!.code])
    expect((await repo.all()).length).toBe(500)
  })

  it("follows an edit: the old number no longer finds the customer, the new one does, the count stays", async () => {
    const repo = freshRepo()
    const customers = demo(50)
    await repo.upsert(customers)
    const edited = structuredClone(customers[10]!)
    const oldPhone = edited.contacts[0]!.phones[0]!
    edited.contacts[0]!.phones = ["+33612345678"]
    await repo.put(edited)
    expect(await repo.findExact({ phones: [oldPhone], emails: [], codes: [] })).toEqual([])
    expect((await repo.findExact({ phones: ["+33612345678"], emails: [], codes: [] })).map((m) => m.customer.id)).toEqual([edited.id])
    expect(await repo.count()).toBe(50)
  })

  it("returns every customer sharing a number, ranked email first", async () => {
    const repo = freshRepo()
    const [a, b, c] = demo(3, 9)
    b!.contacts[0]!.phones = [a!.contacts[0]!.phones[0]!]
    await repo.upsert([a!, b!, c!])
    const found = await repo.findExact({ phones: [a!.contacts[0]!.phones[0]!], emails: [c!.contacts[0]!.emails[0]!], codes: [] })
    expect(found.map((m) => m.matchedBy)).toEqual(["email", "phone", "phone"])
    expect(new Set(found.slice(1).map((m) => m.customer.id))).toEqual(new Set([a!.id, b!.id]))
  })

  it("keeps both writers' changes when two contexts write at once", async () => {
    const db = new ComptoirDb(`test-${++n}`)
    const one = new CustomerRepository(db)
    const two = new CustomerRepository(db)
    const customers = demo(400, 4)
    await Promise.all([one.upsert(customers.slice(0, 200)), two.upsert(customers.slice(200))])
    expect(await one.count()).toBe(400)
    expect((await two.all()).length).toBe(400)
    const last = customers[399]!
    expect((await one.findExact({ phones: [], emails: [], codes: [last.code] })).length).toBe(1)
  })
})
