import { cleanAddressPart, UP_TO_TOWN } from "./address-bounds"
import { BILLING, POSTAL_LINE, streetOf } from "./address-shapes"

/**
 * Two last chances for a delivery address, tried by findDeliveryAddress (delivery-address.ts) only when every other rule
 * found none: an address written out whole after the words that send the goods but with no postal code (where the
 * country has none or the writer gives none), and an address standing alone on its line whose parts name a dock or a
 * goods entrance.
 */

type Found = { value: string; evidence: string; confidence: number }

/** The words that send the goods somewhere, up to where the address starts ("Delivery …: ", "deliver to ", "Address: "; "by the 3rd prox. to "). */
const SENDS = [
  /^\s*(?:delivery|deliver|livraison|livrer|ship to|address|adresse)\b[^:\n]{0,60}:\s*(\S.*)$/i,
  /\b(?:[Dd]eliver(?:y|ed)?|[Ss]hip|[Ss]end|[Ll]ivr(?:er|ez|aison))\b(?:[^:.\n]|(?<=\b(?:prox|inst|ult))\.){0,40}?\s(?:to|[àa]|au)\s+(?=\p{Lu})(.+)$/u
]
/** What a dictated or written line goes on with after the address: where not to go, thanks, another sentence. */
const AFTER_ADDRESS = /\s+(?:not|rather than|instead of|et non|pas)\s+(?:to|at|au|aux|[àa]|the)\b.*$|[\s,]+(?:thank you|thanks|merci|please|pls|svp|cheers)\b.*$|\s*\([^()]*\)\s*[.!]?\s*$|[.!?]\s+\p{Lu}.*$/u
/** A town, a district, a state or a country closing the address: capitalised words, no figure. */
const PLACE_NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s(?:of|and|de|du|des|la|le|\p{Lu}[\p{L}'’.-]*)){0,3}$/u
const DAY_OR_MONTH = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|january|february|march|april|may|june|july|august|september|october|november|december|janvier|f[ée]vrier|mars|avril|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\b/i

/**
 * "Address: Harbour Lounge, Level 7 East Hall, Terminal 1, …, Chek Lap Kok, Hong Kong", "Delivery on or before Thursday
 * 3rd December to: Official Residence, 14 Yakubu Gowon Crescent, Asokoro, Abuja", "deliver to Plateau Tin Works, site
 * office, Gate 3, …, Jos, Plateau State not to the Lagos office thank you": an address with no postal code, written out
 * in three parts or more after the words that send the goods, a figure in it (a number, a gate, a floor) and a place's
 * name last.
 */
export function addressWithoutCode(lines: readonly string[]): Found | null {
  for (const line of lines) {
    if (BILLING.test(line) || /@|\+?\d[\d .]{8,}\d/.test(line)) continue
    for (const re of SENDS) {
      const m = re.exec(line)
      if (m === null) continue
      let value = m[1]!
      for (let cut = value.replace(AFTER_ADDRESS, ""); cut !== value; cut = value.replace(AFTER_ADDRESS, "")) value = cut
      value = cleanAddressPart(value)
      const parts = value.split(/\s*,\s*/)
      if (parts.length < 3 || parts.some((p) => p === "" || p.length > 60) || !/\d/.test(value) || DAY_OR_MONTH.test(parts[0]!)) continue
      if (!PLACE_NAME.test(parts[parts.length - 1]!)) continue
      return { value, evidence: line.trim(), confidence: 0.6 }
    }
  }
  return null
}

/** A part of an address that names a dock or a goods entrance: "quai 4", "quai papier n° 5", "entrée camions", "Loading Bay 3". */
const DOCK_PART = /^(?:(?:quai|dock|bay|loading bay|gate|porte|poste de contr[ôo]le)(?:\s+\p{Ll}+)?\s+(?:n[°º]\s*)?[A-Z]?\d{1,3}[A-Z]?|entr[ée]e (?:camions|livraisons?|marchandises|fournisseurs)|acc[èe]s livraisons?(?:\s.*)?|goods[- ](?:in|entrance)|r[ée]ception (?:des )?marchandises)$/iu

/**
 * "Cuisine centrale Pains d'Antan, quai 4, 15 rue des Meuniers, ZA du Moulin, 59810 Lesquin" alone on its line, under the
 * order, no label over it: an address that names the dock or the goods entrance to come to is where the goods go (the
 * sender's own premises or not: a signature's address names no dock).
 */
export function addressAtDock(lines: readonly string[]): Found | null {
  for (const line of lines) {
    const place = cleanAddressPart(line)
    const parts = place.split(/\s*,\s*/)
    if (parts.length < 3 || BILLING.test(place) || !POSTAL_LINE.test(place) || (!streetOf(place) && !/\d/.test(parts.slice(0, -1).join(" ")))) continue
    const whole = UP_TO_TOWN.exec(place)
    if (whole === null || whole[1]!.length + 2 < place.length || !parts.slice(1, -1).some((p) => DOCK_PART.test(p))) continue
    return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.55 }
  }
  return null
}
