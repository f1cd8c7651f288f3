import { foldText } from "../search/fold-text"
import { cleanAddressPart, placeRunningInto, UP_TO_TOWN } from "./address-bounds"
import { TITLE } from "./address-fallbacks"
import { signOffAfterWayIn } from "./address-notes"
import { BILLING, NUMBERED_STREET, POSTAL_LINE, SELF_COUNTRY_CODE, STREET, streetOf } from "./address-shapes"
import { SENDING_DAY_EN, SENDING_DAY_FR } from "./line-sentences"

/**
 * A delivery address with no label over it: named in a sentence, followed by how to get in, after a sentence asking to
 * deliver, or under the place a sentence names. findDeliveryAddress (delivery-address.ts) tries these, in this file's
 * order, only after every labelled rule has found nothing.
 */

/**
 * "Dès que possible, à la Maison de quartier des Trois-Cités, 5 place de France, 86000 Poitiers.": a place named
 * after "à la" / "au" / "to the", its street and town after it, in a sentence with no label. Tried after every label.
 */
/** After the place's name: its numbered street, or a gate or a building (one or two short parts) then a street with no number. */
const STREET_NEXT = String.raw`\d{1,4}[a-z]?,?\s|(?:[^,\d()\n]{1,30}\d?,\s*){0,2}(?:(?:\p{Lu}[\p{L}'’-]+\s){1,3}(?:Road|Street|Lane|Way|Drive|Close|Avenue|Quay|Wharf)|(?:rue|avenue|chemin|route|impasse|all[ée]e|quai|boulevard|place|cours)\s+[^,\d:]{2,40}),`
export function placeInSentence(lines: readonly string[]): { value: string; evidence: string; confidence: number } | null {
  for (const line of lines) {
    if (BILLING.test(line) || !streetOf(line) || !POSTAL_LINE.test(line)) continue
    // A line that opens on "à la …" (the list's "merci de livrer :" above it) names the place in lower case too:
    // "à la sous-préfecture de Thonon, 1 place …".
    // (the street may be named without a number, a gate or a building between: "to the Thornbury depot, Gate B,
    // Thornbury Road, Bradford BD3 8HT?", « au dépôt des Chênes, portail 2, chemin des Vignes, 26000 Valence »)
    const m = new RegExp(String.raw`(?<![\p{L}])(?:[àa] la|[àa] l['’]|au|aux|to the|at the)\s+(\p{Lu}[^,\d()]{2,60}),\s*(?=${STREET_NEXT})`, "u").exec(line) ?? new RegExp(String.raw`^\s*(?:[àa] la|[àa] l['’]|au|aux|to the|at the)\s+(\p{Ll}[^,\d()]{2,60}),\s*(?=${STREET_NEXT})`, "u").exec(line)
    if (m === null) continue
    const whole = UP_TO_TOWN.exec(cleanAddressPart(line.slice(m.index + m[0].indexOf(m[1]!))))
    if (whole !== null && streetOf(whole[1]!)) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.7 }
  }
  return null
}

/** How to get in, said after the address: a bell, a gate, a code, a door, a floor, whom to call. */
const WAY_IN = /\b(?:ring|bell|buzz\w*|gate|code|door|floor|call me|phone me|sonne[rz]?|sonnette|digicode|interphone|porte|portail|[ée]tage|appelez[- ]moi|appelle[rz]?)\b/i

/**
 * "arch 14, Druid Street, London SE1 2HQ. ring the kitchen bell, if no answer call me": a line that opens on an address
 * alone and goes on with how to get in (a bell, a gate code, a floor, whom to call) is where the goods go.
 */
export function addressThenWayIn(lines: readonly string[], sender: string): { value: string; evidence: string; confidence: number } | null {
  for (const line of lines) {
    const m = /^\s*([^.;!?]{8,90}?)(?:[.;]|\s[-–])\s+(.+)$/.exec(line)
    // (the invoice named in a later sentence of the line is not this address's: "… - gate 2. Invoice Kerr & Dalton as before")
    if (m === null || BILLING.test(m[1]!) || BILLING.test(m[2]!.split(/[.;!?]/)[0]!) || !streetOf(m[1]!) || !POSTAL_LINE.test(m[1]!)) continue
    if (!WAY_IN.test(m[2]!)) continue
    // ("To Kowhai Kindergarten, 22 Tui Street, Hamilton 3204 - back gate …": the line's "To" sends, it names nothing.)
    const whole = UP_TO_TOWN.exec(cleanAddressPart(m[1]!.replace(/^\s*to\s+(?=\p{Lu})/iu, "")))
    // The sender's own premises and how to get in ("Le Lux, 3 rue de l'Oeuvre, … Entrée par la porte à gauche" from
    // Cinéma Le Lux), with no word saying to deliver there: where it always is, no other place to deliver to.
    const head = foldText(m[1]!.split(",")[0] ?? "")
    if (head.length >= 4 && !/\d/.test(head) && ` ${foldText(sender)} `.includes(` ${head} `)) continue
    if (whole !== null) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.7 }
  }
  return null
}

/**
 * "Could it be delivered to the site on Monday? Long Barn, Mill Road, Ely CB7 4DL.": a sentence asking to deliver "to the
 * venue / site / yard", then a sentence that is an address alone (a street, a postal code): the place it names.
 */
export function addressAfterAsking(lines: readonly string[]): { value: string; evidence: string; confidence: number } | null {
  for (const line of lines) {
    const sentences = line.split(/(?<=[.?!])\s+/)
    for (let k = 1; k < sentences.length; k++) {
      const asked = /\b(?:deliver\w*|ship\w*|send|sent|drop\w* (?:off|at)|livr\w*|envoy\w*|d[ée]pos\w*)\b[^.?!]{0,30}\b(?:to|at|au|[àa] la|[àa] l['’])\s+(?:the|our|la|le|l['’]|notre)?\s*\p{L}+/iu.test(sentences[k - 1]!)
      const place = sentences[k]!
      if (!asked || BILLING.test(place) || !streetOf(place) || !POSTAL_LINE.test(place)) continue
      const whole = UP_TO_TOWN.exec(cleanAddressPart(place))
      if (whole !== null && whole[1]!.length + 2 >= cleanAddressPart(place).length) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.7 }
    }
  }
  return null
}

/**
 * Words that send the goods somewhere with no label: "livré a …", "à déposer au …", "drop it at …", "bring them to …",
 * a day between them as dictation puts it ("livraison jeudi au garage …", "à livrer après demain matin au quai …", "delivered
 * by friday to the boathouse …"), or a letter does ("Livraison le mardi 8 décembre à la base …"); a day alone says it
 * too, with no verb, after the goods were asked for ("… ten rolls of bin bags by Monday to the base station, …", "for
 * Friday 11th at the latest, to the stores, …"), or « pour mardi à l'atelier 22 rue … » as a dictation asks (no
 * sending verb, the day then the place).
 */
const SENT = new RegExp(
  String.raw`(?<![\p{L}'’])(?:(?:[àa] )?(?:livr(?:er|[ée]e?s?|ez|aison)|d[ée]pos(?:er|[ée]e?s?|ez)|apport(?:er|ez)) ${SENDING_DAY_FR}(?:sur|[àa]|au|aux|chez|par(?= l[ae] | l['’]))|(?:deliver(?:ed)?|ship(?:ped)?|drop(?:ped)?(?: off)?|bring|take) (?:(?:it|them|everything|the lot|all) )?(?:off )?${SENDING_DAY_EN}(?:to|at|via|through)|(?<=^|[\s,])(?:by|for|before) (?:monday|tuesday|wednesday|thursday|friday|saturday|tomorrow)(?: (?:week|fortnight))?(?: (?:the )?\d{1,2}(?:st|nd|rd|th))?(?:,? at the latest)?(?:,? (?:please|pls))?,? to|(?<=^|[\s,])pour (?:lundi|mardi|mercredi|jeudi|vendredi|samedi|demain|apr[èe]s[- ]?demain)(?: (?:matin|midi|soir))?(?: (?:le )?\d{1,2}(?:er)?)?,? (?:[àa](?= l['’ ]| la )|au|aux|chez))(?![\p{L}'’])`,
  "iu"
)
/** A street's own word, numbered or not ("Gnoll Park Road", "rue de Siam"). */
const STREET_WORD = /\b(?:road|rd|street|st|lane|avenue|ave|way|drive|close|terrace|crescent|rue|avenue|boulevard|bd|chemin|route|impasse|all[ée]e|place|quai|cours)\b/i

/**
 * "drop it at the clubhouse Gnoll Park Road Neath SA11 3BU cheers", "livré a la laverie 22 rue de Siam brest": a line
 * that sends the goods somewhere with no label and no comma, as a phone's dictation or a text message writes it. The
 * address runs from the place named to its postal code; with no code, a numbered street whose town ends the line (a few
 * words, no figure) is the address.
 */
export function addressSentTo(lines: readonly string[]): { value: string; evidence: string; confidence: number } | null {
  for (const said of lines) {
    // (« a l atelier 22 rue … » as a dictation without accents nor apostrophes writes « à l'atelier »)
    const line = said.replace(/(?<=(?:^|\s)[àa] )l (?=[aeiouyéèêâh]\p{L})/giu, "l'")
    const sent = SENT.exec(line)
    if (sent === null || BILLING.test(line)) continue
    const from = sent.index + sent[0].length
    const rest = line.slice(from)
    const street = NUMBERED_STREET.exec(rest) ?? STREET.exec(rest)
    const start = street === null ? from : Math.max(from, placeRunningInto(line, from + street.index))
    if (POSTAL_LINE.test(rest)) {
      const whole = UP_TO_TOWN.exec(cleanAddressPart(line.slice(start)))
      // (or, with no street's word, a place written out in parts between commas: "la base nautique, port de plaisance,
      // 2e ponton, 56100 Lorient", "the stores, gate 4, Leopardstown Racecourse, Foxrock, Dublin 18")
      // (or dictated with no comma at all up to a code that names its country: "… please to the stores shed behind the
      // main lodge Cwm Pennant Outdoor Centre Garndolbenmaen Gwynedd LL51 9AQ the driver can …", four words or more)
      const dictated = whole !== null && !/[,;:.()]/.test(whole[1]!) && SELF_COUNTRY_CODE.test(whole[1]!) && whole[1]!.split(/\s+/).length >= 6
      if (whole !== null && (STREET_WORD.test(whole[1]!) || (whole[1]!.match(/,/g)?.length ?? 0) >= 2 || dictated) && whole[1]!.length <= 120) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: dictated ? 0.55 : 0.65 }
      continue
    }
    // No postal code: "22 rue de Siam brest" closing the line (or the words a text message runs on with: "… brest pas
    // pressé", "… brest merci"), the street's name and town in a few words with no figure.
    if (street === null || !/^\d/.test(street[0])) continue
    const end = from + street.index + street[0].length
    // (or its town after a comma, a note in brackets or another sentence after it: "…, 22 chemin de Garric, Toulouse (on y
    // est dès 9h). Merci !")
    const tail =
      /^((?:\s+(?!(?:pas|merci|svp|stp|please|pls|thanks|thx|cheers|pour|avant|for|by|before|on|le|ce|cette|demain|asap|urgent|today|tomorrow)\b)[\p{L}'’-]+){1,5})(?:\s+(?:pas|merci|svp|stp|please|pls|thanks|thx|cheers|pour|avant|for|by|before|on|le|ce|cette|demain|asap|urgent|today|tomorrow)\b[^\d]*)?\s*$/iu.exec(line.slice(end)) ??
      /^((?:\s+[\p{L}'’-]+){1,5},(?:\s+\p{Lu}[\p{L}'’-]*){1,3})\s*(?:\([^()]*\)\s*)?(?:[.!]\s.*)?[.!]?\s*$/u.exec(line.slice(end)) ??
      // (or its town after « à » / "in", capitalised, then the dictation going on in lower case: "… 4 rue de la Chèvre à
      // Metz la grande porte est fermée le soir merci")
      /^((?:\s+[\p{L}'’-]+){1,5}?\s+(?:[àa]|in)\s+\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*)(?=\s+\p{Ll}|\s*[.,;!]|\s*$)/u.exec(line.slice(end))
    if (tail !== null) return { value: cleanAddressPart(line.slice(start, end) + tail[1]!), evidence: line.trim(), confidence: 0.55 }
  }
  return null
}

/**
 * "can you send 3 cases … and 6 boxes of large nitrile gloves to the marquee site gate C Monahan's Road Cork T12 RX93 by
 * Thursday thanks", "… please for the day after tomorrow to the large animal store at the back of Fellside Vets Station
 * Road Penrith CA11 7JG thanks": a dictated line with no comma nor full stop that asks for goods, then "to the" and a
 * place up to a postal code that names its country: the place after the last "to the" is the address.
 */
export function dictatedToPlace(lines: readonly string[]): { value: string; evidence: string; confidence: number } | null {
  for (const line of lines) {
    const code = SELF_COUNTRY_CODE.exec(line)
    if (code === null || BILLING.test(line) || !/\b(?:send|deliver|ship|bring|drop|could we have|can we (?:get|have)|can you|need|want)\b/i.test(line)) continue
    const upTo = line.slice(0, code.index + code[0].length)
    if (/[,;:.()!?]/.test(upTo)) continue
    const to = [...upTo.matchAll(/\bto the\s+/gi)].pop()
    if (to === undefined) continue
    const place = upTo.slice(to.index + to[0].length)
    if (place.split(/\s+/).length < 5 || place.length > 110) continue
    return { value: place.trim(), evidence: line.trim(), confidence: 0.5 }
  }
  return null
}

/**
 * "Need for the depot at Thurso:" … then, alone on its line, "Harbour Depot, Quay Street, Thurso KW14 7AA": a line that is
 * an address and nothing else, its first part naming the place the goods were said to be for ("for the depot"), is
 * where they go. Tried last.
 */
export function placeNamedAbove(lines: readonly string[]): { value: string; evidence: string; confidence: number } | null {
  const named = new Set<string>()
  // "à livrer … à la sellerie" then "Haras X – Sellerie" / "Chemin des Herbages" / "14130 Pont-l'Évêque": a block of short
  // lines down to its postal code, joined, is such an address too, right under the sentence that names the place.
  const blockAt = (i: number): string | null => {
    const parts: string[] = []
    for (let k = i; k < lines.length && k < i + 4; k++) {
      const l = cleanAddressPart(lines[k]!)
      if (l === "" || l.length > 60) return null
      parts.push(l)
      if (POSTAL_LINE.test(l)) return parts.length >= 2 ? parts.join(", ") : null
    }
    return null
  }
  let namedAt = -9
  for (const [i, line] of lines.entries()) {
    // (a block right under the sentence that names the place: a signature's block further down is the sender's)
    for (const place of [cleanAddressPart(line), i - namedAt <= 2 ? (blockAt(i) ?? "") : ""]) {
      const parts = place.split(",")
      const whole = parts.length >= 3 && POSTAL_LINE.test(place) && !BILLING.test(place) ? UP_TO_TOWN.exec(place) : null
      if (whole !== null && whole[1]!.length + 2 >= place.length && foldText(parts[0]!).split(" ").some((w) => named.has(w))) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.6 }
    }
    for (const m of foldText(line).matchAll(/\b(?:for|to|pour|au|a) (?:the|our|le|la|l|notre) ([a-z]{4,})\b/g)) {
      named.add(m[1]!)
      namedAt = i
    }
  }
  return null
}

/**
 * "To Level 5 reception, 34 Shortland Street, Auckland 1010.", "Au 2e étage, 8 rue des Lilas, 69003 Lyon.": a line that
 * opens on "to" / "à" / "au" and is, after it, an address and nothing else (no colon: "To: Julie" heads a quoted mail).
 * So is such a sentence, in a paragraph or before how to get in ("… for Monday the 7th. To the mail room, 1100 13th
 * Street NW, Suite 500, Washington DC 20005. Thanks.", "to the 4th floor newsroom, 33 Farringdon Road, London EC1M 3JF.
 * Ask for the news desk at security.").
 */
export function addressOpeningOnTo(lines: readonly string[]): { value: string; evidence: string; confidence: number } | null {
  for (const line of lines) {
    // (a sentence ends on its full stop before a capital; "St. Paul" cut so gives no whole address, and nothing is taken)
    for (const sentence of line.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
      const head = GOES_TO.exec(sentence)
      const found = addressAfterTo(sentence) ?? (head === null ? null : withoutSpotInLowerCase(addressAfterTo(sentence.slice(head[0].length), 400)))
      if (found !== null) return { ...found, evidence: line.trim() }
    }
  }
  return null
}

/**
 * What may follow the postal code of a line that opens on "to" and stay a note on the same place: a way in in brackets
 * with no figure ("(side door, ring the bell)", « (porte de côté) »), or the place said not to go to (", not council HQ in
 * Elgin", « et non au siège »).
 */
const NOTE_AFTER_CODE = /^[\s,.;]*(?:\([^()\d]{2,60}\)|(?:[,;]\s*|\s+[-–—]\s+)(?:and |but |et |mais )?(?:not|never|rather than|instead of|pas|non|jamais|plut[ôo]t que)\b[^()\d:]{2,60}(?:\s*\([^()\d]{2,80}\))?)?[\s.!]*$/iu

/**
 * "They go to the Pastry Kitchen, Unit 3 …, Bath BA1 3JF, not the shop …", « Cette fois à la réserve, 2 rue …, 29000
 * Quimper, et pas à la brasserie », "Everything goes straight to …": a sentence whose first words only say the goods go
 * (or this time), then "to" / « à » and an address, reads as one that opens on "to". (No other head: "Our office moved to
 * …", "Invoices to …" name other places.)
 */
const GOES_TO = /^[\s>]*(?:(?:they|it|these|this|everything|all of it|the (?:lot|order|goods|boxes)|ils|elles|tout|le tout|la commande|les colis)\s+)?(?:(?:all |both |tous |toutes )?(?:go|goes|going|head|heads|need to go|needs to go|should go|must go|can go|vont|va|partent|part|doivent aller|doit aller|iront|ira)\s+(?:straight |direct(?:ly)? |directement |tout droit )?|(?:this time|cette fois(?:[- ]ci)?|exceptionally|exceptionnellement|for once|pour une fois|instead|today|aujourd['’]hui),?\s+)(?=(?:to|[àa]|au|aux)\s)/iu

/** « la réserve, 2 rue … »: which of the sender's premises, in lower case, is no part of the address (as a label's "au labo, 3 rue …"). */
function withoutSpotInLowerCase(found: { value: string; evidence: string; confidence: number } | null): typeof found {
  const spot = found === null ? null : /^(?!(?:the|la|le|les)\s+\p{Lu})(?:(?:la|le|les|the)\s+|l['’])?\p{Ll}[^,\d]{1,30},\s*(.+)$/u.exec(found.value)
  return found === null || spot === null || !streetOf(spot[1]!) ? found : { ...found, value: spot[1]! }
}

function addressAfterTo(line: string, longest = 120): { value: string; evidence: string; confidence: number } | null {
  // ("> to Meadowbank Community Centre, …": a quoted mail's line reads as its writer wrote it.)
  const m = new RegExp(String.raw`^[\s>]*(?:to|[àa]|au|aux|chez)\s+(?!(?:the )?attention\b|l['’]attention\b)([^:]{8,${longest}})$`, "iu").exec(line)
  if (m === null || BILLING.test(line)) return null
  const place = cleanAddressPart(m[1]!)
  if (!streetOf(place) || !POSTAL_LINE.test(place)) return null
  const whole = UP_TO_TOWN.exec(place)
  if (whole !== null && (whole[1]!.length + 2 >= place.length || NOTE_AFTER_CODE.test(place.slice(whole[1]!.length)))) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.65 }
  return null
}

/** The sender's name is the block's first line ("Manon Fontaine"), or in it. */
const namesSender = (first: string, sender: string): boolean => {
  const words = foldText(sender).split(" ").filter((w) => w.length >= 3)
  return words.length > 0 && words.every((w) => ` ${foldText(first)} `.includes(` ${w} `))
}

/** The thanks or greeting that closes a mail before its sender's name. */
// ("With thanks,", "Yours,", « En vous remerciant, » too: address-after-goods.ts's list.)
const SIGN_OFF = /^\s*(?:merci|thanks?\b|thank you|many thanks|cheers|cordialement|bien [àa] vous|bonne (?:journ|soir)|salutations|best|kind regards|regards|warm|sinc[eè]re|ngā mihi|ta\b|with (?:many |grateful |best |kind |warm )?(?:thanks|regards|wishes)\b|yours\b|all the best|en vous remerciant|avec (?:mes|nos|tous mes|tous nos) remerciements)/iu

/**
 * A sentence sending the goods to a place it names, the block under it ("Please ship the list below to the bureau by
 * Thursday." / "Merci d'envoyer le tout à l'agence avant vendredi."): the block is that place, as under the goods.
 */
const SENDS_THERE = /\b(?:ship|deliver|send|bring|livr\w*|envoy\w*|exp[ée]di\w*|apport\w*)\b[^.!?]{0,60}?(?:\b(?:to|at|chez)\s+(?:the|our|la|le|l['’]|notre|nos)\b|(?<![\p{L}])[àa]\s+(?:la|l['’]|notre|nos)|\b(?:au|aux)\s)/iu

/**
 * A paragraph that asks for the goods in words, its list elsewhere (a forward's "Everything else as below, for Monday
 * please.", « Le reste comme ci-dessous, pour lundi svp. »): it ends on the asking word, or on the day wanted.
 */
const ASKED_ABOVE = /(?:\b(?:please|pls|svp|stp|s['’]il vous pla[îi]t|merci)|\b(?:for|by|pour|avant) (?:(?:next|this|le|ce) )?(?:monday|tuesday|wednesday|thursday|friday|saturday|lundi|mardi|mercredi|jeudi|vendredi|samedi)(?: (?:svp|please))?)\s*[.!]?\s*$/iu

/** A line of goods as a list writes it: "6 boîtes capsules", "- 12 x hand soap", "10 reams of paper". */
const GOODS_LINE = /^\s*(?:[-*•]\s*)?\d+\s*(?:x\s*)?\p{L}/iu

/**
 * The goods, a blank line, then "La Ruche Chartrons / espace cuisine RDC / 48 quai des Chartrons / 33000 Bordeaux" and
 * a blank line before the thanks ("Merci !", "Thanks,"): a block with no label right under the list is where the list goes (a signature's
 * block comes after the sign-off and the name, never straight under the goods).
 */
export function blockUnderGoods(lines: readonly string[], sender: string, signature: string): { value: string; evidence: string; confidence: number } | null {
  for (let i = 2; i < lines.length; i++) {
    if (lines[i - 1]!.trim() !== "" || !(GOODS_LINE.test(lines[i - 2]!) || SENDS_THERE.test(lines[i - 2]!) || ASKED_ABOVE.test(lines[i - 2]!)) || lines[i]!.trim() === "") continue
    const parts: string[] = []
    for (let k = i; k < lines.length && k < i + 5; k++) {
      const l = cleanAddressPart(lines[k]!)
      // (a sentence ends the block: "Monday would be best." over a signature's line)
      if (l === "" || l.length > 60 || l.includes(":") || BILLING.test(l) || /[.!?]\s*$/.test(lines[k]!) || (GOODS_LINE.test(lines[k]!) && !streetOf(l) && !POSTAL_LINE.test(l))) break
      parts.push(l)
      if (!POSTAL_LINE.test(l)) continue
      const block = parts.join(", ")
      const whole = UP_TO_TOWN.exec(block)
      // (the thanks must follow, in the text or opening the signature cut off after it: a block that ends the mail
      // unthanked, or names the sender or a job title, is a signature put straight under the goods: "Jeanne Martin /
      // La Cave du Port, …", "Manon Fontaine / Directrice - Hôtel … / 5 quai …")
      const next = lines.slice(k + 1).find((l) => l.trim() !== "") ?? signature.split("\n").find((l) => l.trim() !== "") ?? ""
      // (or a note on how the goods get in between the block and the thanks: "demander Kevin au portail, pas de
      // livraison avant 7h30", "Banksman on the gate will sign for it. Not to the office.")
      const thanked = ((lines[k + 1] ?? "").trim() === "" && SIGN_OFF.test(next)) || signOffAfterWayIn(lines, k + 1, SIGN_OFF, signature) >= 0
      const closed = thanked && !TITLE.test(block) && !namesSender(parts[0]!, sender)
      if (parts.length >= 2 && closed && streetOf(block) && whole !== null && whole[1]!.length + 2 >= block.length) return { value: cleanAddressPart(whole[1]!), evidence: parts.join(" / "), confidence: 0.55 }
      break
    }
  }
  return null
}
