import { POSTAL_LINE, STREET } from "./address-shapes"

/**
 * How people word a place around its address: which of their places is NOT where the goods go, a sentence carried onto
 * the next line by its brackets, and what before a place's name says nothing a driver needs (a verb, a bare kind of
 * premises). Read by findDeliveryAddress (delivery-address.ts) before and after its rules; kept apart from the rules
 * that find an address, which grow past their files' room.
 */

/**
 * A place said to take no goods: « le siège (…) ne réceptionne pas de marchandise », « notre bureau ne reçoit pas les
 * livraisons », "our head office can't accept deliveries", "accounts are at …, invoices only please", « adresse
 * pour la facturation uniquement », "that address is not a delivery address". The sentence names a place the mail
 * sends nothing to, however it is written.
 */
const TAKES_NO_GOODS = new RegExp(
  [
    String.raw`\bne (?:r[ée]ceptionne|re[çc]oi[tv]|re[çc]oivent|prend|prennent|accepte|acceptent|peut|peuvent) (?:pas|jamais|plus|aucune?)(?: (?:de|les|la|le|des|d['’]|r[ée]ceptionner|recevoir|accepter|prendre))*\s*(?:marchandises?|livraisons?|colis|commandes?|fournitures?|palettes?)`,
    String.raw`\b(?:pas de|aucune) (?:livraisons?|marchandises?|r[ée]ceptions?) (?:au|aux|[àa]|chez|sur|l[àa])\b`,
    String.raw`\b(?:factur(?:es?|ation)|courrier) (?:uniquement|seulement)\b`,
    String.raw`\b(?:pour|for) (?:la facturation|les factures|le courrier|(?:the )?invoices?|invoicing|billing|(?:the )?post|mail) (?:uniquement|seulement|only)\b`,
    String.raw`\b(?:invoices?|invoicing|billing|post|mail) only\b`,
    String.raw`\b(?:does not|doesn['’]t|do not|don['’]t|cannot|can['’]t|can not|won['’]t|will not|is not able to|are not able to|isn['’]t able to) (?:take|accept|receive|sign for|handle|take in) (?:any |the )?(?:deliveries|delivery|goods|parcels|freight|stock|pallets)\b`,
    String.raw`\bno (?:deliveries|goods|parcels|freight) (?:to|at|there|here)\b`,
    String.raw`\b(?:(?:is|are) not|isn['’]t|aren['’]t) (?:a |the |our )?(?:delivery|receiving) (?:address|point|site)\b`,
    String.raw`\bn['’](?:est|accepte) pas (?:une |l['’]|notre )?(?:adresse|point|lieu) de (?:livraison|r[ée]ception)\b`
  ].join("|"),
  "iu"
)

const SENDS = /\b(?:livr\w*|deliver\w*|ship\w*|send|envoy\w*|exp[ée]di\w*|drop)\b/i

/**
 * A line with each sentence that names an address (a postal code in it) AND says that place takes no goods taken out (no sending word in it):
 * the address is no candidate, and an address beside it in the same line or block is read as if it stood alone.
 * ("Le siège (3 cours …, 33000 Bordeaux) ne réceptionne pas de marchandise." after « Livraison … : 18 avenue …, 33700
 * Mérignac. »)
 */
export function withoutPlacesTakingNoGoods(line: string): string {
  if (!TAKES_NO_GOODS.test(line)) return line
  const sentences = line.split(/(?<=[.!?])\s+(?=\p{Lu})/u)
  // ("Delivery to …, 12 Hewletts Road, …, not our PO Box …, which is for invoices only.": a sentence that also sends the
  // goods somewhere names both places, and the older rules tell them apart.)
  // (The refusal's own words, "… can't take deliveries", « ne réceptionne aucune livraison », send nothing.)
  const kept = sentences.filter((s) => !(TAKES_NO_GOODS.test(s) && POSTAL_LINE.test(s) && !SENDS.test(s.replace(TAKES_NO_GOODS, " "))))
  return kept.length === sentences.length ? line : kept.join(" ")
}

/**
 * One word for a kind of premises before "at" and the address's number or unit: "our depot at 14 Industrial Avenue",
 * "the yard at Unit 9, …", "the warehouse at 3 Dock Road": the word says which of the sender's places, the address after
 * "at" is where ("the counter at 18 Dock Road", "the forecourt at 4 …" too). A spot qualified by more words ("the field depot at 18 …", "the mail room at 2234 …", "the rental
 * return shed at 16 …") names where inside, and stays, as the corpus's labels keep it.
 */
const BARE_PREMISES_AT =
  /^(?:(?:the|our|my|their) )?(?:depot|yard|warehouse|site|office|offices|premises|shop|store|workshop|plant|factory|base|compound|branch|studio|clinic|surgery|practice|school|hall|garage|unit|farm|lab|showroom|restaurant|cafe|café|hotel|salon|kitchen|place|house|home|flat|apartment|counter|forecourt|pound|bakery|dairy|mill|barn|stables) at (?=\d{1,5}[a-z]?\b|(?:unit|units|suite|building|block|bay|lot|plot|floor|level)\s+\w*\d)/iu

export function withoutBarePremisesAt(value: string): string {
  return value.replace(BARE_PREMISES_AT, "")
}

/**
 * An instruction to the driver heading the value, "bring to the back door (alley side), Petal & Stem, 12 …", « déposer
 * au portail, Ferme des Saules, 4 chemin … », "leave at the side gate, …": a verb is no part of a place; the address
 * starts after it (only when a street and a postal code follow, so nothing else is lost).
 */
const INSTRUCTION_FIRST =
  /^(?:please |merci de |pls )?(?:bring|take|deliver|drop|leave|carry|d[ée]poser|d[ée]posez|apporter|apportez|laisser|laissez|livrer|livrez)\b(?: (?:it|them|everything|the goods|the lot|le tout|les colis))?(?: off)? (?:to|at|round|round to|by|[àa]|au|aux|devant|derri[èe]re|par)\b[^,\n]{1,50},\s*(?=\S)/iu

export function withoutInstructionFirst(value: string): string {
  const m = INSTRUCTION_FIRST.exec(value)
  if (m === null) return value
  const rest = value.slice(m[0].length)
  // ("2210 S Lamar Blvd": a house number then a name, the street's word abbreviated, counts as the street.)
  return (STREET.test(rest) || /\b\d{1,5}\s+\p{L}/u.test(rest)) && POSTAL_LINE.test(rest) ? rest : value
}

const SENDING = /\b(?:livr\w*|deliver\w*|ship\w*|send|envoy\w*|exp[ée]di\w*|bring|drop)\b/i

/**
 * A delivering sentence wrapped before its brackets, as a letter or a PDF's column wraps it: « … à notre entrepôt d'Ingré »
 * then « (112 rue des Aulnaies, 45140 Ingré), du lundi au vendredi », "… to our Leeds depot" then "(4 Ring Road, Leeds LS12
 * 6AB) before noon". The brackets are joined to the line they end, which reads as written on one line; the next line is
 * left blank in its place, so every other line keeps its index.
 */
export function withBracketsRejoined(lines: readonly string[]): string[] {
  const out = [...lines]
  for (let i = 0; i + 1 < out.length; i++) {
    const next = /^\s*(\([^()]{8,120}\))/.exec(out[i + 1]!)
    if (next === null || !STREET.test(next[1]!) || !POSTAL_LINE.test(next[1]!)) continue
    if (!SENDING.test(out[i]!) || /[.:;!?)]\s*$/.test(out[i]!)) continue
    out[i] = `${out[i]!.trimEnd()} ${out[i + 1]!.trim()}`
    out[i + 1] = ""
  }
  return out
}
