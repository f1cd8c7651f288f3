import "fake-indexeddb/auto"

import { describe, expect, it, vi } from "vitest"

import { CustomerRepository } from "~src/db/customer-repository"
import { generateCustomers } from "~src/domain/demo/demo-data"
import { getDb } from "~src/db/database"
import { contract } from "~src/messaging/contract"
import { createDispatcher } from "~src/messaging/handler"

import { handlers } from "./index"

describe("the message contract", () => {
  it("has exactly one handler for every entry, and no handler outside it", () => {
    const names = handlers.map((h) => h.name).sort()
    expect(names).toEqual(Object.keys(contract).sort())
    expect(new Set(names).size).toBe(names.length)
  })

  it("refuses a malformed envelope, an unknown message and an invalid request, and logs each", async () => {
    const warn = vi.fn()
    const dispatch = createDispatcher(handlers, { warn })
    expect(await dispatch("not an object", {})).toEqual({ ok: false, error: "malformed message" })
    expect(await dispatch({ type: "db/drop", payload: {} }, {})).toMatchObject({ ok: false, error: "unknown message db/drop" })
    const bad = await dispatch({ type: "lookup/match", payload: { phones: ["0612345678"], emails: [], codes: [] } }, {})
    expect(bad.ok).toBe(false)
    expect(!bad.ok && bad.error).toMatch(/phones\.0: phone must be in E\.164 form/)
    const huge = await dispatch({ type: "search/query", payload: { query: "x".repeat(10_000) } }, {})
    expect(huge.ok).toBe(false)
    expect(warn).toHaveBeenCalledTimes(4)
  })

  it("refuses two handlers for one message", () => {
    expect(() => createDispatcher([handlers[0]!, handlers[0]!])).toThrow(/two handlers/)
  })
})

describe("lookup/match", () => {
  it("returns every customer sharing a number, ranked email first, without merging them", async () => {
    const [a, b, c] = generateCustomers({ count: 3, seed: 3 }).map(({ writtenPhones: _w, ...rest }) => rest)
    const shared = a!.contacts[0]!.phones[0]!
    b!.contacts[0]!.phones = [shared]
    await new CustomerRepository(getDb()).upsert([a!, b!, c!])
    const dispatch = createDispatcher(handlers, { warn: () => undefined })
    const reply = await dispatch(
      { type: "lookup/match", payload: { phones: [shared], emails: [c!.contacts[0]!.emails[0]!.toUpperCase()], codes: [], names: [] } },
      {}
    )
    expect(reply.ok).toBe(true)
    const matches = (reply as { ok: true; data: { matches: { customer: { code: string }; matchedBy: string }[] } }).data.matches
    expect(matches.map((m) => m.matchedBy)).toEqual(["email", "phone", "phone"])
    expect(matches[0]!.customer.code).toBe(c!.code)
    expect(
      matches
        .slice(1)
        .map((m) => m.customer.code)
        .sort()
    ).toEqual([a!.code, b!.code].sort())
  })
})
