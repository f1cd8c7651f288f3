import { describe, expect, it, vi } from "vitest"

import type { CustomerMatch } from "~src/messaging/contract"

import { ForeignPhones } from "./foreign-phones"

const match = (value: string) => ({ customer: { id: value }, matchedBy: "phone", matchedValues: [value] }) as unknown as CustomerMatch

describe("ForeignPhones", () => {
  it("accepts a foreign candidate only once the base has it, asks each once, and asks for a new read of the page", async () => {
    const lookup = vi.fn(async (req: { phones: string[] }) => ({ matches: req.phones.filter((p) => p === "+14155550132").map(match) }))
    let confirmedCalls = 0
    const probe = new ForeignPhones({ lookup: lookup as never, onConfirmed: () => confirmedCalls++ })
    probe.ask("+14155550132")
    probe.ask("+442079460321")
    probe.ask("+14155550132")
    expect(probe.accepts("+14155550132")).toBe(false)
    await vi.waitFor(() => expect(confirmedCalls).toBe(1))
    expect(lookup).toHaveBeenCalledTimes(1)
    expect(lookup.mock.calls[0]![0]).toEqual({ phones: ["+14155550132", "+442079460321"], emails: [], codes: [], names: [] })
    expect(probe.accepts("+14155550132")).toBe(true)
    expect(probe.accepts("+442079460321")).toBe(false)
  })

  it("does not ask for a new read when nothing hit", async () => {
    const lookup = vi.fn(async () => ({ matches: [] }))
    const onConfirmed = vi.fn()
    const probe = new ForeignPhones({ lookup, onConfirmed })
    probe.ask("+442079460321")
    await vi.waitFor(() => expect(lookup).toHaveBeenCalledTimes(1))
    await new Promise((r) => setTimeout(r, 0))
    expect(onConfirmed).not.toHaveBeenCalled()
  })
})
