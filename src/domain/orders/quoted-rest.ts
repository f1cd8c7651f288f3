import { foldText } from "../search/fold-text"
import type { CatalogMatcher } from "./catalog-match"
import { nameHas } from "./extract-helpers"
import type { FoundLine } from "./lines"
import { countWord, RETOLD, SAME_PLACE_AND_DAY, STRIKE } from "./reply-words"
import { unitOfWord } from "./units"

/**
 * A reply that changes part of the order quoted under it and keeps the rest: "le reste ne change pas", "le reste comme
 * dans mon premier message", "everything else as Jenna listed", "rest as per my mail below". The quoted order is the
 * order (its lines, number, day and place), changed by what the reply says.
 */
export const KEEPS_QUOTED_REST =
  /\b(?:(?:tout )?le reste (?:ne change pas|reste (?:le meme|inchange|identique)|(?:est )?(?:inchange|identique|sans changement)|(?:est )?comme (?:dans|prevu|convenu|indique|avant|ci dessous|plus bas)|idem)|(?:everything|anything|all) else (?:as|stays|is|unchanged|the same|remains)|(?:the )?rest (?:as (?:per|before|below|listed|is)|stays|is (?:the same|unchanged|as)|unchanged|remains))\b/

/**
 * A list the customer sent only to ask whether it can be had, the order to follow: "check availability before I
 * confirm", "avant que je valide", "je vous confirme le tout ensuite", "before we commit". Never our own words ("je
 * vous laisse me confirmer", "shall I go ahead?").
 */
const HELD_BACK =
  /\b(?:avant (?:que (?:je|nous|on) (?:ne )?(?:valide|validions|confirme|confirmions|commande|commandions|passe|passions)|de (?:valider|confirmer|commander|passer (?:la )?commande))|(?:je|nous|on) (?:vous )?(?:confirme|confirmerai|confirmerons|confirmera|valide|validerai|validerons)(?: le tout| la commande)? (?:ensuite|apres|plus tard|dans un second temps)|before (?:i|we) (?:confirm|commit|place (?:the|an|our) order|order|go ahead|sign off)|(?:i|we) ll confirm (?:after|once|then|the order)|once (?:i|we) (?:know|hear)|(?:check|confirm) (?:the )?(?:availability|stock)(?: first)?)\b/

/**
 * The day and the place of the quoted order said to be kept with the rest: "(date et adresse comprises)", "y compris la
 * date et le lieu", "date and address included", "including the date and delivery address", "same day and place".
 */
const DAY_AND_PLACE_KEPT =
  /\b(?:(?:(?:la |le )?(?:date|jour|day|delivery date)s? (?:et|and|&) (?:(?:l |le |la |the )?(?:adresse|lieu|address|place|site|delivery address|point de livraison))) (?:compris|comprise?s?|inclus|incluse?s?|included|too|as well|aussi|egalement|unchanged|inchanges?|as before|as planned|comme avant|comme prevu|sans changement|ne changent pas|stay the same|remain the same)|(?:y compris|including|incl) (?:la |le |the )?(?:date|jour|day|delivery date) (?:et|and|&) (?:l |le |la |the )?(?:adresse|lieu|address|place|site|delivery address)|(?:same|meme) (?:date|day) (?:and|et) (?:same |meme )?(?:address|place|adresse|lieu))\b/

/**
 * The reply keeps the rest of the order quoted under it, and that order is not the sender's own nor ours: a colleague's
 * order answered to all, or a thread that went through someone else ("Le mer. 2 déc., Domaine de la Vernède a écrit").
 * A sender correcting the order she sent us herself ("De : Sandrine Lopes" right below: "petite correction sur ma
 * commande de ce matin … le reste ne change pas") sends only the change: the rest reached us already. Our own quoted
 * offer is answered by the rules for quotes.
 */
/**
 * "please add 2 boxes of black pens to the order below. Same PO, same date and address.", « ajoutez 2 boîtes … à la commande
 * ci-dessous. Même date, même adresse. »: goods added to the order quoted under the reply, its day and place said kept —
 * the whole order restated, as "date et adresse comprises" says it.
 */
const ADDS_TO_QUOTED = /\b(?:add|adding|ajout\w*|rajout\w*)\b.{0,80}?\b(?:to|onto|[a]|dans)\s+(?:(?:the|my|our|this|la|ma|notre|cette)\s+)?(?:order|commande|po)\s+(?:below|underneath|ci dessous|en dessous|plus bas)\b/
/** Goods added, in the reply's own words: « ajoutez », « j'ajoute », « rajoutez-moi », "add", "please also add". */
const ADDS = /\b(?:add|adding|ajout\w*|rajout\w*)\b/
const SAME_DAY_AND_PLACE =
  /\b(?:(?:same|meme) (?:po |bon de commande )?(?:(?:and|et) )?(?:same |meme )?(?:delivery |de livraison )?(?:date|day|jour)(?: (?:and|et))? (?:the )?(?:same |meme )?(?:delivery |de livraison )?(?:address|place|site|location|adresse|lieu)|(?:everything|all|tout) (?:else )?(?:the same|pareil|identique|inchange) (?:(?:po|date|day|address|place|adresse|lieu) ){1,3})/

export function keepsQuotedRest(body: string, quoted: string, from: { address: string; name: string }, ownDomains: readonly string[]): boolean {
  const folded = foldText(body)
  if (ADDS_TO_QUOTED.test(folded) && (DAY_AND_PLACE_KEPT.test(folded) || SAME_DAY_AND_PLACE.test(folded))) return true
  // « J'oubliais : ajoutez 2 boîtes … Même adresse, même date. », "add 3 rolls of tape to this, same PO" (tune38): goods
  // added to the order quoted, said to go with it — the whole order restated, its day and place the quoted one's.
  if (ADDS.test(folded) && (SAME_PLACE_AND_DAY.test(folded) || /\b(?:same po|meme (?:bon de )?commande)\b/.test(folded))) return true
  if (!KEEPS_QUOTED_REST.test(folded)) return false
  // Her own list held back in the thread ("before I confirm", "avant que je valide") was never placed: this reply places it.
  if (HELD_BACK.test(foldText(quoted))) return true
  // "Le reste comme dans mon message ci-dessous (date et adresse comprises)": the sender restates the whole order, its
  // day and place named as kept, not just the change to one already keyed in.
  // ("Le reste sans changement (même date, même adresse)", "Everything else unchanged - same date, same address": the day
  // and place said kept one by one, no "et" between them.)
  if (DAY_AND_PLACE_KEPT.test(folded) || SAME_DAY_AND_PLACE.test(folded)) return true
  const head = /^[>\s]*(?:(?:from|de)\s*:\s*(.+)|(.+(?:a [ée]crit|wrote)\s*:))\s*$/im.exec(quoted.split("\n").slice(0, 6).join("\n"))
  const who = (head?.[1] ?? head?.[2] ?? "").toLowerCase()
  const own = who.includes(from.address.toLowerCase()) || (from.name.trim() !== "" && who.includes(from.name.trim().toLowerCase()))
  return !own && !ownDomains.some((d) => who.includes(d.toLowerCase()))
}

/** "On enlève les gobelets", "we'll drop the cups", "…, and drop the batteries": a quoted product struck from the order. */
const STRUCK = /(?:^\s*|\b(?:on|nous|we|we ll|we will|i ll|please|and|et|then|puis)\s+)(?:enleve|enlevons|retire|retirons|supprime|supprimons|drop|remove|take out|take off|leave out|skip)\s+(?:les|la|le|l|the|des)\s+([a-z -]{3,30}?)(?=\s*(?:[,.;:!?(]|$)|\s(?:et|and|from|du|de la|le traiteur)\b)/g

/** "Bump the mediums to 10 boxes", "passez les L à 8 boîtes": a quoted product named by its size alone, its new count. */
const SIZE_TO = /\b(?:bump|make|up|increase|raise|change|put|passez|passer|mettez|mettre|montez|monter)\s+(?:the|les)\s+(smalls?|mediums?|larges?|extra larges?|xl|s|m|l)\s+(?:up\s+)?(?:to|a)\s+(\d{1,4})\b/g
const SIZES: Readonly<Record<string, string>> = { small: "s", s: "s", medium: "m", m: "m", large: "l", l: "l", "extra large": "xl", xl: "xl" }

/** The quoted products the reply strikes: the catalog's best match for its words, else the quoted ones named so. */
export function struckFromQuote(body: string, quoted: readonly FoundLine[], matcher: CatalogMatcher): string[] {
  const out: string[] = []
  // Clause by clause: folding drops the commas that end what is struck ("on enlève les gobelets, la salle a sa vaisselle").
  for (const m of body.split(/[,.;:!?()]/).flatMap((c) => [...foldText(c).matchAll(STRUCK)])) {
    const words = m[1]!.split(" ").filter((w) => w.length > 2 && !/^(?:les|des|the)$/.test(w)).map((w) => w.replace(/s$/, ""))
    const named = quoted.filter((l) => words.length > 0 && words.every((w) => nameHas(l.product, w))).map((l) => l.product.ref)
    const hit = named.length > 0 ? null : matcher.matchName(m[1]!.split(" ")).hit
    out.push(...named, ...(hit !== null && quoted.some((l) => l.product.ref === hit.product.ref) ? [hit.product.ref] : []))
  }
  return out
}

/** A quoted product named by its size ("the mediums"), when one quoted product alone is in that size: its new count. */
export function sizesRetold(body: string, quoted: readonly FoundLine[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const m of foldText(body).matchAll(SIZE_TO)) {
    const size = SIZES[m[1]!.replace(/s$/, "")] ?? SIZES[m[1]!]
    if (size === undefined) continue
    const hits = quoted.filter((l) => new RegExp(`\\b(?:taille|size|sz)\\s+${size}\\b`).test(foldText(`${l.product.nameFr} ${l.product.nameEn}`)))
    if (hits.length === 1) out.set(hits[0]!.product.ref, Number(m[2]))
  }
  return out
}

/**
 * « Deux corrections de ma part : enlevez les piles, … Le reste comme Yann l'a écrit. », "Please drop the bin bags, we've
 * loads" above the colleague's list it forwards (tune38): the forwarder strikes that line of the list below, as a mail
 * strikes a line of its attachment. Lines the top message names itself (`named`) are its own.
 */
export function strikeBelow(body: string, found: FoundLine[], matcher: CatalogMatcher, named: ReadonlySet<string>, below: ReadonlySet<string>): void {
  for (const m of body.matchAll(STRIKE)) {
    const ref = matcher.matchName(foldText(m[1]!).split(" ")).hit?.product.ref
    // ("the bin bags": the catalog's best match may be another size than the list's; the one line below named so is struck)
    const words = foldText(m[1]!).split(" ").filter((w) => w.length > 2).map((w) => w.replace(/s$/, ""))
    const named1 = found.filter((l) => below.has(l.product.ref) && !named.has(l.product.ref) && words.length > 0 && words.every((w) => nameHas(l.product, w)))
    const struck = ref !== undefined && below.has(ref) ? ref : named1.length === 1 ? named1[0]!.product.ref : undefined
    const at = struck === undefined || named.has(struck) ? -1 : found.findIndex((l) => l.product.ref === struck)
    if (at >= 0) found.splice(at, 1)
  }
}

/**
 * "Make that 20 reams, not 15" above the colleague's list it forwards ("15 reams of A4"): the forwarder's later word
 * retells the one line below of that count and unit (or name), as a reply's "8 boxes, not 6" does its quote's. Lines the
 * top message names itself (`named`) are its own.
 */
export function retellBelow(body: string, found: FoundLine[], named: ReadonlySet<string>, below: ReadonlySet<string>): void {
  for (const m of body.matchAll(RETOLD)) {
    if (m[5] === undefined) continue
    const said = foldText(m[4]!)
    const unit = unitOfWord(said.replace(/s$/, "")) ?? unitOfWord(said)
    const hits = found.filter((l) => l.quantity === Number(m[5]) && !named.has(l.product.ref) && (nameHas(l.product, said.replace(/s$/, "")) || unit === foldText(l.product.unit)))
    const n = countWord(m[3]!)
    // (« mettez 8 bidons de liquide vaisselle au lieu de 6 »: the reply names the forwarded product itself, read as it is.)
    const ownReading = found.filter((l) => l.quantity === n && l.evidence.includes(m[0]))
    if (hits.length !== 1 || ownReading.some((o) => below.has(o.product.ref))) continue
    hits[0]!.quantity = n
    // The reply's own reading of the same words ("8 rolls of bin bags" read as the 50 L bags) is the line retold, no line more.
    for (let k = found.length - 1; k >= 0; k--) if (found[k] !== hits[0] && found[k]!.quantity === n && found[k]!.evidence.includes(m[0])) found.splice(k, 1)
  }
}
