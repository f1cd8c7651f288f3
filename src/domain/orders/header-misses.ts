import { decisionOf, type ExpectedOrder, HEADER_FIELDS, type HeaderField, type ProposedOrder, sameHeaderField } from "./corpus-score"
import { LOW_CONFIDENCE } from "./types"

/**
 * How a wrong header field reaches the agent in the review: `empty` (nothing proposed where the mail gives one: the
 * agent sees the field blank and types it), `flagged` (a wrong value highlighted "Check:", read with doubt) or
 * `sure` (a wrong value shown as read with confidence: the one an agent in a hurry confirms). `falseAlarms` counts
 * right values highlighted anyway. Scored on the orders the extractor proposes (taken or asked), as the accuracy is.
 * Aggregates only, so it is safe on a blind set.
 */
export interface HeaderMisses {
  empty: number
  flagged: number
  sure: number
  falseAlarms: number
}

export function scoreHeaderMisses(
  items: readonly { expected: ExpectedOrder; got: ProposedOrder & { confidence?: Record<string, number> } }[]
): Record<HeaderField, HeaderMisses> {
  const out = Object.fromEntries(HEADER_FIELDS.map((f) => [f, { empty: 0, flagged: 0, sure: 0, falseAlarms: 0 }])) as Record<HeaderField, HeaderMisses>
  for (const { expected, got } of items) {
    if (!expected.is_order || decisionOf(got) === "not-order") continue
    for (const f of HEADER_FIELDS) {
      const low = (got.confidence?.[f] ?? 1) < LOW_CONFIDENCE
      const tally = out[f]
      if (sameHeaderField(f, expected[f], got[f])) {
        if (got[f] !== null && low) tally.falseAlarms++
      } else if (got[f] === null) tally.empty++
      else if (low) tally.flagged++
      else tally.sure++
    }
  }
  return out
}
