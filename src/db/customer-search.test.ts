import "fake-indexeddb/auto"

import { describe, expect, it } from "vitest"

import type { Customer } from "~src/domain/customers/customer.schema"
import { generateCustomers } from "~src/domain/demo/demo-data"

import { CustomerRepository } from "./customer-repository"
import { CustomerSearch } from "./customer-search"
import { ComptoirDb } from "./database"

const demo = (count: number): Customer[] => generateCustomers({ count, seed: 2 }).map(({ writtenPhones: _w, ...c }) => c)

describe("the base in alphabetical order (the workspace's Customers list before a search)", () => {
  it("lists the companies A to Z as a French reader sorts them, a page at a time, with the number of customers", async () => {
    const db = new ComptoirDb("alphabetical-1")
    const [a, b, c, d] = demo(4) as [Customer, Customer, Customer, Customer]
    await new CustomerRepository(db).upsert([
      { ...a, company: "Zinc & Fils" },
      { ...b, company: "éditions du Port" },
      { ...c, company: "Cave 10" },
      { ...d, company: "Cave 2" }
    ])
    const search = new CustomerSearch(db)
    expect((await search.alphabetical(0, 3)).customers.map((x) => x.company)).toEqual(["Cave 2", "Cave 10", "éditions du Port"])
    expect(await search.alphabetical(3, 3)).toMatchObject({ customers: [{ company: "Zinc & Fils" }], total: 4 })
  })

  it("follows a renamed company", async () => {
    const db = new ComptoirDb("alphabetical-2")
    const [a, b] = demo(2) as [Customer, Customer]
    const repo = new CustomerRepository(db)
    await repo.upsert([
      { ...a, company: "Alpha" },
      { ...b, company: "Beta" }
    ])
    const search = new CustomerSearch(db)
    expect((await search.alphabetical(0, 10)).customers.map((x) => x.company)).toEqual(["Alpha", "Beta"])
    const renamed = { ...a, company: "Omega" }
    await repo.put(renamed)
    await search.upsert(renamed)
    expect((await search.alphabetical(0, 10)).customers.map((x) => x.company)).toEqual(["Beta", "Omega"])
  })
})
