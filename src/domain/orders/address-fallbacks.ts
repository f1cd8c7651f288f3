import { cleanAddressPart, UP_TO_TOWN } from "./address-bounds"
import { BILLING, POSTAL_LINE, streetOf } from "./address-shapes"

/**
 * Last chances for a delivery address, tried by findDeliveryAddress (delivery-address.ts) only when every other rule
 * found none: an address written out whole after the words that send the goods but with no postal code (where the
 * country has none or the writer gives none), an address standing alone on its line whose parts name a dock or a
 * goods entrance, and a block with no postal code under a line that sends the goods there.
 */

type Found = { value: string; evidence: string; confidence: number }

/** The words that send the goods somewhere, up to where the address starts ("Delivery …: ", "deliver to ", "Address: "; "by the 3rd prox. to "). */
const SENDS = [
  /^\s*(?:delivery|deliver|livraison|livrer|ship to|address|adresse)\b[^:\n]{0,60}:\s*(\S.*)$/i,
  /\b(?:[Dd]eliver(?:y|ed)?|[Ss]hip|[Ss]end|[Ll]ivr(?:er|ez|aison))\b(?:[^:.\n]|(?<=\b(?:prox|inst|ult))\.){0,40}?\s(?:to|[àa]|au)\s+(?=\p{Lu})(.+)$/u
]
/** What a dictated or written line goes on with after the address: where not to go, thanks, another sentence. */
const AFTER_ADDRESS = /\s+(?:not|rather than|instead of|et non|pas)\s+(?:to|at|au|aux|[àa]|the)\b.*$|[\s,]+(?:thank you|thanks|merci|please|pls|svp|cheers)\b.*$|\s*\([^()]*\)\s*[.!]?\s*$|[.!?]\s+\p{Lu}.*$/u
/** A road's name as a part of the address, with no number: "Kamariny Road", "Moi Avenue", "rue du Stade", "place de la Mairie". */
const BARE_ROAD = /^(?:\p{Lu}[\p{L}'’-]+\s){1,3}(?:Road|Street|Avenue|Lane|Drive|Way|Highway|Crescent|Close|Quay)$|^(?:rue|avenue|boulevard|chemin|route|place|all[ée]e|impasse|quai|cours)\s+\S.{1,40}$/u
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
    if (/@|\+?\d[\d .]{8,}\d/.test(line)) continue
    for (const re of SENDS) {
      const m = re.exec(line)
      if (m === null) continue
      let value = m[1]!
      for (let cut = value.replace(AFTER_ADDRESS, ""); cut !== value; cut = value.replace(AFTER_ADDRESS, "")) value = cut
      value = cleanAddressPart(value)
      // (The invoices' address in the next sentence, "Our postal address is P.O. Box 214, for invoices only", is no part.)
      if (BILLING.test(line.slice(0, m.index + m[0].length - m[1]!.length) + value)) continue
      const parts = value.split(/\s*,\s*/)
      // "Delivery: Kerio Heights Training Camp, Kamariny Road, next to the stadium gate, Iten.": a road named in a part
      // of its own stands for the figure.
      if (parts.length < 3 || parts.some((p) => p === "" || p.length > 60) || !(/\d/.test(value) || parts.slice(0, -1).some((p) => BARE_ROAD.test(p))) || DAY_OR_MONTH.test(parts[0]!)) continue
      if (!PLACE_NAME.test(parts[parts.length - 1]!)) continue
      return { value, evidence: line.trim(), confidence: 0.6 }
    }
  }
  return null
}

/**
 * « pourriez-vous livrer 3 packs d'eau à l'école Jules-Ferry, 8 rue des Écoles à Vichy, demain matin ? », « … au gymnase,
 * 4 avenue du Stade à Riom. »: in a sentence that sends the goods, the place named after « à la / à l' / au / aux », its
 * numbered street and the town after « à », then a comma or the sentence's end: the address, with no postal code.
 */
const SENDS_FR = /\b(?:livr\w*|envoy\w*|exp[ée]di\w*|d[ée]pos\w*|apport\w*)\b/i
const PLACE_STREET_TOWN = /(?<![\p{L}])(?:[àa] la |[àa] l['’]|au |aux |chez )([^,.;:!?()\d]{3,60}),\s*(\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|chemin|all[ée]e|impasse|place|quai|route|cours|square)\s[^,.;:!?()\d]{2,40}?\s[àa]\s\p{Lu}[\p{L}'’]*(?:[- ]\p{Lu}?[\p{L}'’]+){0,3})(?=\s*(?:[,.;!?]|$))/u
/**
 * « Livraison le vendredi 4 décembre à la crèche (11 impasse des Lilas, Béziers), avant 9 h », "deliver to the annex (4
 * Mill Lane, Ludlow) on Friday": the premises said in lower case, then in brackets their numbered street and town with no
 * postal code: the brackets hold the address.
 */
const PLACE_THEN_BRACKET = /(?<![\p{L}])(?:[àa] la |[àa] l['’]|au |aux |chez |to the |at the |to our |at our )\p{Ll}[^,.;:!?()\d]{1,40}\(\s*(\d{1,4}(?:\s?(?:bis|ter))?,?\s+[^()\d]{3,50},\s*\p{Lu}[\p{L}'’]*(?:[- ]\p{Lu}?[\p{L}'’]+){0,3})\s*\)/u
export function placeStreetAndTown(lines: readonly string[]): Found | null {
  for (const line of lines) {
    for (const sentence of line.split(/(?<=[.!?])\s+/)) {
      const m = PLACE_STREET_TOWN.exec(sentence)
      if (m !== null && SENDS_FR.test(sentence.slice(0, m.index)) && !BILLING.test(sentence)) return { value: `${cleanAddressPart(m[1]!)}, ${cleanAddressPart(m[2]!)}`, evidence: line.trim(), confidence: 0.55 }
      const b = PLACE_THEN_BRACKET.exec(sentence)
      if (b !== null && /\b(?:livr\w*|deliver\w*|ship\w*|send|envoy\w*)\b/i.test(sentence.slice(0, b.index)) && !BILLING.test(sentence) && streetOf(b[1]!.split(",")[0]!)) return { value: cleanAddressPart(b[1]!), evidence: line.trim(), confidence: 0.55 }
    }
  }
  return null
}

/**
 * A part of an address that names a dock or a goods entrance: "quai 4", "quai papier n° 5", "entrée camions", "Loading
 * Bay 3"; or the door a venue takes deliveries at, first or in the middle: "Entrée des artistes", "Stage door".
 */
const DOCK_PART = /^(?:(?:quai|dock|bay|loading bay|gate|porte|poste de contr[ôo]le)(?:\s+\p{Ll}+)?\s+(?:n[°º]\s*)?[A-Z]?\d{1,3}[A-Z]?|entr[ée]e (?:camions|livraisons?|marchandises|fournisseurs|des artistes|de service|du personnel)|porte (?:des livraisons|de service)|(?:stage|service|staff|artists['’]?|delivery) (?:door|entrance)|acc[èe]s livraisons?(?:\s.*)?|goods[- ](?:in|entrance)|r[ée]ception (?:des )?marchandises)$/iu

/**
 * Where a building takes goods in, as a part of its own or after its name and a dash: "Foothills Speed Skating Oval -
 * Receiving", "Goods In", "loading door on the north side", "rear entrance", "réception", "porte de chargement".
 */
const GOODS_WAY = /(?:^|\s[-–—]\s)(?:receiving|goods[- ]in(?:wards?)?|r[ée]ception(?: (?:des )?marchandises)?)$|^(?:(?:north|south|east|west|rear|back|side|loading|delivery|goods)\s+){1,2}(?:loading\s+)?(?:door|entrance|gate|bay|dock)\b|^loading door\b|^porte (?:de (?:chargement|livraison|service)|nord|sud|est|ouest|arri[èe]re)\b|^entr[ée]e (?:nord|sud|est|ouest|arri[èe]re|de service)\b/iu

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
    if (whole === null || whole[1]!.length + 2 < place.length || !parts.slice(0, -1).some((p) => DOCK_PART.test(p) || GOODS_WAY.test(p))) continue
    return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.55 }
  }
  return null
}

/**
 * A street named without a number: "Boulevard de Marseille", "avenue Monge", "University Avenue", "Cathedral Road".
 * (English street words only capitalised: "the way", "a close" are words of a sentence.)
 */
const STREET_NAMED = /(?:^|[\s,])(?:[Rr]ue|[Aa]venue|[Aa]v\.|[Bb]oulevard|[Bb]d|[Cc]hemin|[Rr]oute|[Aa]ll[ée]e|[Ii]mpasse|[Qq]uai|[Cc]ours|[Cc]hauss[ée]e|[Pp]lace) (?:de |du |des |d['’]|de la |l['’])?\p{Lu}|\p{Lu}[\p{L}'’-]+ (?:Road|Street|Avenue|Lane|Drive|Boulevard|Crescent|Highway|Close|Way|Rd|St|Ave)(?![\p{L}])/u

/**
 * "… à l'adresse de notre transitaire :" / "Delivery on or before Friday 11th to our clearing agent:" over a block of two
 * to four lines and no postal code ("c/o Swift Air Cargo, Shed 4 / JKIA Cargo Village, Nairobi"): where the country has
 * none, the block ends on its town. A forwarder's "c/o", a figure or a named street above the town ("Boulevard de
 * Marseille, Treichville / Abidjan", "University Avenue / Ho, Volta Region") says it is a place, not a name and a title.
 */
/** A form's next field ("Delivery Date: …", "Invoice To: …") or a table's row under a block. */
const NEXT_FIELD = /^[>\s]*[\p{L}][\p{L} .'’/-]{1,30}:\s*\S|\|/u
export function blockWithoutCode(lines: readonly string[]): Found | null {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    if (!/:\s*$/.test(line) || !/\b(?:livr|deliver|ship|adresse|address)/i.test(line) || BILLING.test(line) || /\b(?:factur|invoice|bill)/i.test(line)) continue
    const start = (lines[i + 1] ?? "").trim() === "" ? i + 2 : i + 1
    const block: string[] = []
    // (a PO's next field, "Delivery Date: 10/12/2026", or its table, ends the block as a blank line does: a form has none)
    for (let k = start; k < lines.length && (lines[k] ?? "").trim() !== "" && !NEXT_FIELD.test(lines[k]!); k++) block.push(cleanAddressPart(lines[k]!.replace(/^[>\s]+/, "")))
    if (block.length < 2 || block.length > 4 || POSTAL_LINE.test(block.join(" "))) continue
    if (block.some((b) => b.length > 60 || /[:;?!]|\.\s|\+?\d[\d .]{7,}\d|@/.test(b))) continue
    const town = block[block.length - 1]!.split(/\s*,\s*/).pop()!
    if (!/^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+){0,2}$/u.test(town) || (!/^c\/o\b/i.test(block[0]!) && !/\d/.test(block.join(" ")) && !block.slice(0, -1).some((b) => STREET_NAMED.test(b)))) continue
    return { value: block.join(", "), evidence: [line, ...block].join(" / ").trim(), confidence: 0.55 }
  }
  return null
}

/** "Deliver to me at the office address below", "à l'adresse ci-dessous", "address in my signature". */
const ADDRESS_BELOW = /\b(?:address|adresse)\s+(?:below|underneath|ci[- ]dessous|en dessous|in (?:my|the) signature|dans (?:ma|la) signature)\b|\b(?:ci[- ]dessous|below)\s*:\s*$/im
/** A signature's line that names the person, not the place: a job title. */
export const TITLE = /\b(?:coordinator|manager|director|officer|assistant|administrator|head of|lead|supervisor|responsable|directeur|directrice|assistante?|charg[ée]e? de|gestionnaire|chef)\b/i

/**
 * The note says the address is below, in the signature: the signature's block that ends on a postal code (its three
 * lines above at most, up to a job title), never a postal box or a correspondence address.
 */
export function addressInSignature(body: string, signature: string): Found | null {
  if (!ADDRESS_BELOW.test(body)) return null
  const lines = signature.split("\n").map((l) => cleanAddressPart(l))
  for (let k = 0; k < lines.length; k++) {
    if (!POSTAL_LINE.test(lines[k]!) || BILLING.test(lines[k]!) || /\b(?:p\.?\s?o\.? box|bp|box|correspondence|postal|courrier)\b/i.test(lines[k]!)) continue
    const block = [lines[k]!]
    for (let j = k - 1; j >= 0 && j >= k - 3 && lines[j] !== "" && !TITLE.test(lines[j]!) && !/@|\d{6,}|:/.test(lines[j]!); j--) block.unshift(lines[j]!)
    if (block.length < 2) continue
    return { value: block.join(", "), evidence: block.join(" / "), confidence: 0.6 }
  }
  return null
}
