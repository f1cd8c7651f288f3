import { foldText } from "../search/fold-text"
import { COUNTRY } from "./address-shapes"
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
  /** Absent from an extractor that decides in two outcomes (main's before the three): then `is_order` decides. */
  order_decision?: "order" | "ask" | "not-order"
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
  /** Non-orders proposed as orders without asking (decided `order`): must be 0. */
  nonOrdersTaken: number
  /** Non-orders the agent is asked about (decided `ask`): one click ("Not an order") each, nothing proposed. */
  nonOrdersAsked: number
  /** Orders the agent is asked about: one click more ("Capture anyway") each. */
  ordersAsked: number
  /** Orders said to be non-orders (decided `not-order`). */
  ordersMissed: number
  /** Per header field, share of the orders where it is right (a null expected and null given is right). */
  headerAccuracy: Record<HeaderField, number>
  linePrecision: number
  lineRecall: number
  lineF1: number
  failures: { name: string; field: string; expected: unknown; got: unknown }[]
}

/**
 * An address as compared: without a leading article ("the ice house", "la sellerie": kept or dropped as a label was
 * dictated or written) nor a country after its postal code ("…, NS B0W 1P0, Canada"): where the goods go either way.
 */
const LEADING_ARTICLE = /^(?:the|le|la|les|l) /
const TRAILING_COUNTRY = new RegExp(` ${COUNTRY.replace(/-/g, " ")}$`)
const addressKey = (a: string): string => foldText(a).replace(LEADING_ARTICLE, "").replace(TRAILING_COUNTRY, "").replace(/ /g, "")

/** Addresses compare without case, accents, punctuation and spacing: "2, rue X" = "2 rue X". */
export function sameHeaderField(field: HeaderField, a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b
  if (field === "delivery_address") return addressKey(a) === addressKey(b)
  if (field === "po_number") return foldText(a).replace(/ /g, "") === foldText(b).replace(/ /g, "")
  return a === b
}

const lineKey = (l: ExtractedLine): string => `${l.ref}|${l.quantity}|${l.unit}`

/**
 * How an `ask` counts for lines and header fields: "proposed" as after the agent's "Capture anyway" (the lines the
 * extractor found), "not-proposed" as if the agent answered "Not an order" (nothing proposed). Taken, asked and
 * missed counts are the same either way.
 */
export type AskCounting = "proposed" | "not-proposed"

export function decisionOf(got: ProposedOrder): "order" | "ask" | "not-order" {
  return got.order_decision ?? (got.is_order ? "order" : "not-order")
}

/**
 * Scores proposals against labels. A line counts when its product, quantity and unit are all right; header
 * fields are scored on the mails that are orders (a non-order has nothing to fill).
 */
export function scoreCorpus(items: readonly { name: string; expected: ExpectedOrder; got: ProposedOrder }[], ask: AskCounting = "proposed"): CorpusScore {
  const failures: CorpusScore["failures"] = []
  let orders = 0
  let nonOrdersTaken = 0
  let nonOrdersAsked = 0
  let ordersAsked = 0
  let ordersMissed = 0
  const right: Record<HeaderField, number> = { customer_code: 0, po_number: 0, delivery_date: 0, delivery_address: 0 }
  let tp = 0
  let proposed = 0
  let expectedLines = 0
  for (const { name, expected, got } of items) {
    const decision = decisionOf(got)
    const shown = decision === "order" || (decision === "ask" && ask === "proposed")
    if (!expected.is_order) {
      if (decision === "order") {
        nonOrdersTaken++
        failures.push({ name, field: "is_order", expected: false, got: true })
      } else if (decision === "ask") {
        nonOrdersAsked++
        failures.push({ name, field: "order_decision", expected: "not-order", got: "ask" })
      }
      proposed += shown ? got.lines.length : 0
      continue
    }
    orders++
    if (decision === "not-order") {
      ordersMissed++
      failures.push({ name, field: "is_order", expected: true, got: false })
    } else if (decision === "ask") {
      ordersAsked++
      failures.push({ name, field: "order_decision", expected: "order", got: "ask" })
    }
    for (const f of HEADER_FIELDS) {
      if (sameHeaderField(f, expected[f], shown ? got[f] : null)) right[f]++
      else failures.push({ name, field: f, expected: expected[f], got: got[f] })
    }
    const want = new Map<string, number>()
    for (const l of expected.lines) want.set(lineKey(l), (want.get(lineKey(l)) ?? 0) + 1)
    expectedLines += expected.lines.length
    const lines = shown ? got.lines : []
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
    nonOrdersAsked,
    ordersAsked,
    ordersMissed,
    headerAccuracy,
    linePrecision: precision,
    lineRecall: recall,
    lineF1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
    failures
  }
}
