import { RELATIVE_TO_STREET } from "./address-notes"
import { BILLING, POSTAL_LINE, STREET } from "./address-shapes"

/**
 * Where a delivery address starts and ends inside the text that holds it: the end at its postal code and town, the
 * start at the place a delivering sentence names or after a heading. Kept apart from the rules that find the address
 * so the next address rule has room, and because every one of those rules cuts its find by these bounds.
 */

/**
 * An address up to its postal code and town ("31140 Saint-Alban", "Manchester M17 1AE"): a note after a dash or in
 * brackets ("- quai 4", "(2e étage, ascenseur)", "- entrée par le portail") says how to get in, not where. A "cedex"
 * keeps its office's number ("34095 Montpellier cedex 5"); the words after a code are no town when they say when
 * ("… M41 7BQ by Thursday", "… 69007 Lyon" but never "69007 avant jeudi"), nor an article in lower case, a dictated
 * sentence going on ("… Aviemore PH22 1RB the road gets gritted …", "… Leeds LS1 4AB ring the bell": after a British code a
 * town is capitalised; after an American state and ZIP none comes: "… TX 77484, we're open 7-3"); a town's further words are capitalised or
 * joined by "sur", "en", "de"… ("69006 Lyon c mon chef M." ends at Lyon: a hard-wrapped line joined after it). A
 * Belgian or Swiss four-figure code is followed by its town ("4020 Liège"); an Eircode ("D22 X8Y4") and an Australian
 * state and code ("Sydney NSW 2000") end the address, as four figures after a town and a comma do ("Sandton, 2196",
 * South Africa's), as six figures after a town do ("Nagpur 440001. Kindly call …":
 * India's and Singapore's; the five figures of a phone number further on are no postal code), as a Dublin postal district
 * does ("Foxrock, Dublin 18"; an Eircode after it, "Dublin 22, D22 X8Y4", ends it instead); a Swiss code that reads like
 * a year is one right after its street's number ("…, route de la Télécabine 1, 1936 Verbier"); Luxembourg's "L-4362"
 * is followed by its town.
 */
// (A town after four figures may end on its postal district's number at the end of the line: "1215 Genève 15", "1003
// Lausanne 3"; never after five, "69007 Lyon 2".)
const TOWN = String.raw`(?!(?:any|anytime|after|asap|if|so|between|when|by|before|on|for|from|until|till|avant|pour|d[èe]s|le|la|les|the|au|et|and|not|pas|but|mais|please|pls|svp|merci|thanks|thx|cheers|ta|regards|cordialement|bonne)\b)[\p{L}'’]+(?:-[\p{L}'’]+)*(?:\s(?:(?:sur|sous|en|de|du|des|la|le|les|lès|lez|aux|d['’]|l['’])\s?)?\p{Lu}[\p{L}'’]*(?:-[\p{L}'’]+)*|\s(?:cedex|CEDEX|Cedex)(?:\s\d{1,2}\b)?|(?<=(?<!\d)\d{4}\s[^\d\n]{2,40})\s\d{1,2}(?=\s*$))*`
/**
 * What follows five figures that are a house's number, not a postal code: an American road's name and its word ("63333 W
 * Hwy 20", "45120 County Road 9", "10500 NE 8th Street"); the state and ZIP further on end the address.
 */
const HOUSE_NUMBER_OF = String.raw`(?:[NSEW]{1,2}\.?\s+)?(?:(?:\p{Lu}[\p{L}'’-]*|\d{1,3}(?:st|nd|rd|th))\s+){0,3}(?:Road|Rd|Street|St|Highway|Hwy|Avenue|Ave|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Pike|Parkway|Pkwy|Route|Rte|Trail|Court|Ct|Circle|Place|Pl|Loop)\b(?=[^\n]*\b[A-Z]{2} \d{5}\b)`
export const UP_TO_TOWN = new RegExp(
  String.raw`^((?:(?:(?!\b\d{5}\b).)*?\p{Lu}[\p{L}'’-]+ \d{6}(?=\s*(?:$|[,.;(]))|(?:(?!\b\d{5}\b).)*?\bDublin (?:1\d|2[0-4]|6W|[1-9])\b(?!,?\s*(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4})|.*?\b\d{5}(?!\s+${HOUSE_NUMBER_OF})\b(?:(?<![A-Z]{2} \d{5})[\s,]*${TOWN})?|.*?\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b(?:[\s,]*(?=\p{Lu})${TOWN})?|.*?\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b|.*?\p{Lu}[\p{L}'’-]+ (?!(?:19|20)\d\d\b)(?:[1-9]\d{3}|0\d{3}(?=\s*$))(?=\s*(?:$|[,.(]|[-–—]\s)|\s(?:thanks|thank you|cheers|ta|please|pls|merci|roller|door|gate|side|rear|back|round|ring|call|buzz|entrance|dock|after|before)\b)|.*?(?<=\b\d{1,4}[a-z]? (?:\p{Lu}\p{Ll}+ ){1,3}(?:Road|Street|Avenue|Drive|Lane|Way|Place|Crescent|Terrace|Rd|St|Ave|Dr|Pl),(?: \p{Lu}[\p{Ll}'’-]+){1,3},(?: \p{Lu}[\p{Ll}'’-]+){1,2} )(?:19|20)\d\d(?=\s*(?:$|[,.(]|[-–—]\s)|\s(?:thanks|thank you|cheers|ta|please|pls|merci|roller|door|gate|side|rear|back|round|ring|call|buzz|entrance|dock|after|before)\b)|.*?\p{Lu}[\p{L}'’-]+, (?!(?:19|20)\d\d\b)[1-9]\d{3}(?=\s*(?:$|[.;]|[-–—]\s))|.*?(?<![\d.,/-])(?!(?:19|20)\d\d\b)[1-9]\d{3} (?=\p{Lu})${TOWN}|.*?(?<=\b(?:rue|route|avenue|chemin|strasse|straße|weg|via|place|quai) [^,\d]{2,40} \d{1,4}[a-z]?, )(?:19|20)\d\d (?=\p{Lu})${TOWN}|.*?\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}\b|.*?\b(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT) \d{4}\b|.*?\bL-\d{4} (?=\p{Lu})${TOWN}))`,
  "u"
)

export function cleanAddressPart(s: string): string {
  return s.replace(/^[\s:,-]+|[\s.,;]+$/g, "").replace(/\s+/g, " ")
}

/**
 * Where an address begins when a delivering sentence runs into it: "Livraison …, à la plateforme logistique, quai 3, 12 rue
 * …", "a livrer Clinique du Parc, entrée fournisseurs, 155 boulevard …", "Send to Galley store, Ferry Terminal, 50 …",
 * "Ship to shipping/receiving, 1010 rue …":
 * the place named after the last "à la" / "au" / "to the" / "livrer" / "send to" before the street, in parts ending with a comma or in a number ("au chalet n° 14, place …"), is the
 * address's first line. Otherwise the street.
 */
export function placeBefore(line: string, streetAt: number): number {
  const before = line.slice(0, streetAt)
  const from = Math.max(before.search(/[^.;!?]*$/), 0)
  let at = -1
  // ("Delivery Monday the 7th to Pier 21 Pavilion, Shed B, 1055 …": a bare "to" before a capitalised name.)
  // ("… papier A4 à l'accueil, 14 rue …": the elided article runs into its word; "to reception, 14 High Street": a bare
  // "to" before the desk that takes the goods in.)
  for (const p of before.slice(from).matchAll(/(?<![\p{L}'’])(?:(?:[àa] la|au|aux|chez|to the|at the|livrer|deliver(?:ed)? to|deliver|(?:send|ship)(?: (?:it|them|everything|all))? to|to)\s+|[àa] l['’]\s*)/giu)) {
    if (/^to\s+$/i.test(p[0]) && !/^(?:\p{Lu}|(?:reception|receiving|goods in|stores|front desk)\s*,)/u.test(before.slice(from + p.index + p[0].length))) continue
    // ("deliver Harcourt Centre, Block 4, service yard, Harcourt Road, Dublin 2": "deliver" with no "to", before a name.)
    if (/^deliver\s+$/i.test(p[0]) && !/^\p{Lu}/u.test(before.slice(from + p.index + p[0].length))) continue
    if (inRelation(before.slice(from), p.index)) continue
    at = from + p.index + p[0].length
  }
  const place = at < 0 ? "" : before.slice(at)
  // "… au chalet n° 14, place Pasteur, …": a number after "n°" is the place's, not the street's; so is a number a comma
  // ends right after one capitalised word ("Livrer Entrepôt 7, Quai …", "deliver to Gate 2, Harbour Road …"), the
  // place's last part too ("to the loading dock, Building 4, Harbour Road, …").
  const numbered = /^\d{1,4},/.test(line.slice(streetAt)) && /(?:^|,\s*)\p{Lu}[\p{L}'’-]*\s+$/u.test(place)
  // (A street with no number matched from its comma on: ", route du Moulin, …" ends the place before it.)
  // ("delivered to the mail room at 2234 …": a spot of the building, then "at" before the street, is kept with it.)
  // ("drop it at the rental return shed at 16 Jones Road …": any spot in lower case a few words long, then "at", is kept
  // too — "at" says the spot is at that street, as a building's goods side is; « au laboratoire, 3 rue … » still is not.)
  const spotAt = (WAY_IN.test(place.replace(/^(?:the|our|le|la|l['’])\s*/i, "")) || SPOT_THEN_AT.test(place)) && /\s(?:at|au)\s+$/i.test(place) && /^\d/.test(line.slice(streetAt))
  return at >= 0 && (/(?:,|\bn[°º]\.?)\s*$/u.test(place) || /^,/.test(line.slice(streetAt)) || numbered || spotAt || (NUMBERED_UNIT.test(place) && /^\d/.test(line.slice(streetAt)))) && place.length <= 80 && /^\p{L}/u.test(place) && !/\b(?:le|the|on|by|avant|before|lundi|mardi|mercredi|jeudi|vendredi|samedi|monday|tuesday|wednesday|thursday|friday|saturday)\b\s*\d/i.test(place) && !BILLING.test(place) ? at + (spotAt && !WAY_IN.test(place.replace(/^(?:the|our|le|la|l['’])\s*/i, "")) ? (/^(?:the|our)\s+/i.exec(place)?.[0].length ?? 0) : 0) : namedPartsBefore(line, streetAt)
}

/**
 * "… tomorrow morning for the match, Gate 3 deliveries, Kings Park Stadium, Jacko Jackson Drive, Durban 4001": with no
 * word sending the goods to a place, the parts right before the street that are names (capitalised, a gate's or a dock's
 * number, a goods entrance) open the address; the sentence's words before them ("for the match") are none of it.
 */
const NAMED_PART = /^(?:(?:\p{Lu}[\p{L}'’.-]*|\d{1,4}[A-Z]?|&|of|de|du|des|la|le|deliveries|entrance|door|in|bay|dock)\s*)+$/u
function namedPartsBefore(line: string, streetAt: number): number {
  if (!/^\s*,/.test(line.slice(streetAt))) return streetAt
  const parts = line.slice(0, streetAt).split(",")
  let at = streetAt
  let taken = 0
  // (the first part holds the sentence's start: never a name of the place alone)
  for (let k = parts.length - 1; k >= 1 && taken < 3; k--) {
    const part = parts[k]!.trim()
    if (!NAMED_PART.test(part) || !/\p{Lu}/u.test(part) || BILLING.test(part)) break
    at = parts.slice(0, k).join(",").length + 1 + (parts[k]!.length - parts[k]!.trimStart().length)
    taken++
  }
  return taken > 0 ? at : streetAt
}

/**
 * Where an address begins when a dictated sentence runs its place into its street with no comma: "… à livrer sur le
 * chantier à la salle des fêtes de Hoenheim 12 rue de la Gare 67800 Hoenheim", "drop it at the clubhouse Gnoll Park Road
 * …": after the last "à la" / "au" / "to the" / "at the" before the street. A place in lower case only before a numbered
 * street ("a la laverie 22 rue de Siam") says which of the sender's premises, as "au laboratoire, 3 rue …" does: the
 * address starts at the street; a spot of those premises ("au quai technique 12 avenue …": a dock, an entrance) is kept. -1 when no such word comes before the street in the same clause.
 */
export function placeRunningInto(text: string, streetAt: number): number {
  // "to the site cabin at the back of 140 Argyle Street", « au conteneur derrière le 12 rue … »: a spot named relative to
  // the building keeps the words before the relation (the place they name is where the goods go, not the building).
  const relative = RELATIVE_TO_STREET.exec(text.slice(0, streetAt))
  if (relative !== null) {
    const at = lastPlaceWord(text.slice(0, relative.index))
    // (none before it in the text: the label or the sending words ended on the spot already, all of it is kept but an
    // article: "the site cabin at the back of …" is the site cabin's)
    if (at < 0) return /^(?:the|le|la|les)\s+(?=\p{Ll})/u.exec(text)?.[0].length ?? -1
    return /[,;:.!?()]/.test(text.slice(at, relative.index)) ? relative.index : at
  }
  const before = text.slice(0, streetAt)
  let at = -1
  let spot = -1
  for (const p of before.matchAll(/(?<![\p{L}'’])(?:(?:[àa] la|au|aux|chez|to the|at the|at|to)\s+|[àa] l['’]\s*)/giu)) {
    if (inRelation(before, p.index)) continue
    spot = at
    at = p.index + p[0].length
  }
  if (at < 0 || /[,;:.!?()]/.test(before.slice(at))) return -1
  // "delivered to the mail room at 2234 Massachusetts Avenue", « au quai de déchargement au 12 rue … »: a spot of the
  // building, then "at" / "au" right before the street, keeps the spot and its "at" (where the carrier goes in).
  if (before.slice(at).trim() === "" && spot >= 0 && !/[,;:.!?()]/.test(before.slice(spot, at)) && (WAY_IN.test(before.slice(spot)) || SPOT_THEN_AT.test(before.slice(spot)))) return spot
  // ("Deliver to: the rental return shed at 16 Jones Road …": the label ended right before the spot, the text opens on it.)
  if (before.slice(at).trim() === "" && spot < 0 && SPOT_THEN_AT.test(before)) return /^(?:the|our)\s+/i.exec(before)?.[0].length ?? 0
  const place = before.slice(at)
  // "livrez au chalet 14 place des Dominicains …": the figure after a stand's or a chalet's word is its number, not the
  // street's (a market's stands, a fair's halls are numbered; the street has none here).
  if (NUMBERED_UNIT.test(place)) return at
  return !/\p{Lu}/u.test(place) && !WAY_IN.test(place) && /^\d/.test(text.slice(streetAt)) ? streetAt : at
}

/**
 * "the mortuary entrance at the back of Kestrel Funerals 221 …", "the store room next to the main hall, St Mary's Centre,
 * 14 …", « la réserve au fond de la cour, … »: the "at the" / "to the" / "au" of a relation between a spot and the
 * premises it is in sends the goods nowhere; the spot before it is where they go.
 */
const RELATION_AT = /^(?:(?:at|round|around|to|in) the (?:back|rear|side|front|far end|end|top|bottom) of\b|au (?:fond|bout|dos)\b)/i
const inRelation = (text: string, at: number): boolean => RELATION_AT.test(text.slice(at)) || (/^to the\b/i.test(text.slice(at)) && /\b(?:next|close|adjacent|opposite)\s+$/i.test(text.slice(0, at)))

/** Where the last "à la" / "au" / "to the" / "at" … of the text ends, or -1. */
function lastPlaceWord(text: string): number {
  let at = -1
  for (const p of text.matchAll(/(?<![\p{L}'’])(?:(?:[àa] la|au|aux|chez|to the|at the|at|to)\s+|[àa] l['’]\s*)/giu)) at = p.index + p[0].length
  return at
}

/** A numbered spot of a market, a fair or a site, its word alone before the figure: "chalet 14", "stand 22", "pitch 7". */
const NUMBERED_UNIT = /^(?:chalet|stand|box|emplacement|loge|cabane|kiosque|pavillon|pitch|stall|booth|unit|hangar)\s*$/i

/** A spot in lower case, a few words, then "at" right before a numbered street: "rental return shed at ", "site cabin at ". */
const SPOT_THEN_AT = /^(?:(?:the|our)\s+)?\p{Ll}[\p{L}'’-]*(?:\s\p{Ll}[\p{L}'’-]*){0,3}\s+at\s+$/u
/** A spot of the premises the goods go to, not which premises ("au quai technique 12 avenue …", "to the loading bay …"). */
const WAY_IN = /^(?:quai|dock|entr[ée]e|porte|portail|cour|hall|loading bay|loading dock|goods[- ]in|back door|rear entrance|mail ?room|post ?room|receiving)\b/i

/**
 * A short heading before a colon ("À l'annexe : Clinique …", "NEW DEPOT: …", an answer's own words) is no part of the
 * address when a street or postal code follows ("Kingsley Supplies LLC, Attn: Receiving, …" keeps its attention line).
 */
export function withoutHeading(value: string): string {
  const headed = /^[^:,\d]{1,40}:\s*(\S.*)$/.exec(value)
  return headed !== null && !/^(?:attn|attention|[àa] l'attention)\b/i.test(value) && (STREET.test(headed[1]!) || POSTAL_LINE.test(headed[1]!)) ? headed[1]! : value
}
