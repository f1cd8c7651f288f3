import { foldText } from "../search/fold-text"
import { TITLE } from "./address-fallbacks"
import { cleanAddressPart, UP_TO_TOWN } from "./address-bounds"
import { BILLING, POSTAL_LINE, STREET, streetOf } from "./address-shapes"

/**
 * The address written under the goods with no word naming it, the way a new author writes it (tune38): the block, or the
 * whole address on one line, then a note on the way in ("Airside pass not needed, stores is landside.", « Si le quai est
 * fermé, remettre au chauffeur … ») or the thanks. blockUnderGoods (address-in-prose.ts) reads the block right under the
 * list that has a street and the thanks straight after it; this reads, only when that found none, the block one short
 * note below the list ("Pour mardi, merci." / "No rush, sometime before Christmas is fine."), the block with no street
 * word ("Gogar Tram Depot, Goods In / Gogarburn / Edinburgh EH12 9DQ"), the one line of three parts or more ("Ice plant
 * store, Brixham Fish Market, Oxen Cove, Brixham TQ5 8AW"), even as the list's last line, and the block followed by a
 * note of any kind before the name. A signature is told apart by what follows it: nothing, contact lines, a title — never
 * a note in sentences then the sender's name.
 */

type Found = { value: string; evidence: string; confidence: number }

/** A line of goods as a list writes it: "6 boîtes capsules", "- 12 x hand soap", "10 reams of paper". */
const GOODS_LINE = /^\s*(?:[-*•]\s*)?\d+\s*(?:x\s*)?\p{L}/iu
/** The thanks or greeting that closes a mail (folded: "Nga mihi" as "Ngā mihi"). */
// ("With thanks,", "With kind regards,", "Yours,", « En vous remerciant, », « Avec mes remerciements »: a thanks opening on
// another word closes the mail as "Thanks" does.)
const SIGN_OFF_FOLDED = /^(?:merci|thanks?\b|thank you|thx|many thanks|cheers|ta\b|cordialement|bien a vous|bonne (?:journ|soir)|salutations|(?:meilleures|sinceres|cordiales|mes|nos) salutations|best|kind regards|regards|warm|sincere|nga mihi|a bientot|bises|slainte|with (?:many |grateful |best |kind |warm )?(?:thanks|regards|wishes)\b|yours\b|all the best|en vous remerciant|avec (?:mes|nos|tous mes|tous nos) remerciements)/
/** A first name, or a first and last name, alone on its line: the sender signing. */
const NAME_LINE = /^\s*\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’.-]*){0,2}\s*,?\s*$/u
/** Contact lines are a signature's, never a note's. */
const CONTACT = /@|https?:|www\.|\+?\d[\d .()-]{8,}\d/

/** A full stop, "!" or "?" then more words on the same line, not an abbreviation's ("St. Lawrence", « av. Foch »). */
const SENTENCE_INSIDE = /(?<!\b(?:St|Ste|Mt|Ave|Av|Rd|Dr|No|Bd|Blvd|Pl|Sq|Co|[A-Z]))[.!?]\s+\S/

/** A texted sign-off: a dash, the first name (and a last name or an initial), at most a note in brackets after it. */
const DASH_NAME = /^\s*(?:[-–—~]{1,2})\s*\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’.-]*)?\s*(?:\([^()]*\))?\s*$/u

const signsOff = (l: string): boolean => SIGN_OFF_FOLDED.test(foldText(l)) || NAME_LINE.test(l)

/**
 * A note after the block, in sentences ("Not the Harbour Office on the New Pier, they'll only ring me …"), up to three
 * lines, then the thanks or the sender's name (or the mail's end, its signature opening on them).
 */
function noteOrThanksAfter(lines: readonly string[], from: number, signature: string): boolean {
  let k = from
  while (k < lines.length && lines[k]!.trim() === "") k++
  // (a block that ends the mail unthanked is a signature put under the goods: "Jeanne Martin / La Cave du Port, …")
  const closes = (at: number): boolean => (at >= lines.length ? signsOff(signature.split("\n").find((l) => l.trim() !== "") ?? "") : signsOff(lines[at]!))
  if (k < lines.length && SIGN_OFF_FOLDED.test(foldText(lines[k]!))) return true
  // ("- Jay (Kitchen 4 runs 3 delivery brands)", "— Mel", « -- Karim »: a texted sign-off, a dash then the first name, last in the mail.)
  if (k < lines.length && DASH_NAME.test(lines[k]!) && lines.slice(k + 1).every((l) => l.trim() === "")) return true
  let notes = 0
  while (k < lines.length && lines[k]!.trim() !== "" && notes < 3) {
    const l = lines[k]!.trim()
    if (CONTACT.test(l) || TITLE.test(l) || (l.split(/\s+/).length < 4 && !/[.!?]$/.test(l)) || !/\p{Ll}{3,}/u.test(l) || GOODS_LINE.test(l)) break
    notes++
    k++
  }
  if (notes === 0) return k < lines.length ? NAME_LINE.test(lines[k]!) && (k + 1 >= lines.length || lines[k + 1]!.trim() === "") : closes(k)
  while (k < lines.length && lines[k]!.trim() === "") k++
  return closes(k)
}

/** The paragraph right above line i (a blank line between) is a short note whose own paragraph above ends the goods. */
function underNoteUnderGoods(lines: readonly string[], i: number): boolean {
  if (i < 2 || lines[i - 1]!.trim() !== "") return false
  let p = i - 2
  while (p > 0 && lines[p - 1]!.trim() !== "" && i - 2 - p < 2) p--
  if (lines[p]!.trim() === "" || (p > 0 && lines[p - 1]!.trim() !== "") || /:\s*$/.test(lines[i - 2]!)) return false
  return p >= 2 && lines[p - 1]!.trim() === "" && GOODS_LINE.test(lines[p - 2]!)
}

/**
 * Line i-1 is one sentence of note (no colon, no goods), alone in its paragraph above line i, the list's paragraph above it,
 * and line i a whole address with its house number ("Kestrel Travel, Quay Street, Thurso …" under "Monday would be best."
 * is an agency's card when the goods were said to be for the depot).
 */
function noteRightAbove(lines: readonly string[], i: number): boolean {
  const note = lines[i - 1]!.trim()
  return i >= 3 && STREET.test(lines[i]!) && /\p{Ll}{3,}.*[.!?]$/u.test(note) && !note.replace(CLOCK, " ").includes(":") && !GOODS_LINE.test(note) && !CONTACT.test(note) && lines[i - 2]!.trim() === "" && (GOODS_LINE.test(lines[i - 3]!) || GOODS_ROW.test(lines[i - 3]!))
}

/**
 * A table's row of goods, its count in the last cell ("Packing tape | 12", "| Gants nitrile M | 4 |"): the list ends there as
 * a goods line ends it; and an hour ("before lunch at 11:30.", « avant 7h30 ») is no label's colon (tune50b).
 */
const GOODS_ROW = /^\s*\|?[^|\d]*\p{L}[^|]*\|\s*\d+(?:[.,]\d+)?\s*\|?\s*$/u
const CLOCK = /\b\d{1,2}:\d{2}\b/g

export function blockAfterGoods(lines: readonly string[], sender: string, signature: string): Found | null {
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.trim() === "" || (GOODS_LINE.test(lines[i]!) && !streetOf(lines[i]!))) continue
    // The list's next line, no blank between: only a whole address on one line ("…, 4200 Paris Pike, Lexington KY 40511").
    // (or right under a one-sentence note that follows the list: "Need it for Monday Dec 7, we have a session all week." over
    // "Cedarline Recording, 3102 Belmont Blvd, Nashville TN 37212": one line too)
    const inList = GOODS_LINE.test(lines[i - 1]!) || noteRightAbove(lines, i)
    const underList = i >= 2 && lines[i - 1]!.trim() === "" && GOODS_LINE.test(lines[i - 2]!)
    if (!inList && !underList && !underNoteUnderGoods(lines, i)) continue
    const parts: string[] = []
    let k = i
    for (; k < lines.length && k < i + 5 && lines[k]!.trim() !== ""; k++) {
      // ("… Lexington KY 40511 not the PO Box 11820, UPS keeps sending stuff there": a note in lower case after the town
      // on the address's own line, the way a phone joins lines, is no part of it.)
      const line = cleanAddressPart(lines[k]!)
      const cut = UP_TO_TOWN.exec(line)
      // ("… Auckland 1011 (ring the bell at the kennel door)": a note in brackets after the town is the way in, as well.)
      const l = cut !== null && /^[\s,]*(?:\p{Ll}+(?:\s+\S+){3,}|\([^()]*\)\s*$)/u.test(line.slice(cut[1]!.length)) ? cleanAddressPart(cut[1]!) : line
      // (a sentence ending inside the line, "for Monday please, we shut at 5. Greenway Vets, …", makes it prose:
      // addressSentenceAfterAsking reads its last sentence)
      if (l.length > 100 || l.includes(":") || SENTENCE_INSIDE.test(l) || BILLING.test(l) || CONTACT.test(l) || /[.!?]\s*$/.test(lines[k]!) || (GOODS_LINE.test(lines[k]!) && !streetOf(l) && !POSTAL_LINE.test(l))) break
      parts.push(l)
      if (POSTAL_LINE.test(l)) break
    }
    if (parts.length === 0 || !POSTAL_LINE.test(parts[parts.length - 1]!) || (inList && parts.length > 1)) continue
    const block = parts.join(", ")
    const whole = UP_TO_TOWN.exec(block)
    const pieces = block.split(/\s*,\s*/).length
    if (whole === null || whole[1]!.length + 2 < block.length || parts.some((p) => p.length > 60 && parts.length > 1)) continue
    if (pieces < 3 && !(parts.length >= 2 && streetOf(block))) continue
    // (the sender's name heading a block is a signature's; on one line with the street and the town, "Kitsilano Home Care,
    // 2150 West 4th Avenue, Vancouver BC V6K 1N6", the sender's own premises given as the place: a signature stacks its
    // name on a line of its own.)
    if (TITLE.test(block) || (parts.length > 1 && namesSender(parts[0]!, sender)) || !noteOrThanksAfter(lines, k + 1, signature)) continue
    return { value: cleanAddressPart(whole[1]!), evidence: parts.join(" / "), confidence: 0.5 }
  }
  return null
}

const namesSender = (first: string, sender: string): boolean => {
  const words = foldText(sender).split(" ").filter((w) => w.length >= 3)
  return words.length > 0 && words.every((w) => ` ${foldText(first)} `.includes(` ${w} `))
}

/** A sentence that asks for the goods, or for them by a day ("can you send …", "for Saturday please", « merci de livrer … »). */
const ASKS = /\b(?:can you|could you|could we|can we|please|pls|send|deliver|need|would like|we'd like|merci de|pouvez|pourriez|il nous faut|il me faut|envoy\w*|livr\w*|besoin|svp|s'il vous pla[iî]t)\b/i
/** Words saying an address is the office's, the mail's or the invoice's, not the goods'. */
const NOT_GOODS_PLACE = /\b(?:office|postal|mail|post|courrier|si[èe]ge|bureau|p\.?\s?o\.?\s?box|bo[iî]te postale|bp\s?\d|cedex|registered|head|invoice|factur\w*|billing|address is|adresse est)\b/i

/**
 * "… when you can. Pereira's Bakery, Stall 22, St. Lawrence Market, 93 Front St E, Toronto ON M5E 1C3. Thanks, Maria", "for
 * Saturday please, we're open 9 till 1. Roath Pharmacy, 112 Albany Road, Cardiff CF24 3RU": a sentence that is a whole
 * address and nothing else (a name, a street, its postal code and town, three parts or more), right after the sentence
 * asking for the goods or under the list, the thanks or nothing after it, is where the goods go: nobody writes their own
 * card in the middle of the request. Never one the sentence before says is the office's, the post's or the invoice's.
 */
export function addressSentenceAfterAsking(lines: readonly string[]): Found | null {
  for (let i = 0; i < lines.length; i++) {
    // (an abbreviation's full stop ends no sentence: "St. Lawrence Market", "Mt. Eden Road", « av. Foch »)
    const sentences = lines[i]!.split(/(?<=(?<!\b(?:St|Ste|Mt|Ave|Av|Rd|Dr|No|Bd|Blvd|Pl|Sq))[.?!])\s+/)
    const underGoods = (i >= 1 && GOODS_LINE.test(lines[i - 1]!)) || (i >= 2 && lines[i - 1]!.trim() === "" && GOODS_LINE.test(lines[i - 2]!))
    for (let k = 1; k < sentences.length; k++) {
      const place = cleanAddressPart(sentences[k]!)
      const before = sentences[k - 1]!
      if (!(ASKS.test(before) || underGoods) || NOT_GOODS_PLACE.test(before) || NOT_GOODS_PLACE.test(place) || BILLING.test(place) || CONTACT.test(place)) continue
      if (place.split(/\s*,\s*/).length < 3 || !streetOf(place) || !POSTAL_LINE.test(place) || !/^[\p{Lu}\d]/u.test(place)) continue
      const whole = UP_TO_TOWN.exec(place)
      if (whole === null || whole[1]!.length + 2 < place.length) continue
      // (then the thanks, the sender's first name, or nothing: a note or another request after it is another matter)
      const rest = sentences.slice(k + 1).join(" ").trim()
      const after = lines.slice(i + 1).find((l) => l.trim() !== "") ?? ""
      if (rest !== "" && !SIGN_OFF_FOLDED.test(foldText(rest))) continue
      if (rest === "" && after !== "" && !signsOff(after) && !CONTACT.test(after) && lines[i + 1]?.trim() !== "") continue
      return { value: cleanAddressPart(whole[1]!), evidence: lines[i]!.trim(), confidence: 0.6 }
    }
  }
  return null
}
