import { describe, expect, it, vi } from "vitest"

import { generateCustomers } from "~src/domain/demo/demo-data"
import type { FoundItem } from "~src/features/page-scan/page-scanner"
import type { CustomerMatch, RequestOf } from "~src/messaging/contract"

import { PageLookup } from "./page-lookup"

const [a, b, c] = generateCustomers({ count: 3, seed: 5 }).map(({ writtenPhones: _w, ...rest }) => rest)
const el = (text = "", attrs: Record<string, string> = {}) =>
  ({ textContent: text, getAttribute: (n: string) => attrs[n] ?? null, parentElement: null }) as unknown as Element
const flush = () => new Promise((ok) => setTimeout(ok, 0))

describe("PageLookup", () => {
  it("asks each value once, and merges answers into one list ranked email, phone, code, name", async () => {
    const requests: RequestOf<"lookup/match">[] = []
    const answers: Record<string, CustomerMatch[]> = {
      phone: [{ customer: a!, matchedBy: "phone", matchedValues: ["+33600000001"] }],
      email: [{ customer: b!, matchedBy: "email", matchedValues: ["x@y.fr"] }],
      name: [{ customer: c!, matchedBy: "name", matchedValues: ["Jean Dupont"] }]
    }
    let last: CustomerMatch[] = []
    const lookup = new PageLookup({
      lookup: vi.fn(async (req: RequestOf<"lookup/match">) => {
        requests.push(req)
        if (req.names?.length) return { matches: answers.name! }
        return { matches: [...(req.phones.length ? answers.phone! : []), ...(req.emails.length ? answers.email! : [])] }
      }),
      onMatches: (m) => (last = m),
      onError: (e) => {
        throw e
      }
    })
    const items: FoundItem[] = [
      { kind: "phone", value: "+33600000001", element: el() },
      { kind: "email", value: "x@y.fr", element: el("Jean Dupont") },
      { kind: "phone", value: "+33600000001", element: el() }
    ]
    lookup.add(items)
    await flush()
    lookup.add(items.slice(0, 1))
    await flush()
    expect(requests).toHaveLength(2)
    expect(requests[0]).toMatchObject({ phones: ["+33600000001"], emails: ["x@y.fr"], names: [] })
    // The name search goes alone, after the exact matches.
    expect(requests[1]).toMatchObject({ phones: [], emails: [], names: ["Jean Dupont"] })
    expect(last.map((m) => [m.customer.code, m.matchedBy])).toEqual([
      [b!.code, "email"],
      [a!.code, "phone"],
      [c!.code, "name"]
    ])
  })

  it("keeps one request in flight and sends what was found meanwhile in the next batch", async () => {
    let release: () => void = () => undefined
    const seen: string[][] = []
    const lookup = new PageLookup({
      lookup: async (req) => {
        seen.push(req.phones)
        await new Promise<void>((ok) => (release = ok))
        return { matches: [] }
      },
      onMatches: () => undefined,
      onError: () => undefined
    })
    lookup.add([{ kind: "phone", value: "+33600000001", element: el() }])
    await flush()
    lookup.add([{ kind: "phone", value: "+33600000002", element: el() }])
    lookup.add([{ kind: "phone", value: "+33600000003", element: el() }])
    await flush()
    expect(seen).toEqual([["+33600000001"]])
    release()
    await flush()
    await flush()
    expect(seen).toEqual([["+33600000001"], ["+33600000002", "+33600000003"]])
    release()
  })
})
