import { afterEach, describe, expect, it, vi } from "vitest"

import { documentsSummary } from "./documents-summary"

const summary = {
  openQuotes: { count: 1, cents: 100 },
  openOrders: { count: 0, cents: 0 },
  unpaidInvoices: { count: 0, cents: 0 },
  overdueInvoices: { count: 0, cents: 0, maxDays: 0 }
}

function stubBackground() {
  const answers: (() => void)[] = []
  const sendMessage = vi.fn(() => new Promise((ok) => answers.push(() => ok({ ok: true, data: summary }))))
  vi.stubGlobal("chrome", { runtime: { sendMessage } })
  return { sendMessage, answerAll: () => answers.splice(0).forEach((a) => a()) }
}

afterEach(() => vi.unstubAllGlobals())

describe("a customer's documents summary asked twice at once (the dock's caller card and the call script)", () => {
  it("is one request to the background, both askers getting its answer", async () => {
    const { sendMessage, answerAll } = stubBackground()
    const card = documentsSummary("cust-1")
    const script = documentsSummary("cust-1")
    expect(sendMessage).toHaveBeenCalledTimes(1)
    answerAll()
    expect(await card).toEqual(summary)
    expect(await script).toEqual(summary)
  })

  it("is asked again once answered (nothing kept: a quote may have been issued since) and per customer", async () => {
    const { sendMessage, answerAll } = stubBackground()
    const first = documentsSummary("cust-1")
    answerAll()
    await first
    void documentsSummary("cust-1")
    void documentsSummary("cust-2")
    expect(sendMessage).toHaveBeenCalledTimes(3)
    expect(sendMessage).toHaveBeenLastCalledWith({ type: "documents/summary", payload: { customerId: "cust-2" } })
    answerAll()
  })

  it("lets a failed request be asked again", async () => {
    const sendMessage = vi.fn().mockResolvedValueOnce({ ok: false, error: "base closed" }).mockResolvedValueOnce({ ok: true, data: summary })
    vi.stubGlobal("chrome", { runtime: { sendMessage } })
    await expect(documentsSummary("cust-3")).rejects.toThrow(/base closed/)
    expect(await documentsSummary("cust-3")).toEqual(summary)
  })
})
