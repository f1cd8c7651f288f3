import { useTranslation } from "react-i18next"

import { notOrderReasonParts, type NotOrderReasonPart } from "~src/domain/orders/not-order-reasons"

/**
 * Why the extractor says a mail is no order, in the agent's language: its verdicts translated, the mail's own words
 * that decided quoted as they are (they are the customer's language, not ours). Text only, never HTML.
 */
export function NotOrderReason({ reason }: { reason: string }) {
  const { t } = useTranslation()
  const parts = withoutRepeatedWords(notOrderReasonParts(reason))
  if (parts.length === 0) return null
  const said = parts.map((p) =>
    p.kind === "verdict"
      ? t(`orderCapture.notOrderReason.${p.verdict}`)
      : p.kind === "estimate"
        ? t("orderCapture.notOrderReason.estimate", { words: p.words })
        : t("orderCapture.notOrderReason.words", { words: p.words })
  )
  return <span data-comptoir="not-order-reason"> ({said.join(t("orderCapture.notOrderReason.separator"))})</span>
}

const padded = (words: string) => ` ${words.toLowerCase()} `

/**
 * The mail's words once each: the extractor lists every cue it matched, so "price" can follow "your best price", which
 * already says it (the agent would read the same word twice in a line).
 */
function withoutRepeatedWords(parts: NotOrderReasonPart[]): NotOrderReasonPart[] {
  const quoted = parts.flatMap((p) => (p.kind === "verdict" ? [] : [padded(p.words)]))
  const said = new Set<string>()
  return parts.filter((p) => {
    if (p.kind !== "words") return true
    const own = padded(p.words)
    if (said.has(own) || quoted.some((other) => other !== own && other.includes(own))) return false
    said.add(own)
    return true
  })
}
