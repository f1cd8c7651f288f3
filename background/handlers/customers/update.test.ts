import "fake-indexeddb/auto"

import { afterEach, describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { getDb } from "~src/db/database"
import { emptyContact, valuesFromCustomer } from "~src/domain/customers/customer-edit"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { BASE_GENERATION_KEY } from "~src/messaging/base-generation"

import { teamServer, writeSession } from "../../sync"
import { ask } from "../handler-test-kit"

/** chrome.storage as the handler's helpers touch it (settings read, the base generation written). */
function stubChrome() {
  const local = new Map<string, unknown>()
  vi.stubGlobal("chrome", {
    storage: {
      local: { get: async () => Object.fromEntries(local), set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => local.set(k, v)) },
      session: { get: async () => ({}), set: async () => undefined },
      onChanged: { addListener: () => undefined }
    },
    runtime: { id: "test", getURL: (p: string) => p }
  })
  return local
}

afterEach(() => vi.unstubAllGlobals())

const phonesFound = async (phone: string) => (await ask<{ matches: { customer: { id: string } }[] }>("lookup/match", { phones: [phone], emails: [], codes: [], names: [] })).matches.map((m) => m.customer.id)

describe("customers/update", () => {
  it("updates the lookup index and the search at once: a phone added is found, a phone removed is not", async () => {
    const local = stubChrome()
    const [c] = generateCustomers({ count: 1, seed: 77 }).map(({ writtenPhones: _w, ...rest }) => rest)
    const customer = { ...c!, id: "edit-1", code: "EDIT-1" }
    await new CustomerRepository(getDb()).upsert([customer])
    const removed = customer.contacts[0]!.phones[0]!
    expect(await phonesFound(removed)).toEqual(["edit-1"])
    expect(await phonesFound("+33970005679")).toEqual([])
    // The search index is built before the edit: it must not keep answering from the old base.
    expect((await ask<{ customers: unknown[] }>("search/query", { query: "Zéphyrin Quatremare", limit: 5 })).customers).toEqual([])

    const original = valuesFromCustomer(customer, "fr")
    const values = valuesFromCustomer(customer, "fr")
    values.contacts[0]!.phones = values.contacts[0]!.phones.slice(1)
    values.contacts.push({ ...emptyContact(), firstName: "Zéphyrin", lastName: "Quatremare", phones: [{ number: "09 70 00 56 79" }] })
    const r = await ask<{ ok: boolean; customer?: { contacts: { phones: string[] }[] } }>("customers/update", { id: "edit-1", values, original })
    expect(r.ok).toBe(true)

    expect(await phonesFound("+33970005679")).toEqual(["edit-1"])
    expect(await phonesFound(removed)).toEqual([])
    expect((await ask<{ customers: { id: string }[] }>("search/query", { query: "Zéphyrin Quatremare", limit: 5 })).customers.map((x) => x.id)).toEqual(["edit-1"])
    // Open tabs are told to look their values up again.
    expect(local.has(BASE_GENERATION_KEY)).toBe(true)
  })

  it("refuses values the form's rules refuse, naming the field, and changes nothing", async () => {
    stubChrome()
    const [c] = generateCustomers({ count: 1, seed: 78 }).map(({ writtenPhones: _w, ...rest }) => rest)
    const customer = { ...c!, id: "edit-2", code: "EDIT-2" }
    await new CustomerRepository(getDb()).upsert([customer])
    const original = valuesFromCustomer(customer, "fr")
    const r = await ask<{ ok: boolean; error?: string; field?: string }>("customers/update", { id: "edit-2", values: { ...original, siren: "732829321" }, original })
    expect(r).toEqual({ ok: false, error: "customers.errors.siren", field: "siren" })
    expect((await new CustomerRepository(getDb()).getMany(["edit-2"]))[0]).toEqual(customer)
  })
})

describe("customers/edit-rights", () => {
  it("names the team's users for the editor's sales-rep pick (the signed-in one included), and lets a manager change the credit limit", async () => {
    stubChrome()
    vi.spyOn(teamServer, "request").mockImplementation(async (_s, _m, path, _b, parse) => {
      expect(path).toBe("/team/members")
      return parse({ members: [{ email: "claire@team.test", name: "Claire Dubois" }, { email: "nameless@team.test", name: "" }] })
    })
    await writeSession({ serverUrl: "http://team.test", token: "t-edit-rights", expiresAt: "2099-01-01T00:00:00Z", user: { id: "u1", email: "marc@team.test", name: "Marc Lefèbvre", role: "manager" }, team: { id: "team-1", name: "Team" } })
    try {
      const r = await ask<{ mayEditCreditLimit: boolean; teamMembers: string[] }>("customers/edit-rights", {})
      expect(r.mayEditCreditLimit).toBe(true)
      expect([...r.teamMembers].sort()).toEqual(["Claire Dubois", "Marc Lefèbvre"])
    } finally {
      await writeSession(null)
      vi.restoreAllMocks()
    }
  })
})
