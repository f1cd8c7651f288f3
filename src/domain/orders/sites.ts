import { foldText } from "../search/fold-text"
import type { FoundLine } from "./lines"

/**
 * An order gathered for several places or deliveries: "les besoins des deux équipes", "each office sent me its list",
 * "all three shops", "split by depot", "livrés en deux fois". The corpus's convention (every label of its 600 mails) is
 * one line per product: such an order's lists add up ("Edinburgh: 20 reams … Glasgow: 10 reams" is 30 reams), whereas
 * elsewhere a product found twice is the same line read twice (a summary, a restatement) and counts once.
 */
const SITES =
  /\b(?:(?:deux|trois|quatre|cinq|2|3|4|5|both|two|three|four|five|all three|all four|each|every|chaque|per|par) (?:boutiques?|magasins?|sites?|offices?|bureaux|bureau|depots?|shops?|stores?|equipes?|teams?|hotels?|etablissements?|agences?|branches?|locations?|livraisons?|deliveries|delivery|drops?|fois)|(?:split|broken down|listed|sorted|separated) (?:by|per) (?:depot|site|shop|office|store|branch|location|team)|(?:per|par|a line per|one line per|une ligne par|ventilee?s? par|broken down by|split by) (?:vehicules?|vehicles?|work orders?|job|jobs|ordres? de travail|ot|machines?|engins?|chantiers?|camions?|trucks?|vans?)|(?:add|adding|total|totting) (?:them|these|those|it|the lines|the quantities) up|(?:additionner|additionnez|cumuler|cumulez|regrouper|regroupez) (?:les |ces )?(?:quantites|lignes)|regroupe\w*|(?:in|en) (?:one|a single|une seule|une) (?:drop|delivery|livraison)|one drop)\b/

export function ordersForSites(text: string): boolean {
  // Sentence by sentence: "(… dans l'unité 2). Livraison à l'entrée de service" names no two deliveries.
  return text.split(/[.!?;()]|\n\s*\n/).some((s) => SITES.test(foldText(s)))
}

/** The lines of an order for several places: one per product and unit, the places' quantities added up, in first-seen order. */
export function addUpSites(lines: readonly FoundLine[]): FoundLine[] {
  const out: FoundLine[] = []
  const at = new Map<string, number>()
  for (const l of lines) {
    const key = `${l.product.ref}|${l.unit}`
    const i = at.get(key)
    if (i === undefined) {
      at.set(key, out.length)
      out.push(l)
    } else out[i] = { ...out[i]!, quantity: out[i]!.quantity + l.quantity, confidence: Math.min(out[i]!.confidence, l.confidence, 0.75), evidence: `${out[i]!.evidence} / ${l.evidence}` }
  }
  return out
}
