import { describe, expect, it } from "vitest"

import type { ExpectedOrder, ProposedOrder } from "./corpus-score"
import { scoreHeaderMisses } from "./header-misses"

const expected: ExpectedOrder = {
  is_order: true,
  customer_code: "C-00101",
  po_number: "PO-7781",
  delivery_date: "2026-12-10",
  delivery_address: "12 rue des Lilas, 69003 Lyon",
  lines: []
}

const got = (over: Partial<ProposedOrder>, confidence: Record<string, number> = {}) => ({
  expected,
  got: { ...expected, order_decision: "order" as const, ...over, confidence }
})

describe("how a wrong header field reaches the agent", () => {
  it("tells an address left empty from a wrong one highlighted and a wrong one shown as sure", () => {
    const misses = scoreHeaderMisses([
      got({ delivery_address: null }),
      got({ delivery_address: "BP 12, 69003 Lyon Cedex" }, { delivery_address: 0.5 }),
      got({ delivery_address: "Lyon" }, { delivery_address: 0.9 }),
      got({ delivery_address: "12, rue des lilas 69003 LYON" }, { delivery_address: 0.9 })
    ])
    expect(misses.delivery_address).toEqual({ empty: 1, flagged: 1, sure: 1, falseAlarms: 0 })
  })

  it("counts a right value highlighted as a false alarm, not a miss", () => {
    const misses = scoreHeaderMisses([got({}, { delivery_date: 0.4, po_number: 0.95 })])
    expect(misses.delivery_date).toEqual({ empty: 0, flagged: 0, sure: 0, falseAlarms: 1 })
    expect(misses.po_number).toEqual({ empty: 0, flagged: 0, sure: 0, falseAlarms: 0 })
  })

  it("leaves out non-orders and the orders said not to be ones, as the accuracy does", () => {
    const misses = scoreHeaderMisses([
      { expected: { ...expected, is_order: false }, got: { ...expected, delivery_address: "ailleurs", confidence: {} } },
      got({ order_decision: "not-order", is_order: false, delivery_address: "ailleurs" })
    ])
    expect(misses.delivery_address).toEqual({ empty: 0, flagged: 0, sure: 0, falseAlarms: 0 })
  })
})
