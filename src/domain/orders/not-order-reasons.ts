import { foldText } from "~src/domain/search/fold-text"

/**
 * Why a mail is not an order, as the extractor words it (`evidence.is_order` of a non-order), and that reason cut
 * into parts the interface can say in the agent's language. The extractor writes one string (the CLI prints it and
 * the corpus tools compare it): its own verdicts in English, joined by ", " with the mail's own words that decided
 * (folded, as matched: "pas encore recu", "cancel"). The panel and the review must not show those English verdicts
 * to an agent working in French, so each verdict is a constant here that the interface maps to a translation, and
 * the mail's words are shown as quotes.
 */
export const NOT_ORDER_VERDICTS = {
  automatic: "automatic or bulk mail",
  noProduct: "no product with a quantity",
  asksAbout: "asks about prices, lead time or a quote",
  colleagues: "written to colleagues, the supplier in copy",
  ownMail: "our own mail to someone outside"
} as const

export type NotOrderVerdict = keyof typeof NOT_ORDER_VERDICTS

/** "estimate: a, b": quantities not firm yet, with the words that said so. */
export const ESTIMATE_PREFIX = "estimate: "

export type NotOrderReasonPart =
  | { kind: "verdict"; verdict: NotOrderVerdict }
  | { kind: "estimate"; words: string }
  | { kind: "words"; words: string }

const VERDICT_OF = new Map<string, NotOrderVerdict>(Object.entries(NOT_ORDER_VERDICTS).map(([code, text]) => [text, code as NotOrderVerdict]))
// Longest first, so a verdict is never cut at its own ", ".
const VERDICT_TEXTS = [...VERDICT_OF.keys()].sort((a, b) => b.length - a.length)

/**
 * The parts of a non-order's reason, in the extractor's order. The verdicts are found first (two of them hold a
 * ", "), what is left between them is the mail's words, one part per ", "-separated piece; an estimate keeps every
 * word up to the next verdict (its own list is ", "-separated too, so words after it may join it: they are the
 * mail's words either way).
 */
export function notOrderReasonParts(reason: string): NotOrderReasonPart[] {
  const parts: NotOrderReasonPart[] = []
  const words = (text: string): void => {
    const est = text.indexOf(ESTIMATE_PREFIX)
    if (est !== -1) {
      words(text.slice(0, est))
      parts.push({ kind: "estimate", words: text.slice(est + ESTIMATE_PREFIX.length).replace(/^[,\s]+|[,\s]+$/g, "") })
      return
    }
    for (const piece of text.split(", ")) {
      const w = piece.replace(/^[,\s]+|[,\s]+$/g, "")
      if (w !== "") parts.push({ kind: "words", words: w })
    }
  }
  let rest = reason
  for (;;) {
    let at = -1
    let text = ""
    for (const t of VERDICT_TEXTS) {
      const i = rest.indexOf(t)
      if (i !== -1 && (at === -1 || i < at)) {
        at = i
        text = t
      }
    }
    if (at === -1) break
    words(rest.slice(0, at))
    parts.push({ kind: "verdict", verdict: VERDICT_OF.get(text)! })
    rest = rest.slice(at + text.length)
  }
  words(rest)
  return parts
}

/**
 * The reason with the mail's words as the mail wrote them: the extractor matches folded text and quotes it so
 * ("abimees", "recu hier"), which the panel then showed in « » as if the customer had written it. Each quoted piece is
 * looked for in the mail (accents, case and punctuation folded alike) and replaced by the mail's own spelling
 * ("abîmées", "reçu hier"); a piece not found, or whose spelling holds a ", " (the reason's separator), stays as it was.
 */
export function inMailSpelling(reason: string, mailText: string): string {
  if (reason === "") return reason
  const { folded, at } = foldedWithOffsets(mailText)
  const spelled = (words: string): string => {
    const want = foldText(words)
    if (want === "") return words
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${want.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "u")
    const m = re.exec(folded)
    if (m === null) return words
    const original = mailText.slice(at[m.index]!, at[m.index + want.length - 1]! + 1).replace(/\s+/g, " ")
    return original.includes(", ") ? words : original
  }
  return notOrderReasonParts(reason)
    .map((p) => (p.kind === "verdict" ? NOT_ORDER_VERDICTS[p.verdict] : p.kind === "estimate" ? ESTIMATE_PREFIX + p.words.split(", ").map(spelled).join(", ") : spelled(p.words)))
    .join(", ")
}

/** The mail folded as `foldText` folds (runs of other characters as one space), with each folded character's offset in the mail. */
function foldedWithOffsets(text: string): { folded: string; at: number[] } {
  let folded = ""
  const at: number[] = []
  let i = 0
  for (const ch of text) {
    const f = foldText(ch) || " "
    for (const c of f) {
      if (c === " " && (folded === "" || folded.endsWith(" "))) continue
      folded += c
      at.push(i)
    }
    i += ch.length
  }
  return { folded, at }
}
