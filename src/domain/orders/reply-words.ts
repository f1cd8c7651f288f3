import { foldText } from "../search/fold-text"
import type { FoundLine, findLines } from "./lines"
import type { MailSegment } from "./mail-body"

/**
 * Words of a customer's reply (to a quote or a proposal: what it takes, leaves out, changes or strikes) and of how an
 * order is to be invoiced, and the measures a line is counted in: helpers of extract-order.ts.
 */

/**
 * How to invoice the order asked for ("the total is for your invoice, one invoice is fine", "vous pouvez faire une seule
 * facture pour tout"): no invoice query.
 */
export const INVOICING = /\b(?:(?:the )?total is for your invoice|(?:one|a single|single|une seule|une) (?:invoice|facture)(?: (?:is fine|for (?:all|everything|both)|pour (?:tout|les deux)))?|(?:faire|make|send) (?:une seule|one|a single) (?:facture|invoice))\b/g

/** Saying the order is being placed, in so many words. */
export const PLACE_ORDER = /\b(?:passer (?:la|une|notre|cette) commande|(?:je|nous) (?:vous )?pass(?:e|ons) (?:la |une |notre |cette )?commande|plac(?:e|ing) (?:the|an|our|this) order)\b/

/** A number said to come on top of the quoted one: "2 rolls more", "3 de plus", "4 extra". */
const MORE = /\b(\d{1,4}) (?:[a-z]+ )?(?:more|de plus|en plus|supplementaires?|additional|extra)\b/g

/**
 * The line's own count said to come on top of the quoted one ("2 rolls more"), not another count of the sentence
 * ("40 packs d'eau au lieu de 30, on a 600 inscrits de plus": 600 people more, the water's 40 replaces the 30).
 */
export function onTopOfQuoted(evidence: string, quantity: number): boolean {
  return [...foldText(evidence).matchAll(MORE)].some((m) => Number(m[1]) === quantity)
}

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

/** What a reply leaves out of the quote it accepts: "sauf les masques", "except the masks". */
export const EXCEPT = /\b(?:sauf|hormis|except(?: for)?|but not|without|sans|a l['’ ]exception d(?:e|es|u)|no(?=(?: [\p{L}]+){1,3} (?:this time|cette fois|for now|pour cette fois))|pas de(?=(?: [\p{L}]+){1,3} (?:this time|cette fois|pour cette fois)))\s+((?:les?|la|l['’]|des|du|the)?\s*[\p{L}' -]{3,40})/giu

/** Lines of a quote named by their numbers: "items 1, 2 and 4", "articles 1 et 3", "lignes 2 à 4" (the ends only). */
export const ITEMS = /\b(?:items?|articles?|lignes?|postes?|lines?|positions?)\s+((?:n[°o]\s*)?\d{1,2}(?:\s*(?:,|and|et|&|\+)\s*\d{1,2})*)/giu
/** "make item 2 a dozen", "passez la ligne 3 à 20", "item 2: 12 instead of 6". */
export const ITEM_CHANGE = /\b(?:make|mettez|passez|put|change)\s+(?:la\s+|l['’]|the\s+)?(?:item|article|ligne|poste|line)\s+(\d{1,2})\s+(?:to\s+|a\s+|à\s+|at\s+)?(\d{1,4}|a dozen|une douzaine|two dozen|deux douzaines|ten|twenty|dix|vingt)\b/giu

export function spokenNumber(words: string): number {
  const w = foldText(words)
  return /^\d+$/.test(w) ? Number(w) : ({ "a dozen": 12, "une douzaine": 12, "two dozen": 24, "deux douzaines": 24, ten: 10, twenty: 20, dix: 10, vingt: 20 } as Record<string, number>)[w] ?? 1
}

/** The number a quote gives its line ("1. DET-5L …", "2) RAL-3M …"), read from the line's words. */
export function itemNumber(l: FoundLine): number | null {
  // "1. DET-5L …", "2) …", or a table's first cell: "1 | GN-4410 | …".
  const m = /^\s*\|?\s*(\d{1,2})\s*(?:[.)]\s|\|)/.exec(l.evidence)
  return m === null ? null : Number(m[1])
}

/** Scaling a quoted line: "doublez les gobelets", "twice as many cups", "half the water", "triplez le café". */
export const SCALE = /\b((?:le |the )?doubl\w*(?: de| of)?|(?:le )?tripl\w*(?: de| of)?|twice as many|three times as many|deux fois plus de|trois fois plus de|half(?: as many)?|moitie(?: moins)?(?: de)?)\s+(?:les?\s+|la\s+|l['’]|des\s+|the\s+|of\s+the\s+|de\s+|d['’])?([\p{L}' -]{3,30})/giu

/** Taking a quote as a whole, or with changes to it. */
export const WHOLE_QUOTE = /\b(?:(?:we|i) (?:ll |will )?take it|on (?:le )?prend(?: tout)?|nous (?:le )?prenons|(?:with|avec) (?:all of (?:that|it|this|them)|everything|the lot)|all of (?:that|it) (?:please|pls|svp)|tout (?:ca|cela|le reste)|bon pour accord|bon pour (?:le|ce|votre|notre) devis|ok pour (?:le|ce|votre) devis|devis (?:ci dessous )?(?:accepte|valide)|(?:we|i) accept (?:the|your|this) (?:quote|quotation)|approved as quoted|au lieu de|plutot que|instead of|rather than|(?:devis|quote|quotation) (?:tel quel|as it stands|as is)|yes to (?:everything|all|the lot|it all))\b/

/** Accepting a quote or proposal as it stands. */
export const ACCEPT =
  /\b(?:(?:ok|okay|yes|oui|d accord|fine|good)? ?(?:we|i) (?:ll |will )?take it|(?:ok|oui|d accord) (?:on (?:le )?prend|nous (?:le )?prenons)|bon pour accord|bon pour (?:le|ce|votre|notre) devis|vous pouvez (?:la |le )?lancer|(?:you can|please) (?:go ahead|proceed)|(?:we ll|we will|we|i ll|i will) take (?:items?|lines?|the lot|all)|nous prenons les (?:articles|lignes|postes)|on prend les (?:articles|lignes|postes)|je prends les (?:articles|lignes|postes)|valide(?:e|s)? (?:sous|par|avec|pour)|(?:ok|d accord|accord) (?:pour moi|de mon cote)|approved|validated|approuvee?s?|feu vert|ok pour (?:le|ce|votre) devis|devis (?:ci dessous )?(?:accepte|valide)|(?:j|nous|on) (?:accepte|acceptons|valide|validons) (?:le|ce|votre) devis|yes to (?:everything|all|the lot|it all)|je valide|nous validons|(?:we|i) accept (?:the|your|this) (?:quote|quotation|offer)|(?:quote|quotation) (?:below )?(?:is )?(?:accepted|approved)|please (?:go ahead|proceed)|go ahead with (?:the|your|this) (?:quote|quotation|order)|go ahead with (?:all|everything|the lot|it|that)|approved as quoted|(?:happy|pleased|glad|ok|okay|fine) to (?:go ahead|proceed)|(?:go ahead|proceed) as quoted|(?:a|ont|avons|ai|avez) (?:bien |donc )?(?:valide|accepte|approuve|retenu|vote) (?:le|ce|votre|notre|ton) devis|vous pouvez (?:donc |maintenant |des a present )?(?:livrer|nous livrer|envoyer|expedier)|(?:has|have) (?:now )?(?:approved|accepted|agreed) (?:the|your|this) (?:quote|quotation|estimate)|you (?:can|may) (?:now |therefore |go ahead and )?(?:deliver|ship|send (?:it|them|everything)))\b/

/** A line of an attached order struck out in the mail: "oubliez la ligne des chaises", "please drop the chairs". */
export const STRIKE = /\b(?:oubliez|retirez|enlevez|supprimez|barrez|rayez|ne tenez pas compte d[eu]|forget|drop|remove|delete|strike(?: out)?|ignore|leave off|take off)\s+(?:la ligne (?:des?|du|d['’])\s*|les lignes (?:des?|du)\s*|the lines? (?:for|of|with)\s+(?:the\s+)?|l['’]|les\s+|la\s+|le\s+|the\s+)([\p{L}'’ -]{3,30}?)(?=\s*(?:[,.;:!?(]|$|\s(?:from|du|de la|sur|on|of|in|dans|,)\b))/giu

/** Agreeing in a word to what was proposed: "all fine", "looks good", "c'est bon pour moi", "ça nous va". */
export const AGREES = /^(?:hi|hello|bonjour|dear)?[^.!?\n]{0,25}\b(?:all (?:fine|good|ok|okay)|(?:looks|sounds|that s|that is|it s) (?:fine|good|ok|okay|great)|c est (?:bon|ok|parfait)(?: pour (?:moi|nous))?|tout (?:est|me semble|nous semble) (?:bon|ok|parfait)|(?:ca|cela) (?:me|nous) va|ok pour (?:moi|nous)|(?:fine|ok|okay|good) (?:by|with|for) (?:me|us))\b/
/** A list put to the customer to confirm: "we'd suggest", "reply to confirm", "nous vous proposons", a quote. */
export const PROPOSAL = /\b(?:we d suggest|we suggest|we would suggest|suggested|we propose|proposed|reply to confirm|confirm and we ll|nous vous proposons|nous proposons|proposition|je vous propose|confirmez nous|merci de confirmer|devis|quotation|quote|commande proposee|(?:merci de |pouvez vous )?me dire si (?:c est|tout est|tout vous semble) (?:ok|bon)|let me know if (?:this|that|it|all) (?:is |s |looks )?(?:ok|okay|fine))\b/

/**
 * A forward whose note orders "the same again, except …" over the order it passes on (a new treasurer forwarding last
 * year's order): the forwarded order is what the note quotes, to be changed by it as a reply's quote is. The parts the
 * extractor reads: the note alone, quoting what it forwards.
 */
export function reorderOverForward(own: MailSegment[], subject: string, reorder: RegExp): MailSegment[] {
  if (own.length < 2 || !/^\s*(?:tr|fw|fwd|wg)\s*:/i.test(subject) || own.some((s) => s.quoted !== undefined) || !reorder.test(foldText(own[0]!.body))) return own
  return [{ ...own[0]!, quoted: own.slice(1).map((s) => s.body).join("\n\n") }]
}

/**
 * A quoted line's quantity told again: "only one toner this time", "juste deux cartons", "8 reams instead of 6", "20
 * gobelets au lieu de 10", "8 rolls of bin bags, not 5" (up to three words naming the goods between). Groups: (1, 2) the number and word after "only"; (3, 4, 5) the number, word and old number.
 */
export const RETOLD =
  /\b(?:only|just|seulement|juste|plus que)\s+(\d{1,4}|one|two|three|four|five|six|un|une|deux|trois|quatre|cinq|six)\s+([\p{L}-]{3,})|\b(\d{1,4})\s+([\p{L}-]{3,})(?:\s+(?:of|de|d['’])?\s*[\p{L}'’-]+){0,3}?(?:\s+|,\s*)(?:instead of|rather than|au lieu de|et non|not|pas)\s+(?:the\s+|les\s+)?(\d{1,4})\b(?!\s*(?:%|€|\$|£|x\b))/giu

const COUNT_WORDS: Readonly<Record<string, number>> = { one: 1, un: 1, une: 1, two: 2, deux: 2, three: 3, trois: 3, four: 4, quatre: 4, five: 5, cinq: 5, six: 6 }

export function countWord(w: string): number {
  return /^\d+$/.test(w) ? Number(w) : (COUNT_WORDS[foldText(w)] ?? 1)
}

/**
 * An added line's day is the earlier order's: "à la même livraison", "with the same delivery", "same day as below",
 * "même jour que ma première commande" (a second mail quoting the first).
 */
export const SAME_DELIVERY =
  /\b(?:(?:a|pour|avec) la meme livraison|(?:on|with|in|to) the same delivery|same (?:day|date|delivery(?: day| date)?) as (?:below|before|(?:the|my|our) (?:first|last|other|earlier|previous)(?: one| order| mail| email| message)?|this morning(?: s)?)|(?:le |la )?meme (?:jour|date|livraison) que (?:ci dessous|plus bas|ce matin|precedemment|la precedente|l autre|(?:la|ma|notre) premiere(?: commande)?|(?:le|mon|notre) premier(?: mail| message)?))\b/

/**
 * An added line's day and place both the earlier order's, said together with no "as below": « Même adresse, même date. »,
 * « Même livraison. », "Same address and date.", "same delivery details" (tune38). Not « ajoutez … à la même livraison »: goods put
 * on the delivery of an order placed already (SAME_DELIVERY gives them its day; the order is not restated).
 */
export const SAME_PLACE_AND_DAY =
  /\b(?:(?:la )?meme (?:adresse|lieu),? (?:et )?(?:la )?(?:meme )?(?:date|jour)|(?:la )?meme (?:date|jour),? (?:et )?(?:la )?(?:meme )?(?:adresse|lieu)|(?<!\b(?:a|avec|pour|sur) (?:la )?)(?:la )?meme livraison(?! que)|same (?:address|place),? (?:and )?(?:the )?(?:same )?(?:date|day)|same (?:date|day),? (?:and )?(?:the )?(?:same )?(?:address|place)|(?<!\b(?:on|with|in|to) the )same delivery(?: details| address and date)?(?! (?:day|date)\b| as\b))\b/
