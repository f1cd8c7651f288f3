import { withoutWhenFirst } from "./address-when-first"
import { foldText } from "../search/fold-text"
import { addressSentenceAfterAsking, blockAfterGoods } from "./address-after-goods"
import { addressAtDock, addressWithoutCode, blockWithoutCode, placeStreetAndTown } from "./address-fallbacks"
import { addressAfterAsking, addressOpeningOnTo, addressSentTo, addressThenWayIn, blockUnderGoods, dictatedToPlace, placeInSentence, placeNamedAbove } from "./address-in-prose"
import { withBracketsRejoined, withoutBarePremisesAt, withoutInstructionFirst, withoutPlacesTakingNoGoods } from "./address-wording"
import { cleanAddressPart, placeBefore, placeRunningInto, UP_TO_TOWN, withoutHeading } from "./address-bounds"
import { placeAfterGoods } from "./line-sentences"
import { addressAtInSentence, addressInCsvColumn, placeWordThenAddress } from "./address-said-plainly"
import { BILLING, COUNTRY_LINE, NUMBERED_STREET, POSTAL_LINE, SELF_COUNTRY_CODE, STREET, STREET_BARE, streetBareDelivered, streetOf } from "./address-shapes"

/**
 * The delivery address, from labelled phrases ("Adresse de livraison :", "Deliver to:", "livrer au 12 rue…", a "Ship To"
 * column) first, then from the unlabelled rules of address-in-prose.ts.
 */

// ("Adresse du poste :", "Adresse de la salle des fêtes :", "Hall address:": a place's own address so labelled, any place
// but a billing, head-office, postal, mail or return one.)
const ADDRESS_LABEL =
  /(?:^\s*(?:address|adresse)\s*:|^\s*(?:site|job site|job|project|store|shop|depot|warehouse|branch|works|stand|booth) address\s*:|adresse (?!de facturation|factur|mail|e-?mail|ip|web|du site web)(?:du |de la |de l'|d')?(?:chantier|magasin|site|boutique|labo\w*|atelier|entrep[oô]t|bureau|d[ée]p[oô]t|[ée]cole|cantine|cuisine|stand)\s*:|(?:^|[.!?]\s+)\s*adresse (?:du|de la|de l['’]|des|d['’]) ?(?!factur|livr|si[èe]ge|exp[ée]di|correspond|courrier|envoi|comptab|domicile|retour|mail|e-?mail|ip\b|web|postal|bo[iî]te)[\p{L}'’-]+(?: (?!factur|si[èe]ge)[\p{L}'’-]+){0,3}\s*:|^\s*(?!(?:billing|invoice|invoicing|postal|post|mailing|e-?mail|web|ip|registered|head|office|return|correspondence|home|company|business|our|my|your|pick-?up|collection)\b)(?:[\p{L}'’-]+ ){1,2}address\s*:|delivery (?:destination|location|site)|adresse de livraison|adresse livraison|lieu de livraison|livraison (?:aux|au|[àa]|sur)(?![\p{L}]| plus (?:tard|t[ôo]t|vite)| mieux| moins| cours| d[ée]but| milieu| fin| partir)(?: l'adresse)?|[àa] livrer (?:aux|au|[àa]|sur)(?![\p{L}])|livrer (?:aux|au|[àa]|sur)(?![\p{L}])|merci de livrer (?:aux|au|[àa])(?![\p{L}])|delivery address|deliver(?:y)? to(?![\p{L}])|courier (?:it |them |these )?to|please deliver to(?![\p{L}])|ship[- ]to(?![\p{L}])|shipping address|delivery point|site de livraison|point de livraison|^\s*lieu(?: de (?:r[ée]ception|l'[ée]v[ée]nement|la r[ée]ception|la manifestation))?\s*:|(?:^|[.!?]\s+)(?:adresse|address)(?: is)?\s*:\s*$|[.!?]\s+(?:(?:our|notre) )?(?:adresse|address)\s*:(?=\s*\S)|\b(?:the|our) (?:delivery )?address is|\bl'adresse (?:de livraison )?est|(?:^|[.!?]\s+)(?:(?:la )?m[êe]me adresse que (?:d'habitude|d'hab|d'ordinaire|la derni[èe]re fois)|(?:the )?same address as (?:usual|always|before|last time))\s*:(?=\s*\S))\s*(?:l'adresse\s*)?(?:suivante\s*)?:?/iu
/** A place said not to be the one: "(et non au siège de Besançon)", "rather than the head office", "pas à l'usine". */
const NOT_THERE = /\((?:et |mais )?(?:non|pas|not|rather than|instead of)\b[^)]*\)|\b(?:et non|mais pas|rather than|instead of|not)\s+(?:au|aux|[àa]|to|at|the)\b[^,:;.()]*|\bnot\s+(?:our\s+)?(?:head|main|registered)\s+office\b[^,:;.()]*/gi
// ("PO" as a word only: "Port Talbot SA12 9BY", "Poitiers", "Portsmouth" are towns closing a block.)
// (a phone's "Tél." or a "Réf." as a word, never a town that starts so: "Telford TF7 4QT", "Telde", "Reading RG1 1DB")
const STOP_LINE = /^(?:date|d[ée]lai|t[ée]l(?:[ée]phone)?(?![\p{L}])|phone|fax|mobile|contact|merci|thanks|cordialement|regards|r[ée]f(?:[ée]rences?|s)?(?![\p{L}])|po(?![a-z])|commande|order|qt[ée]|horaires|opening|hours|attn|[àa] l'attention)/iu

/** A street named in a labelled cell, numbered or not ("entrée rue Nationale", "accès livraisons rue Bayard", "off Mill Road"). */
const STREET_IN_CELL = /(?:\b(?:rue|avenue|chemin|route|impasse|all[ée]e|quai|boulevard|cours|esplanade)\s+(?:de la |du |des |de l['’]|d['’])?\p{Lu}|\p{Lu}[\p{L}'’-]+\s+(?:Road|Street|Lane|Avenue|Way|Drive)\b)/u
const SAME_AS_BILLING = /^:?\s*(?:same as (?:the )?(?:bill(?:ing)? to|billing(?: address)?|invoice(?: address| to)?|above)|as (?:the )?billing(?: address)?|idem (?:factur\w*|ci dessus)|identique (?:[àa] (?:l'adresse de )?)?factur\w*|m[êe]me (?:adresse )?que (?:la )?factur\w*)/i
const BILLING_LABEL = /^\s*(?:bill to|billing address|invoice to|invoice address|adresse de facturation|factur(?:ation|er [àa]))\b[^:\n]*:?\s*$/i

/** The address block under a "Bill To:" label, its lines joined by ", " (up to its postal code). */
function billingBlock(lines: readonly string[]): string | null {
  const at = lines.findIndex((l) => BILLING_LABEL.test(l))
  if (at < 0) return null
  const parts: string[] = []
  for (let k = at + 1; k < lines.length && k <= at + 6; k++) {
    const l = cleanAddressPart(lines[k]!)
    if (l === "") break
    parts.push(l)
    if (POSTAL_LINE.test(l)) return parts.join(", ")
  }
  return null
}

function columnAddress(head: string, row: string): string | null {
  // "SHIP_TO_LOCATION", "Ship To Address": an ERP's column, underscores for spaces, the place named after the label.
  const heads = head.split("|").map((c) => c.trim().replace(/_/g, " ").replace(/\s+(?:location|address|site|point)$/i, ""))
  const at = heads.findIndex((c) => c !== "" && (ADDRESS_LABEL.exec(c)?.[0].length ?? 0) >= c.replace(/\s*:$/, "").length)
  if (at < 0 || !row.includes("|") || heads.some((c) => /\d/.test(c))) return null
  const cell = cleanAddressPart(row.split("|")[at] ?? "")
  return POSTAL_LINE.test(cell) && (STREET.test(cell) || /\d/.test(cell.replace(POSTAL_LINE, ""))) ? cell : null
}

/**
 * "BILL TO:                 SHIP TO:" with the two blocks side by side (a PO typed out in plain text): the lines'
 * right-hand column under the ship-to label, up to its postal code.
 */
function sideBySide(lines: readonly string[]): { value: string; evidence: string; confidence: number } | null {
  for (let i = 0; i < lines.length; i++) {
    const m = /^(.*\S)(\s{3,})((?:ship to|deliver to|delivery address|adresse de livraison|livrer [àa]|livraison)\s*:?)\s*$/i.exec(lines[i]!)
    if (m === null || !BILLING.test(m[1]!)) continue
    const col = m[1]!.length + m[2]!.length
    const parts: string[] = []
    for (let k = i + 1; k < lines.length && k <= i + 6; k++) {
      const cell = cleanAddressPart(lines[k]!.slice(col))
      if (cell === "") break
      parts.push(cell)
      if (POSTAL_LINE.test(cell)) return { value: parts.join(", "), evidence: lines.slice(i, k + 1).join(" / ").trim(), confidence: 0.8 }
    }
  }
  return null
}

/**
 * "Rue des Terreaux 14" then "2000 Neuchâtel": a Swiss or Belgian code that reads like a year, alone with its town on
 * the line under a street, closes the block as any postal code does (a year is never written so under a street).
 */
const CODE_LIKE_YEAR = /^(?:19|20)\d\d \p{Lu}[\p{L}'’.-]*(?:[ -]\p{L}[\p{L}'’.-]*){0,3}$/u
const closesBlock = (l: string, parts: readonly string[]): boolean => POSTAL_LINE.test(l) || (CODE_LIKE_YEAR.test(l) && parts.length > 0 && STREET.test(parts[parts.length - 1]!))

/** A goods line of a list ("- 10 ramettes …", "4 boîtes de gants …"): never a line of the address under it. */
const GOODS_LINE = /^\s*(?:[-•*–]\s+\S|\d{1,4}(?:[.,]\d+)?\s*(?:x\s+)?\p{L}{2,})/u
/**
 * Under the goods, what is no address: a sentence, another label, a signature's name ("L. Tessier", "Manon Fontaine"
 * over her title and the hotel's address).
 */
const NOT_BLOCK_AFTER_GOODS = /:|[.!?](?:\s|$)|\b(?:livr|deliver|ship|adresse|address|factur|invoice|bill)/i
const PERSON = /^(?:\p{Lu}\.\s?|\p{Lu}[\p{Ll}'’-]+ )\p{Lu}[\p{Ll}'’-]+$/u

/**
 * The point of delivery inside the premises, named before the colon over their block: "to the stage door:", "à la
 * réserve pédagogique :", "à l'accueil des groupes :", "to the goods entrance:". It opens the address unless the block
 * names it already ("au club-house :" over "Club-house …"). The premises as a whole ("à la boutique", "to the shop",
 * "à notre local") are what the block names and add nothing.
 */
const POINT_BEFORE_COLON = /(?:(?<![\p{L}])[àa] l['’]\s*|(?:\bto (?:the|our)|(?<![\p{L}])(?:[àa] la|au|aux))\s+)((?:[\p{L}'’-]+ ?){1,5}?)\s*:\s*$/iu
const POINT = /^(?:[\p{L}-]+ )?(?:door|doors|entrance|gate|reception|front desk|lodge|stores|store ?room|stock ?room|mail ?room|post ?room|goods in(?:wards?)?|receiving|shipping ?(?:\/|and|&) ?receiving|(?:loading )?(?:dock|bay))$|^(?:accueil|r[ée]ception|loge|r[ée]serve|porte|portail|entr[ée]e|[ée]conomat|conciergerie|gu[ée]rite|poste de garde)\b(?:[ '’][\p{L}'’-]+){0,3}$/iu
/** Where a building takes in goods: "receiving", "shipping/receiving", "goods inwards", "the loading dock", "quai de déchargement". */
// (a room or a door of the building, named before its street: "to the Control room, 14 …", "to the staff entrance, …", where
// the carrier goes once there;
// its last words too, after the building's: "the chancery loading bay", "the school's goods in"; and a hall hired or lent
// for the day, « la salle polyvalente », "the church hall", which is no part of the sender's own premises)
const GOODS_SIDE = /^(?:(?:the|our|la|le|l['’]|notre)\s*)?(?:(?:[\p{L}'’-]+\s+){0,2}(?:receiving|goods in(?:wards?)?|(?:loading )?(?:dock|bay)|mail ?room|post ?room|room|entrance|door)|salle (?:polyvalente|des f[êe]tes|communale|municipale|paroissiale|omnisports|de sport)|gymnase|(?:village|church|parish|community|sports|school|scout) (?:hall|centre|center)|receiving|shipping ?(?:\/|and|&) ?receiving|goods in(?:wards?)?|(?:loading )?(?:dock|bay)|mail ?room|post ?room|quai(?: de (?:livraison|d[ée]chargement|r[ée]ception))?|r[ée]ception (?:des )?marchandises)$/iu
// ("au local technique et pas à l'accueil des curistes :": the place said not to come to is none of it.)
const NOT_THAT_POINT = /\b(?:et |mais )?(?:pas|non|not|never|jamais)\s+(?:au|aux|[àa]|to|at|the|chez|par)(?![\p{L}])[^,:;.()]*/giu
// ("à l'accueil si possible :": a wish, the address is the block's.)
const HEDGED = /\b(?:si possible|de pr[ée]f[ée]rence|if possible|ideally|preferably|id[ée]alement)\b/i
function pointBeforeColon(line: string, block: readonly string[]): string | null {
  const m = POINT_BEFORE_COLON.exec(line.replace(NOT_THERE, " ").replace(NOT_THAT_POINT, " "))
  const point = m === null ? "" : cleanAddressPart(m[1]!)
  if (!POINT.test(point) || HEDGED.test(point)) return null
  const head = foldText(point).split(" ").filter((w) => w.length > 3 && !/^(?:the|des|de|du|la|le)$/.test(w))
  return head.some((w) => foldText(block.join(" ")).includes(w)) ? null : point
}

/** "… livrer directement au chalet,", "deliver it to our stall," : a delivery sentence ending on the place it names and a comma. */
const SENDS_TO_PLACE_COMMA = /(?<![\p{L}])(?:[àa] la|[àa] l['’]|au|aux|to (?:the|our)|at (?:the|our)|chez)\s*[\p{L}'’ -]{2,40},\s*$/iu

/** The door or entrance for goods named in a block: « entrée (des) livraisons », « quai de livraison », "deliveries entrance". */
const GOODS_WAY_IN = /(?<![\p{L}])(?:entr[ée]e|porte|portail|acc[èe]s|quai|zone)\s+(?:de\s+|des\s+)?livraisons?\b|\b(?:deliver(?:y|ies)|goods)\s+(?:entrance|door|gate|bay|dock|yard|access)\b/giu

/** The lines under line i, with no blank first, reach a postal code within four lines: an address block. */
function blockBelow(lines: readonly string[], i: number): boolean {
  if ((lines[i + 1] ?? "").trim() === "") return false
  for (let k = i + 1; k < lines.length && k <= i + 4; k++) {
    const l = lines[k]!.trim()
    // A label or a delivery sentence ("Deliver to:", "Livraison le … à : …", read by their own rules) or a sign-off
    // ("Obrigada,", "Thanks") starts something else.
    // ("entrée livraisons côté cuisine", "deliveries entrance at the rear": the way in for goods is a line of the block.)
    if (l === "" || /\+?\d[\d .]{8,}\d/.test(l) || /[:,]$/.test(l) || l.includes(":") || /\b(?:livr|deliver|ship|adresse|address)/i.test(l.replace(GOODS_WAY_IN, " ")) || STOP_LINE.test(l) || /^(?:obrigad|gracias|grazie|danke|thank|best|kind|warm|bien [àa] vous|bonne|salutations|sinc[eè]re)/i.test(l)) return false
    // (one line with its street unnumbered between commas: "Chalet n° 23, Marché de Noël, place Bellecour, 69002 Lyon")
    if (POSTAL_LINE.test(l)) return STREET.test(lines.slice(i + 1, k + 1).join(" ")) || k > i + 1 || streetOf(l)
  }
  return false
}

/**
 * "to the yard - Unit 3 Riverside Works, Chapel Street, Salford M3 7AJ", « au dépôt – 7 rue …, 13011 Marseille »: a
 * place the goods go to (an article or "our" after "to", « au », « à la »), then a dash and its address (a street and a
 * postal code before the sentence ends) — the dash says what a colon says. Not a dash after the address ("…, Bristol BS6
 * 6AH - side gate"), nor one inside a name after a label (« Livrer à | Magasin IT - Bâtiment C, … »).
 */
const PLACE_THEN_DASH = /((?<![\p{L}])(?:(?:to|at) (?:the|our|my)|[àa] (?:la|l['’]|notre)|au|aux)\s?[^\n:;.!?()|]{1,60}?)\s+[-–—]\s+(?=[\p{Lu}\d])([^\n]*)/iu
function dashAsColon(line: string): string {
  const m = PLACE_THEN_DASH.exec(line)
  if (m === null) return line
  const code = POSTAL_LINE.exec(m[2]!)
  if (code === null) return line
  // (up to the end of the sentence holding the postal code)
  const end = /[.!?]\s+(?=\p{Lu})/u.exec(m[2]!.slice(code.index + code[0].length))
  const after = end === null ? m[2]! : m[2]!.slice(0, code.index + code[0].length + end.index + 1)
  if (/[.!?]\s+\p{Lu}/u.test(after.slice(0, code.index)) || !(STREET.test(after) || STREET_IN_CELL.test(after) || streetOf(after))) return line
  // (the sentences after the address's are a note for the driver: "If the shutter's down ring Lee on 07700 900412.")
  return `${line.slice(0, m.index)}${m[1]!}: ${after}`
}

/** The delivery address the mail asks for, as its lines joined by ", ". */
export function findDeliveryAddress(text: string, sender = "", signature = ""): { value: string; evidence: string; confidence: number } | null {
  const lines = withBracketsRejoined(text.split("\n").map(dashAsColon).map(withoutPlacesTakingNoGoods))
  const found = findLabelledAddress(lines.join("\n")) ?? placeInSentence(lines) ?? addressThenWayIn(lines, sender) ?? addressAfterAsking(lines) ?? placeNamedAbove(lines) ?? addressSentTo(lines) ?? dictatedToPlace(lines) ?? addressWithoutCode(lines) ?? placeStreetAndTown(lines) ?? addressAtDock(lines) ?? blockWithoutCode(lines) ?? addressOpeningOnTo(lines) ?? blockUnderGoods(lines, sender, signature) ?? addressInCsvColumn(lines) ?? placeWordThenAddress(lines, sender) ?? addressAtInSentence(lines) ?? blockAfterGoods(lines, sender, signature) ?? addressSentenceAfterAsking(lines)
  return found === null ? null : { ...found, value: withoutInstructionFirst(withoutBarePremisesAt(withoutHeading(withoutWhenFirst(found.value)).replace(SENDING_PREPOSITION, ""))) }
}

/**
 * "à la rédaction, 3e étage, 18 rue …" under the goods, "au 2e sous-sol, …", "to reception, …": the sentence's
 * preposition heads the block, no part of the place, nor "À l'accueil, 14 rue Haute, …" a sentence's (a capital after it
 * keeps a name: "Au Bon Marché, …", "To Go Café").
 */
const SENDING_PREPOSITION = /^(?:[àaÀA]|[aA]ux?|[tT]o)\s+(?=(?:la|le|les|l['’]|the)\s|l['’]|\p{Ll}|\d)/u

/**
 * "… to the depot:", "… mais au chalet annexe où loge l'équipe : chalet annexe, 4 chemin …", "but to the annex where the
 * team is staying: …": a place the goods go to, named before a colon, with the words saying which after it.
 */
/** "Merci d'envoyer 2 colis … à la salle omnisports, rue du Parc 12, …", "can you send 10 reams … to reception, 14 …": a verb sending the goods, then them, then where. */
const SENDS_GOODS = /\b(?:envoy\w*|exp[ée]di\w*|livr\w*|send|ship|deliver|bring|drop)\b/i
// (in one sentence: "… for Monday the 7th. To the mail room, 1100 …" is the rule for a sentence opening on "To the")
const sendsGoodsThere = (line: string): boolean => line.split(/(?<=[.!?])\s+/).some((s) => SENDS_GOODS.test(s) && placeAfterGoods(s) !== null)
const TO_PLACE_COLON = /(?<![\p{L}])(?:(?:to|[àa]) (?:the|our|notre|la|le|l['’])(?![\p{L}])|aux? (?=\p{Ll})|[àa] l['’](?=\p{L}))[^:\n]{0,50}:/iu

/** Words that hand the goods over somewhere other than "livrer" / "deliver": « remis », « déposés », "must reach", "get to". */
const ASKED_FOR_A_DAY_TO = /\b(?:need|needs|want|could (?:we|you|i)|can (?:we|you|i)|send|faut|faudrait|besoin|voudri\w+|pourrie[zs]|envoy\w+)\b.*(?:\b(?:for|by|before|on|pour|avant|d['’]ici)\s+(?:(?:next|this|le|ce)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|tomorrow|lundi|mardi|mercredi|jeudi|vendredi|samedi|demain)(?:\s+(?:morning|matin|midi|soir))?)[\s,]+(?:to|at|[àa]|au|aux|chez)\s*$/iu
const ARRIVES = /\b(?:arriv\w*|parvien\w*|parvenir|reach\w*|get (?:here|to us)|be (?:here|with us))\b/i
const HANDED_OVER = /\b(?:(?:[êe]tre |sont |seront )?remi(?:s|se|ses)\b|remettre\b|(?:[êe]tre |sont |seront )d[ée]pos[ée]e?s?\b|(?:must|should|need to|needs to|has to|have to|to) (?:reach|get to|arrive at|be at)\b|(?:doivent|doit|devront) (?:arriver|parvenir)\b|\b(?:have|get) (?:it|them|these|everything|the (?:goods|order|lot)) (?:with us|here|to us)\b|\b(?:les|la|le) recevoir (?:chez nous|ici)\b)/i

const LONG_PLACE_COLON = /(?<![\p{L}])(?:(?:to|[àa]) (?:the|our|notre|nos|la|le|l['’])(?![\p{L}])|aux? (?=\p{Ll})|[àa] l['’](?=\p{L}))[^:\n]{0,60}:\s*$/iu

/** What a delivery label's line says of the day, the hour or the way in, never of the spot. */
const NOT_A_SPOT = /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday|demain|tomorrow|today|aujourd|semaine|week|asap|urgent|avant|before|by|apr[èe]s|after|matin|morning|midi|noon|soir|evening|please|merci|svp|si|if|when|quand|d[èe]s|possible|same|m[êe]me|habituel\w*|usual|comme|as|voir|see|ci-dessous|below)\b/i
function findLabelledAddress(text: string): { value: string; evidence: string; confidence: number } | null {
  const lines = text.split("\n")
  const beside = sideBySide(lines)
  if (beside !== null) return beside
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!
    // A table's "Ship To" / "Adresse de livraison" column: the address is the cell under it.
    if (line.includes("|")) {
      const cell = columnAddress(line, lines[i + 1] ?? "")
      if (cell !== null) return { value: cell, evidence: lines[i + 1]!.trim(), confidence: 0.85 }
      // "Site | Poste de garde, 850 avenue de Berre, 13340 Rognac |": a sheet's label/value row naming the place
      // ("Livraison | Résidence … - local gardien, 14 avenue …": the whole cell, its place before the street too).
      // ("Adresse | Studio …, 8 rue …", "Lieu | Immeuble …, accès livraisons rue Bayard, 31000 Toulouse": a bare "Adresse"
      // cell is the place too, and its street may be named without a number, after the way in.)
      const row = /^\s*(site|lieu|lieu de livraison|site de livraison|delivery site|delivery location|location|livraison|adresse|address|adresse de livraison|delivery|delivery address|ship to|deliver to)\s*:?\s*\|\s*([^|]+?)\s*(?:\||$)/i.exec(line)
      if (row !== null && POSTAL_LINE.test(row[2]!) && (streetOf(row[2]!) || STREET_IN_CELL.test(row[2]!)) && !BILLING.test(row[2]!)) return { value: cleanAddressPart(UP_TO_TOWN.exec(row[2]!)?.[1] ?? row[2]!), evidence: line.trim(), confidence: 0.85 }
    }
    let m = ADDRESS_LABEL.exec(line)
    // "Livraison le 19/05/2026 à : Imprimerie Rousseau, 14 rue …": a delivery phrase ending in "à :" / "to:".
    if (!m) m = /\b(?:livraison|livrer|delivery|deliver)\b[^:\n]{0,40}?\s(?:[àa]|to|at)\s*:/i.exec(line)
    // A line ending with ":" that says where the goods go ("This one goes to our new cross dock:", "Drop it at the
    // boatyard:", "à l'entrepôt :"), never where the invoice goes.
    // "Friday 27th please, to:" above an address block: a line ending in "to:" or "à :" says where, not who.
    // "à l'adresse du centre (et non au siège de Besançon) :": the place said not to deliver to is no billing word.
    const unnegated = line.replace(NOT_THERE, " ")
    // ("Les colis doivent être remis avant le mercredi 2 décembre au bureau de la valise, … :", "the goods must reach them by
    // next Wednesday:": a sentence that hands the goods over, its colon over the block.)
    const destination = /\b(?:livr|deliver|ship)/i.test(line) || HANDED_OVER.test(line) || (/[\s,](?:(?:to|[àa]|au|aux)(?: (?:the|our|my|la|le|l'|notre|mon|ma|nos|les))?(?: [\p{L}'’-]+){0,3}|to|[àa])\s*:\s*$/iu.test(line) && !/\b(?:reply|replies|r[ée]pondre|invoice|bill|factur|sent|envoy[ée]|addressed|adress[ée]|copie)\w*\b/i.test(line)) || (/\b(?:goes? (?:direct(?:ly)? |straight )?to|go (?:direct(?:ly)? |straight )?to|direct(?:ly)? to|drop|send (?:it|them|the lot|everything|it all|all of it)|bring|entrep[oô]t|warehouse|d[ée]p[oô]t|chantier|site|pour le compte d|on behalf of|directement (?:chez|[àa])|l['’]adresse (?:du|de|des|d['’])|to the address of)/i.test(unnegated) && !BILLING.test(unnegated))
    // (unless the line holds the address itself in brackets: "… à notre plateau (Quai des Vennes 18, 4020 Liège) :")
    // "These are for the branch, not headquarters in Aberystwyth:" right above an address block: the place the goods are
    // for, named before a colon, is where they go.
    const forPlace = /:\s*$/.test(line) && /\b(?:for|pour) (?:the|our|this|le|la|l['’]|notre|ce|cette)\s/i.test(unnegated) && !BILLING.test(unnegated) && blockBelow(lines, i)
    // "à notre atelier provisoire sur la résidence :", "à remettre à notre transitaire, qui s'occupe du dédouanement :", "to
    // our temporary site office next to the car park:": a place named at length before the colon, a block right under.
    const longPlace = LONG_PLACE_COLON.test(unnegated) && !BILLING.test(unnegated) && !/\b(?:reply|replies|r[ée]pondre|invoice|bill|factur|copie)\w*\b/i.test(line) && blockBelow(lines, i)
    // "To:" alone over the block (a dictated or typed "À :"): where the goods go; "To: Julie" heads a quoted mail.
    const bareTo = /^\s*(?:to|[àa]|destination|destinataire)\s*:\s*$/i.test(line) && blockBelow(lines, i)
    // "« Livraison »", "*Delivery*", "Livraison —" alone over the block: a heading with no colon, the block right under it.
    if (!m && /^\s*[«"“*_]*\s*(?:livraison|delivery|shipping|ship to|deliver to|adresse de livraison|delivery address|lieu de livraison)\s*[»"”*_]*\s*[-–—]?\s*$/i.test(line) && blockBelow(lines, i)) m = /\s*$/.exec(line)
    if (!m && (destination || forPlace || longPlace || bareTo) && /:\s*$/.test(line) && !/\([^()]*\)/.test(line.replace(/\([^()]*\)/g, (b) => (POSTAL_LINE.test(b) && STREET.test(b) ? b : "")))) m = /[^\n]*:\s*$/.exec(line)
    // "… pouvez-vous livrer le mercredi 9 décembre à la salle ?" right above a block of address lines: the block is
    // where (the next line starts it, with no blank between).
    if (!m && /\b(?:livr|deliver|ship)/i.test(line) && !BILLING.test(line) && /[?.]\s*$/.test(line) && blockBelow(lines, i)) m = /\s*$/.exec(line)
    // "Delivery: Tuesday 15 December, to" above the block: a delivery line left open on "to" / "à" / "au" ("Livraison :
    // jeudi 10 décembre, avant 11 h, au" over the place's lines).
    // ("Delivery: Thursday, December 10, attn. the verger, at", « Livraison jeudi, chez » over the block: "at" and "chez" too.)
    // ("To arrive Friday 11 December at the latest, at", « à faire parvenir avant jeudi à » over the block: the goods' arrival
    // said, not their sending.)
    // (« il nous faudrait six rouleaux … pour jeudi au », "need 10 boxes … by Friday to" over the block: the goods asked
    // for a day, the line left open on the place.)
    if (!m && (/\b(?:livr|deliver|ship)/i.test(line) || ARRIVES.test(line) || ASKED_FOR_A_DAY_TO.test(line)) && !BILLING.test(line) && /[\s,](?:to|at|[àa]|au|aux|chez)\s*$/i.test(line) && blockBelow(lines, i)) m = /\s*$/.exec(line)
    // "… à livrer directement au chalet," over "Chalet n° 23, …, 69002 Lyon": a delivery sentence left open on a comma
    // after the place it names, the place's address on the next line.
    if (!m && /\b(?:livr|deliver|ship)/i.test(line.replace(NOT_THERE, " ")) && !BILLING.test(line) && SENDS_TO_PLACE_COMMA.test(line.replace(NOT_THERE, " ")) && blockBelow(lines, i)) m = /\s*$/.exec(line)
    // "Livraison : Centre technique municipal, 14 chemin du Stade, 30310 Vergèze": a whole address after the label.
    if (!m) {
      const labelled = /\b(?:livraison|delivery|lieu de livraison)\s*:\s*/i.exec(line)
      const rest = labelled === null ? "" : line.slice(labelled.index + labelled[0].length)
      if (labelled !== null && streetOf(rest) && POSTAL_LINE.test(rest) && !BILLING.test(rest)) m = labelled
    }
    // "Livraison le mardi 15, à la distillerie (La Croix Verte, 72000 Le Mans)": a place's name, then in brackets a
    // place-name address with no street (a lieu-dit, a hamlet) up to its postal code and town.
    if (!m && /\b(?:livr|deliver|ship)/i.test(line) && !BILLING.test(line)) {
      const held = /(?<![\p{L}])(?:[àa]|au|aux|to|at)\s+(?:la |le |l['’]|les |notre |nos |our |the )?([\p{L}'’ -]{2,40}?)\s*\(([^()]+)\)/u.exec(line)
      const whole = held !== null && POSTAL_LINE.test(held[2]!) && !/\d{2}[ .]\d{2}[ .]\d{2}/.test(held[2]!) ? UP_TO_TOWN.exec(cleanAddressPart(held[2]!)) : null
      // ("to the Avonmouth cold store (Kings Weston Lane, Bristol BS11 8AZ)": a place that bears its own name, capitalised,
      // is the address's first line; "la distillerie" only says which of the sender's premises.)
      const named = held !== null && /^\p{Lu}/u.test(held[1]!) ? `${cleanAddressPart(held[1]!)}, ` : ""
      if (whole !== null && /\p{L}{3,}/u.test(whole[1]!.split(/\d/)[0] ?? "")) return { value: named + cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.75 }
    }
    // "Livraison jusqu'au 10.12 au laboratoire (2 rue …, 25000 Besançon)", "…, à notre laboratoire, 14 rue Bonaparte,
    // 06300 Nice.", "to the canteen entrance: Building B, 22 Harbour Road, Bristol BS1 4DJ": a delivery sentence that
    // holds a whole address, in brackets, after a colon or from its street on.
    // ("Please send to our Galway office, Unit 3, …, Galway H91 X2YT.", "envoyez le tout à …": sending words too.)
    if (!m && (/\b(?:livr|deliver|ship|send (?:it |them |these |everything |the (?:goods|order|lot) )?to\b|envoy(?:er|ez) (?:le tout |la commande |les |tout )?(?:[àa] |au |chez ))/i.test(line) || TO_PLACE_COLON.test(line) || sendsGoodsThere(line)) && (STREET.test(line) || streetBareDelivered(line)) && POSTAL_LINE.test(line) && !BILLING.test(line)) {
      // ("pouvez-vous nous livrer 4 packs d'eau pour jeudi. Boulangerie Martin, 6 rue du Pont, 44000 Nantes. Merci": the
      // address a sentence of its own after the asking one, its name first.)
      const alone = addressSentenceAfterAsking([line])
      if (alone !== null) return { ...alone, confidence: 0.75 }
      const inBracket = /\(([^)]+)\)/.exec(line)
      const street = STREET.exec(line) ?? STREET_BARE.exec(line)!
      // "pour demain : 150 cartons …. Notre réf. X. Livrer Entrepôt 7, Quai …": a colon sentences before the street's
      // heads the goods, not the address.
      const afterColon = /:\s*([^:]+)$/.exec(line)
      const colonHeads = afterColon !== null && !/[.!?]\s/.test(line.slice(afterColon.index, street.index))
      const from = inBracket !== null && STREET.test(inBracket[1]!) && POSTAL_LINE.test(inBracket[1]!) ? inBracket[1]! : colonHeads && streetOf(afterColon[1]!) ? afterColon[1]! : line.slice(placeBefore(line, street.index))
      const whole = UP_TO_TOWN.exec(cleanAddressPart(from))
      // ("to our Galway office, Unit 3, …": the office's name without "our".)
      if (whole !== null) return { value: cleanAddressPart(whole[1]!).replace(/^(?:our|my|notre|nos|mon|ma) (?=\p{Lu})/iu, ""), evidence: line.trim(), confidence: 0.75 }
    }
    // "Livraison : hangar de conditionnement" over "Les Serres du Cens / 12 chemin de la Noë / 44240 …": the spot named on
    // the label's line, the premises' block right under it (a day, a time or a request there says when or how instead).
    if (!m) {
      const spot = /^\s*(?:livraison|delivery|deliver to|ship to|lieu de livraison)\s*:\s*(?=\S)/i.exec(line)
      const named = spot === null ? "" : line.slice(spot[0].length)
      if (spot !== null && !/\d/.test(named) && named.split(/\s+/).length <= 6 && !BILLING.test(named) && !NOT_A_SPOT.test(named) && blockBelow(lines, i)) m = spot
    }
    if (!m) continue
    // ("Delivery address is 77 Jervois Road, …": the verb after the label is none of the address.)
    const labelled = line.slice(m.index + m[0].length).replace(/^\s*(?:is|est)\s+(?=[\d\p{Lu}])/u, "")
    // "Delivery: Kerio Heights Training Camp, …, Iten. Our postal address is P.O. Box 214-30700 Iten, for invoices only.":
    // the sentence after the address that gives the invoices' is no part of it.
    const invoices = /[.!?]\s+(?=\p{Lu})(?=[^.!?]*(?:\b(?:factur\w*|invoice\w*|billing|postal address|adresse postale|p\.?\s?o\.? box|bo[iî]te postale)\b|\bBP\s?\d))/iu.exec(labelled)
    const after = invoices !== null && (STREET.test(labelled.slice(0, invoices.index)) || STREET_BARE.test(`${labelled.slice(0, invoices.index)},`)) ? labelled.slice(0, invoices.index + 1) : labelled
    // "Ship To: Same as Bill To", "Livraison : idem facturation": the billing block is where the goods go.
    const said = after.trim() !== "" ? after : (lines.slice(i + 1, i + 3).find((l) => l.trim() !== "") ?? "")
    if (SAME_AS_BILLING.test(said.trim())) {
      const billed = billingBlock(lines)
      if (billed !== null) return { value: billed, evidence: [line, said].join(" / ").trim(), confidence: 0.8 }
    }
    const parts: string[] = []
    // "Please deliver to our second site:": a name for what the next lines say.
    // ("deliver to our stall," over "Stall 9, Borough Market, …": the place's name left open on a comma, the same.)
    let first = (/:\s*$/.test(after) || (/^[^\d,]{2,40},\s*$/.test(after) && blockBelow(lines, i))) && !STREET.test(after) && !POSTAL_LINE.test(after) ? "" : cleanAddressPart(after.replace(/\s*[|]\s*/g, ", "))
    // "Adresse de livraison : voir ci-dessous", "Delivery address: see below": a pointer to the block, no part of it.
    if (/^(?:\(?(?:voir|see|cf\.?)\s+)?(?:ci[- ]dessous|ci[- ]apr[èe]s|en dessous|plus bas|below|as below|underneath)\)?$/i.test(first)) first = ""
    // "livrer à notre labo : 8 rue …", "au labo (8 rue …, 69003 Lyon)": the address is what the colon or the
    // brackets hold, not the name of the place before them.
    const colon = /^[^:\d]{1,40}:\s*(.+)$/.exec(first)
    if (colon && (STREET.test(colon[1]!) || POSTAL_LINE.test(colon[1]!) || UP_TO_TOWN.test(colon[1]!))) first = cleanAddressPart(colon[1]!)
    // "Deliver to Pontoon Gate 2 rather than the office this time, the office is being painted: Marlowe Marine, …, Swansea
    // SA1 1UP": a longer reason before the colon, a whole address after it (its street and postal code, none before).
    const reason = /^([^:]{1,120}):\s*(.+)$/.exec(first)
    if (reason && !STREET.test(reason[1]!) && !POSTAL_LINE.test(reason[1]!) && streetOf(reason[2]!) && POSTAL_LINE.test(reason[2]!) && UP_TO_TOWN.test(reason[2]!)) first = cleanAddressPart(reason[2]!)
    // "Livraison au laboratoire, 3 rue Grenette 69002 Lyon": a place named in lower case before the street is where in it.
    // (not a building's goods side: "Ship to shipping/receiving, 1010 rue …", "to the mail room, …", "au quai de
    // déchargement, …" say where the carrier goes)
    const place = /^(\p{Ll}[^,\d]{1,30}),\s*(.+)$/u.exec(first)
    // ("Deliver to the Repair Workshop, Unit 12, …": an article, then a name in capitals, is a place's own name, kept, its
    // "the" with it as tune40 keeps "the Server room, …"; the scoring reads it without.)
    if (place && STREET.test(place[2]!) && POSTAL_LINE.test(place[2]!) && !GOODS_SIDE.test(place[1]!) && !/^(?:the|la|le|les|l['’])\s*\p{Lu}\p{Ll}/u.test(place[1]!)) first = cleanAddressPart(place[2]!)
    // "Delivery: Tuesday 10 November 2026 to X, North Pier, …": the day is when, what follows "to" / "à" where.
    const when = /^(?:\p{L}+\s+)?\d{1,2}(?:st|nd|rd|th|er)?\s+\p{L}+(?:\s+\d{4})?\s+(?:to|[àa]|au)\s+(.+)$/u.exec(first)
    if (when && streetOf(when[1]!)) first = cleanAddressPart(when[1]!)
    // "à livrer sur le chantier à la salle des fêtes de X 12 rue …" dictated: the place named last before the street.
    const streetIn = NUMBERED_STREET.exec(first) ?? STREET.exec(first)
    const runsInto = streetIn === null || streetIn.index === 0 ? -1 : placeRunningInto(first, streetIn.index)
    if (runsInto > 0) first = first.slice(runsInto)
    const bracket = /^[^(\d]{1,40}\(([^)]+)\)/.exec(first)
    if (bracket && STREET.test(bracket[1]!) && POSTAL_LINE.test(bracket[1]!)) first = cleanAddressPart(bracket[1]!)
    if (/^(?:habituelle|usual|comme d'habitude|as usual|notre adresse habituelle)/i.test(foldText(first))) return null
    if (first !== "") {
      // "livraison au 12 rue des Forges, 69007 Lyon, jeudi" stops after the city.
      const inline = UP_TO_TOWN.exec(first)
      // "Ship to: Dublin 8, D08 T6YA, 14 Thomas Street, Unit 2", "Livraison : 1000 Bruxelles, Rue Neuve 50, 3e étage": the
      // town and code written first, the street after them in the same clause is the address's too.
      const streetAfter = inline !== null && !STREET.test(inline[1]!) && STREET.test(first.slice(inline[1]!.length)) && !/[.!?;(]|\s[-–—]\s/.test(first.slice(inline[1]!.length))
      parts.push(cleanAddressPart(inline && !streetAfter ? inline[1]! : first))
      if (inline || POSTAL_LINE.test(first)) {
        if (!STREET.test(parts.join(" ")) && !/\d/.test(parts[0]!)) continue
        return { value: parts.join(", "), evidence: line.trim(), confidence: 0.9 }
      }
    }
    // Five lines of address at most, counted from its first (a blank line may come between the label and it).
    let blanks = 0
    // "Merci de livrer jeudi 10 décembre :" over the list of goods, then the address: the goods are no part of it.
    let goods = 0
    let end = i
    for (let k = i + 1; k < lines.length && k <= i + 5 + blanks + goods; k++) {
      const l = cleanAddressPart(lines[k]!.replace(/^[>\s]+/, ""))
      if (parts.length === 0 && first === "" && GOODS_LINE.test(lines[k]!.replace(/^[>\s]+/, "")) && !STREET.test(l) && !POSTAL_LINE.test(l) && goods < 30) {
        goods++
        continue
      }
      if (l === "") {
        if (parts.length === 0 && goods > 0 && blanks === 0) {
          blanks = 1
          continue
        }
        if (parts.length === 0) {
          blanks = 1
          continue
        }
        break
      }
      // "Kingsley Supplies LLC / Attn: Receiving / 200 Summer Street": inside a block whose street or postal code
      // follows, "Attn:" is part of where the goods go.
      if (goods > 0 && (NOT_BLOCK_AFTER_GOODS.test(lines[k]!.trim()) || (parts.length === 0 && PERSON.test(l))) && !(parts.length > 0 && closesBlock(l, parts))) break
      const attention = parts.length > 0 && /^(?:attn|attention|[àa] l'attention)\b/i.test(l) && lines.slice(k + 1, k + 4).some((n) => STREET.test(n) || POSTAL_LINE.test(n))
      if ((STOP_LINE.test(l) && !attention) || /\+?\d[\d .]{8,}\d/.test(l)) break
      // "59100 Roubaix (2e étage, ascenseur)", "Manchester M17 1AE - Bay 3": a note on the way in is no part of it.
      const closes = closesBlock(l, parts)
      parts.push(POSTAL_LINE.test(l) ? (UP_TO_TOWN.exec(l)?.[1] ?? l) : l)
      end = k
      if (closes) {
        const country = cleanAddressPart(lines[k + 1] ?? "")
        // Only where the postal code does not say the country itself: "4000 Liège / Belgique", not "London W1G 8QR /
        // United Kingdom" nor "Portland, OR 97210 / United States" (a British, American or Canadian code is its country).
        if (COUNTRY_LINE.test(country) && !SELF_COUNTRY_CODE.test(l)) parts.push(country)
        break
      }
    }
    if (parts.length === 0 || !parts.some((p, n) => closesBlock(p, parts.slice(0, n)))) continue
    // "livrer au transitaire, pas au site." over the forwarder's address block: the words after "au" said which place,
    // in lower case with no figure; the block below is the address.
    if (parts.length > 1 && parts[0] === first && /^\p{Ll}/u.test(first) && !/\d/.test(first) && /[.!]\s*$/.test(after)) parts.shift()
    // Only words before "livraison": not an address.
    if (!parts.some((p) => /\d/.test(p))) continue
    const point = first === "" && /:\s*$/.test(line) ? pointBeforeColon(line, parts) : null
    if (point !== null) parts.unshift(point)
    return { value: parts.join(", "), evidence: [line, ...lines.slice(i + 1, end + 1).filter((l) => l.trim() !== "")].join(" / ").trim(), confidence: first !== "" ? 0.85 : 0.9 }
  }
  return null
}
