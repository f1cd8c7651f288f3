import { foldText } from "../search/fold-text"
import type { ExtractedLine } from "./types"

/** What a labelled mail should give (tests/fixtures/orders/*.expected.json). */
export interface ExpectedOrder {
  is_order: boolean
  customer_code: string | null
  po_number: string | null
  delivery_date: string | null
  delivery_address: string | null
  lines: ExtractedLine[]
}

export interface ProposedOrder {
  is_order: boolean
  customer_code: string | null
  po_number: string | null
  delivery_date: string | null
  delivery_address: string | null
  lines: readonly ExtractedLine[]
}

export const HEADER_FIELDS = ["customer_code", "po_number", "delivery_date", "delivery_address"] as const
export type HeaderField = (typeof HEADER_FIELDS)[number]

export interface CorpusScore {
  mails: number
  orders: number
  nonOrders: number
  /** Non-orders proposed as orders: must be 0. */
  nonOrdersTaken: number
  /** Orders said to be non-orders. */
  ordersMissed: number
  /** Per header field, share of the orders where it is right (a null expected and null given is right). */
  headerAccuracy: Record<HeaderField, number>
  linePrecision: number
  lineRecall: number
  lineF1: number
  failures: { name: string; field: string; expected: unknown; got: unknown }[]
}

/** Addresses compare without case, accents, punctuation and spacing: "2, rue X" = "2 rue X". */
function same(field: HeaderField, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b
  if (field === "delivery_address" || field === "po_number") return foldText(a).replace(/ /g, "") === foldText(b).replace(/ /g, "")
  return a === b
}

const lineKey = (l: ExtractedLine): string => `${l.ref}|${l.quantity}|${l.unit}`

/**
 * Scores proposals against labels. A line counts when its product, quantity and unit are all right; header
 * fields are scored on the mails that are orders (a non-order has nothing to fill).
 */
export function scoreCorpus(items: readonly { name: string; expected: ExpectedOrder; got: ProposedOrder }[]): CorpusScore {
  const failures: CorpusScore["failures"] = []
  let orders = 0
  let nonOrdersTaken = 0
  let ordersMissed = 0
  const right: Record<HeaderField, number> = { customer_code: 0, po_number: 0, delivery_date: 0, delivery_address: 0 }
  let tp = 0
  let proposed = 0
  let expectedLines = 0
  for (const { name, expected, got } of items) {
    if (!expected.is_order) {
      if (got.is_order) {
        nonOrdersTaken++
        failures.push({ name, field: "is_order", expected: false, got: true })
      }
      proposed += got.lines.length
      continue
    }
    orders++
    if (!got.is_order) {
      ordersMissed++
      failures.push({ name, field: "is_order", expected: true, got: false })
    }
    for (const f of HEADER_FIELDS) {
      if (same(f, expected[f], got.is_order ? got[f] : null)) right[f]++
      else failures.push({ name, field: f, expected: expected[f], got: got[f] })
    }
    const want = new Map<string, number>()
    for (const l of expected.lines) want.set(lineKey(l), (want.get(lineKey(l)) ?? 0) + 1)
    expectedLines += expected.lines.length
    const lines = got.is_order ? got.lines : []
    proposed += lines.length
    for (const l of lines) {
      const k = lineKey(l)
      const n = want.get(k) ?? 0
      if (n > 0) {
        tp++
        want.set(k, n - 1)
      } else failures.push({ name, field: "line (extra or wrong)", expected: null, got: k })
    }
    for (const [k, n] of want) if (n > 0) failures.push({ name, field: "line (missed)", expected: k, got: null })
  }
  const precision = proposed === 0 ? 1 : tp / proposed
  const recall = expectedLines === 0 ? 1 : tp / expectedLines
  const headerAccuracy = Object.fromEntries(HEADER_FIELDS.map((f) => [f, orders === 0 ? 1 : right[f] / orders])) as Record<HeaderField, number>
  return {
    mails: items.length,
    orders,
    nonOrders: items.length - orders,
    nonOrdersTaken,
    ordersMissed,
    headerAccuracy,
    linePrecision: precision,
    lineRecall: recall,
    lineF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    failures
  }
}
