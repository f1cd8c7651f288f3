import type { Product } from "../customers/customer.schema"
import { foldText } from "../search/fold-text"
import { EARLIER_REST } from "./line-sentences"
import type { FoundLine } from "./lines"
import type { OrderMail } from "./types"

/** Helpers of extract-order.ts, apart so that file stays readable: pure functions of what it has read. */

/**
 * Which attachment each field's words were read in: a line knows its own; a header field's words are looked for
 * in the mail's text first (subject and body), then in each attachment.
 */
export function attachmentSources(evidence: Readonly<Record<string, string>>, lines: readonly FoundLine[], mail: OrderMail, body: string): Record<string, string> {
  const out: Record<string, string> = {}
  lines.forEach((l, i) => {
    if (l.source !== undefined) out[`lines.${i}`] = l.source
  })
  if (lines[0]?.source !== undefined) out.is_order = lines[0].source
  for (const [field, words] of Object.entries(evidence)) {
    if (field.startsWith("lines.") || field === "is_order") continue
    // A multi-line address's evidence joins its lines with " / ": its first line says where it is.
    const first = words.split(" / ")[0]!.trim()
    if (first === "" || mail.subject.includes(first) || body.includes(first)) continue
    const file = mail.attachments.find((a) => a.text.includes(first))?.filename
    if (file !== undefined) out[field] = file
  }
  return out
}

export function nameHas(p: Product, word: string): boolean {
  const name = foldText(`${p.nameFr} ${p.nameEn}`)
  return name.includes(word) || (word.endsWith("e") && name.includes(word.slice(0, -1)))
}

/**
 * "the small boxes" between two quoted boxes: the one whose name gives the smaller dimensions ("40 × 30 × 30" against
 * "60 × 40 × 40"); "the big ones" the larger. Nothing when the words name no size or fit fewer than two.
 */
export function bySize(words: readonly string[], quoted: readonly FoundLine[]): string[] {
  const size = words.find((w) => /^(?:small|smaller|petit|petite|big|bigger|large|larger|grand|grande|gro)$/.test(w))
  if (size === undefined) return []
  const rest = words.filter((w) => w !== size)
  const fits = quoted.filter((l) => rest.every((w) => nameHas(l.product, w)))
  if (fits.length < 2) return []
  const volume = (p: Product): number => (p.nameEn.match(/\d+(?:[.,]\d+)?/g) ?? []).reduce((v, n) => v * Number(n.replace(",", ".")), 1)
  const sorted = [...fits].sort((a, b) => volume(a.product) - volume(b.product))
  return [(/^(?:small|smaller|petit|petite)$/.test(size) ? sorted[0]! : sorted[sorted.length - 1]!).product.ref]
}

export function clamp(x: number): number {
  return Math.round(Math.max(0, Math.min(1, x)) * 100) / 100
}

export function bestPo(c: readonly { value: string; strength: number; evidence: string }[]): { value: string; strength: number; evidence: string } | null {
  let best: { value: string; strength: number; evidence: string } | null = null
  for (const x of c) if (best === null || x.strength > best.strength) best = x
  return best
}


/** The text less its sentences about the rest of an earlier order ("le reliquat de notre commande de novembre …"). */
export function withoutEarlierRest(text: string): string {
  return text
    .split("\n")
    .map((l) => l.split(/(?<=[.!?])\s+/).filter((s) => !EARLIER_REST.test(foldText(s))).join(" "))
    .join("\n")
}

export function dedupe(lines: FoundLine[]): FoundLine[] {
  const seen = new Set<string>()
  const out: FoundLine[] = []
  for (const l of lines) {
    const key = `${l.product.ref}|${l.quantity}|${l.unit}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(l)
  }
  return out
}

/** The texts folded sentence by sentence, one a line: words that must stand in one sentence cannot match across two. */
export function foldBySentence(parts: readonly string[]): string {
  return parts.flatMap((p) => p.split(/(?<=[\p{L}\d)][.!?])\s+(?=\p{Lu})/u)).map(foldText).join("\n")
}
