import type { Group, LineOptions, Token } from "./line-product"

/** A word naming a product's variant: a size (normalized to "qsize…") or a colour. */
const VARIANT = /^(?:qsize\w+|noire?s?|black|couleurs?|colou?rs?|bleue?s?|blue|rouges?|red|verte?s?|green|jaunes?|yellow|blanche?s?|white)$/

/** A piece of a line naming another variant of the previous product: the group carries the product's other words. */
export type VariantGroup = Group & { stem?: string[] }

/**
 * A piece naming only a size after a product with sizes: "two boxes of small nitrile gloves, three boxes of
 * medium" is the medium gloves; a colour too ("2 cartouches HP 305 noires + 1 couleur" is the colour cartridge). The
 * previous product's words, its variant swapped for this one; a third piece ("S x 6, M x 10, L x 4") takes the same
 * words again.
 */
export function otherSizeOf(prev: VariantGroup | undefined, tokens: Token[], from: number, to: number, opts: LineOptions): VariantGroup | null {
  if (prev === undefined) return null
  const size = tokens.slice(from, to).findIndex((t) => VARIANT.test(t.folded))
  if (size < 0 || (prev.stem === undefined && ![...prev.used].some((k) => VARIANT.test(tokens[k]!.folded)))) return null
  const words = prev.stem ?? [...prev.used].sort((a, b) => a - b).filter((k) => !VARIANT.test(tokens[k]!.folded)).map((k) => tokens[k]!.folded)
  const { hit } = opts.matcher.matchName([...words, tokens[from + size]!.folded], opts.prefer)
  if (hit === null || hit.product === prev.product) return null
  return { from, to, product: hit.product, confidence: Math.min(prev.confidence, 0.75), used: new Set([from + size]), stem: words }
}
