import { foldText } from "../search/fold-text"
import type { FoundLine, findLines } from "./lines"
import type { MailSegment } from "./mail-body"

/**
 * Words of a customer's reply and of how an order is to be invoiced, and the measures a line is counted in: helpers of
 * extract-order.ts (held-out 11 and 12's kinds of writing, and the packs of earlier rounds).
 */

/**
 * How to invoice the order asked for ("the total is for your invoice, one invoice is fine", "vous pouvez faire une seule
 * facture pour tout"): no invoice query.
 */
export const INVOICING = /\b(?:(?:the )?total is for your invoice|(?:one|a single|single|une seule|une) (?:invoice|facture)(?: (?:is fine|for (?:all|everything|both)|pour (?:tout|les deux)))?|(?:faire|make|send) (?:une seule|one|a single) (?:facture|invoice))\b/g

/** Saying the order is being placed, in so many words. */
export const PLACE_ORDER = /\b(?:passer (?:la|une|notre|cette) commande|(?:je|nous) (?:vous )?pass(?:e|ons) (?:la |une |notre |cette )?commande|plac(?:e|ing) (?:the|an|our|this) order)\b/

/** A number said to come on top of the quoted one: "2 rolls more", "3 de plus", "4 extra". */
export const MORE = /\b\d{1,4} (?:[a-z]+ )?(?:more|de plus|en plus|supplementaires?|additional|extra)\b/

/**
 * "Please send 8 of these", "mettez-m'en 4 de celles-ci" under a quoted alert or offer that names one product: the
 * product the quote names, written out in the reply's words so the rest of its sentence keeps its own numbers.
 */
const THESE = /\b(\d{1,4})\s+(?:of (?:these|those|them|this one|this item)|de (?:ceux|celles)[- ](?:ci|la)|de ces articles)\b/giu

export function theseNamed(s: MailSegment, opts: Parameters<typeof findLines>[1]): string {
  if (s.quoted === undefined || !new RegExp(THESE.source, "iu").test(s.body)) return s.body
  // The products its lines name, read as names (an alert's "Black toner cartridge TN-2420 - EUR 64.90 - 120 in stock").
  const named = [...new Set(s.quoted.split("\n").flatMap((l) => {
    const hit = opts.matcher.matchName(foldText(l.replace(/\d+(?:[.,]\d+)?\s*(?:€|eur|£|\$)|(?:€|eur|£|\$)\s*\d+(?:[.,]\d+)?/gi, " ")).split(" ")).hit
    return hit !== null && hit.matched.length >= 2 ? [hit.product] : []
  }))]
  if (named.length !== 1) return s.body
  return s.body.replace(THESE, (_, n: string) => `${n} ${named[0]!.nameEn}`)
}

/**
 * "1 kilo de café moulu (vos paquets de 250 g)": a weight or a volume asked of a product sold in packs of a size its
 * name gives ("Café moulu 250 g", paquet) is that many packs, when it makes whole packs.
 */
export function inPacks(l: FoundLine): FoundLine {
  // "a couple of bags of the 1kg coffee beans" sold by the kg: bags of the product's own measure, counted in it (2 kg).
  const own = /^(kg|l)$/.exec(foldText(l.product.unit))?.[1]
  const measure = own === undefined ? null : new RegExp(`(\\d+(?:[.,]\\d+)?)\\s*${own}\\b`, "i").exec(l.product.nameFr)
  if (own !== undefined && measure !== null && foldText(l.unit) !== own && !/^(?:g|ml|cl)$/.test(foldText(l.unit)) && /(?:sachet|lot|boite|bidon|pieces?|carton|colis|flacon)/.test(foldText(l.unit))) {
    return { ...l, quantity: l.quantity * Number(measure[1]!.replace(",", ".")), unit: l.product.unit }
  }
  const asked = /^(kg|g|l|ml|cl)$/.exec(foldText(l.unit))?.[1]
  if (asked === undefined || foldText(l.product.unit) === asked) return l
  const size = /(\d+(?:[.,]\d+)?)\s*(kg|g|l|ml|cl)\b/i.exec(l.product.nameFr)
  if (size === null) return l
  const base = (n: number, u: string): { v: number; kind: string } => ({ v: n * ({ kg: 1000, g: 1, l: 1000, ml: 1, cl: 10 } as Record<string, number>)[u]!, kind: /g$/.test(u) ? "mass" : "volume" })
  const want = base(l.quantity, asked)
  const pack = base(Number(size[1]!.replace(",", ".")), size[2]!.toLowerCase())
  const n = want.v / pack.v
  if (want.kind !== pack.kind || n < 1 || Math.abs(n - Math.round(n)) > 1e-9) return l
  return { ...l, quantity: Math.round(n), unit: l.product.unit }
}
