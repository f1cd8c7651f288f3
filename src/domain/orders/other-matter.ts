import { foldText } from "../search/fold-text"
import type { FoundLine } from "./lines"
import { readOrderAct } from "./order-act"

/**
 * Mails that carry the order beside something else: a calendar invitation booking the delivery slot, a complaint
 * about an earlier delivery in one paragraph and the goods ordered in the next. Pure.
 */

/**
 * A slot booked for the goods to arrive, not a meeting: "créneau de livraison", "slot booked for PO …", "le rendez-vous
 * de livraison pour notre commande", "delivery appointment", "delivery window".
 */
export const DELIVERY_SLOT =
  /\b(?:(?:creneau|slot|rendez vous|rdv|appointment|booking)s? (?:de |pour (?:la |une |notre )?|for (?:the |a |our )?)?(?:livraison|reception|delivery|unloading)|(?:delivery|livraison|reception|unloading|goods in) (?:slot|appointment|window|booking)|slot (?:is )?booked|creneau (?:est )?reserve)\b/

/**
 * A calendar invitation's "Quand :" / "When:" and "Où :" / "Where:" lines, when it books a delivery slot, say when and
 * where the goods are delivered.
 */
export function asSlot(body: string, slot: boolean): string {
  return slot ? body.replace(/^[ \t]*(?:quand|when)[ \t]*:/gim, "Livraison :").replace(/^[ \t]*(?:o[uù]|where)[ \t]*:/gim, "Adresse de livraison :") : body
}

/** A paragraph turning to another matter: "2) Pour la suite", "Second,", "Par ailleurs", "Separately,", "Au passage,", "By the way,". */
const NEXT_MATTER =
  /^(?:first|firstly|second|secondly|third|next|also|separately|otherwise|besides|on (?:a |an )?(?:other|another|separate|different) (?:note|matter|subject)|other than that|pour la suite|sinon|par ailleurs|d autre part|autre chose|ensuite|deuxiemement|troisiemement|deuxieme (?:chose|point)|enfin|et aussi|en plus|pour le reste|and (?:also|secondly)|au passage|en passant|a propos|tant que (?:j y suis|nous y sommes|on y est)|by the way|btw|while (?:i m at it|i have you|we re at it)|incidentally)\b/
const NUMBERED = /^\s*(?:\(?\d{1,2}[).]|[a-d]\))\s/
/** A postscript is a matter of its own: "PS : profitez-en pour nous livrer…" under a question about an invoice. */
const POSTSCRIPT = /^\s*(?:p\.?\s?-?s\.?|pps)(?=[\s:,.\-–—(]|$)/i

/**
 * An order beside another matter: paragraphs of the mail's own text that name goods, order them ("nous aurions besoin
 * de :", "please send") and say nothing against it, while another paragraph complains of an earlier delivery or asks
 * something else. The lines of the paragraphs that order and the other paragraphs (a day they name is not the
 * delivery's), or null when the mail is not written so.
 */
export function orderedApart(bodies: readonly string[], lines: readonly FoundLine[], against: (folded: string) => boolean): { lines: FoundLine[]; aside: string[] } | null {
  if (lines.length === 0 || lines.some((l) => l.source !== undefined)) return null
  const paragraphs = bodies.flatMap((b) => b.split(/\n[ \t>]*\n/)).map((raw) => ({ raw, against: against(foldText(raw)) }))
  const holds = (p: string, l: FoundLine): boolean => l.evidence.split(" / ").some((piece) => piece.trim() !== "" && p.includes(piece.trim()))
  // The paragraph that orders says it turns to another matter ("2) Pour la suite, …", "Second, a new order", "Sinon, …").
  const ordering = paragraphs.filter((p) => !p.against && (NUMBERED.test(p.raw) || POSTSCRIPT.test(p.raw) || NEXT_MATTER.test(foldText(p.raw))) && lines.some((l) => holds(p.raw, l)))
  if (ordering.length === 0 || !paragraphs.some((p) => p.against)) return null
  if (!ordering.every((p) => readOrderAct({ subject: "", bodies: [p.raw], attachments: [] }).act !== null)) return null
  // The goods the other matter names ("3 boîtes sont inutilisables") are not ordered.
  const kept = lines.filter((l) => ordering.some((p) => holds(p.raw, l)))
  const aside = paragraphs.filter((p) => p.against).map((p) => p.raw)
  return lines.every((l) => kept.includes(l) || aside.some((p) => holds(p, l))) ? { lines: kept, aside } : null
}
