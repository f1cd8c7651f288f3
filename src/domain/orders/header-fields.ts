import { compactCode, foldText } from "../search/fold-text"

/**
 * The customer's order number and the delivery address, from labelled phrases ("Bon de commande n° BC-2026-114",
 * "PO#4500123", "Notre réf. : 77821", "Adresse de livraison :", "Deliver to:", "livrer au 12 rue…").
 */

const PO_LABEL =
  /(?:bon de commande|commande|cde|cmd|purchase order|order|p\.?\s?o\.?|bdc|b\.?c\.?|notre r[ée]f[ée]rence|notre r[ée]f\.?|n\/\s?r[ée]f\.?|v\/\s?r[ée]f\.?|our ref(?:erence)?\.?|order ref(?:erence)?\.?|r[ée]f(?:[ée]rence)?\.? (?:de )?(?:commande|cde)|num[ée]ro de commande|order number|order no\.?|po number|po no\.?|requisition|purchase requisition|demande d['’ ]achat|ordre d['’ ]achat|bon d['’ ]achat|commande interne|engagement juridique|r[ée]approvisionnement|replenishment|call[- ]off|(?:n[°º] de |mon |notre |votre |le )?bon(?! de livraison| de retour| pour| d['’ ]enl[eè]vement| de transport))/i
/** A cell holding only an order number's label ("N° commande", "PO number", "Bon de commande n°"). */
const LABEL_CELL = /^(?:n[°ºo]\.?\s*(?:de\s+)?)?(?:bon de commande|commande|cde|order|purchase order|po|p\.o\.|bdc)(?:\s*(?:n[°ºo]\.?|no\.?|number|num[ée]ro|#|ref(?:erence)?))?\s*:?$/i
const PO_MARKER = /^\s*(?:n[°ºo]\.?|no\.?|num(?:[ée]ro|ber)?\.?|nr\.?|#|:|number|id\b|r[ée]f(?:[ée]rence)?\.?|is|est)\s*/i
const PO_TOKEN = /^[:#\s]*([A-Z0-9][A-Z0-9\-/_.]*[A-Z0-9]|[0-9]{3,})/i

const JOB_REF = /\b(?:job|dossier|project|projet|chantier|affaire|works order|r[ée]f(?:[ée]rence)?\.?(?: [a-zéè]{3,12})?)\s*(?:no\.?|n[°º]\.?|number|num[ée]ro|ref(?:erence)?\.?|#)?\s*:?\s*([A-Z0-9][A-Z0-9\-/_.]*\d[A-Z0-9\-/_.]*)/i
const CITE_ON_PAPERWORK = /\b(?:put|quote|mention|show|write|rappeler|rappelez|indiquer|indiquez|mentionner|mentionnez|reporter|reportez|noter|notez|mettre|mettez|porter|portez|inscrire|inscrivez|print|add)\b.{0,60}\b(?:delivery (?:note|slip|docket)|packing slip|invoice|paperwork|bon de livraison|bulletin de livraison|bordereau|bl|facture)\b/i

const CITED_CODE = /\b(?:put|quote|mention|show|write|print|mettre|mettez|indiquer|indiquez|noter|notez|inscrire|inscrivez|reporter|reportez|rappeler|rappelez|faire figurer)\s+["“«'‘]?\s*([A-Z][A-Z0-9]*[-/][A-Z0-9\-/]*\d[A-Z0-9\-/]*)\s*["”»'’]?(?=\s)/

export interface PoCandidate {
  value: string
  strength: number
  evidence: string
}

export function poCandidates(text: string, exclude: ReadonlySet<string>, poPrefix: string | null): PoCandidate[] {
  const out: PoCandidate[] = []
  for (const line of text.split("\n")) {
    // "N° commande | GAEC-2026-12", "Order No;4500123": a sheet's label/value row, the label alone in its cell.
    const pair = /^\s*([^|;\t]{2,40}?)\s*[|;\t]\s*([A-Z0-9][\w\-/.]*\d[\w\-/.]*)\s*(?:[|;\t]|$)/i.exec(line)
    if (pair !== null && LABEL_CELL.test(pair[1]!) && (/[A-Z-]/i.test(pair[2]!) || /\d{4,}/.test(pair[2]!)) && !exclude.has(compactCode(pair[2]!))) out.push({ value: pair[2]!, strength: 3, evidence: line.trim() })
    const re = new RegExp(PO_LABEL.source, "gi")
    let m: RegExpExecArray | null
    while ((m = re.exec(line)) !== null) {
      // "commande" inside another word ("recommandé") or a label split from its number by words is not one.
      if (m.index > 0 && /[\p{L}/]/u.test(line[m.index - 1]!)) continue
      let rest = line.slice(m.index + m[0].length)
      // "POST-76" is a product's code, not "PO" then "ST-76": a label runs into no letter after it either.
      if (/[\p{L}]$/u.test(m[0]) && /^[\p{L}]/u.test(rest)) continue
      let marked = false
      let markers = ""
      for (let k = 0; k < 3; k++) {
        const mk = PO_MARKER.exec(rest)
        if (!mk || mk[0].length === 0) break
        marked = true
        markers += mk[0]
        rest = rest.slice(mk[0].length)
      }
      // "Bon de commande interne : CVT-0505": one word qualifying the label before its colon.
      // "Bon de commande interne n° 26-114": with "n°" after the qualifier, the number needs no letters.
      let qualified = false
      let numbered = false
      // "bon de commande de l'association n° BC 2026-0457": up to three words before "n°", the buying system's name in
      // capitals among them ("bon de commande SAP n° 4500…").
      // "numéro de commande Magh2 : 26-004512", "engagement juridique Chorus n° 1300…": a system's name (capitals, or a
      // word with a figure in it) before a colon, or a capitalised name before "n°", stands between label and number.
      const q = !marked ? (/^\s*[\p{Ll}]{3,16}\s*(?::|(n[°º]\.?|no\.|#))\s*/u.exec(rest) ?? /^\s*(?:(?:[\p{Ll}]{1,16}['’]|[\p{Ll}]{2,16}\s+|\p{Lu}[\p{L}\d]{1,9}\s+)){1,3}?(n[°º]\.?)\s*/u.exec(rest) ?? /^\s*(?:\p{Lu}[\p{L}]{1,8}\d{1,2}|\p{Lu}{2,10})\s*(:)\s*(?=\d)/u.exec(rest)) : null
      if (q) {
        qualified = true
        numbered = q[1] !== undefined
        rest = rest.slice(q[0].length)
      }
      // "Our PO for this is HE-41266", "our order reference for this call-off is WL-CO-0917", "notre n° de commande
      // pour cette livraison est …": what the label is for, then "is", then the number.
      // "Do you have a PO number for this one? : RDP-1218": our question answered on its line.
      // "Notre commande interne porte le numéro LC-CH-2026-31", "our order has the number …": the label, then a verb saying so.
      const linked = !qualified ? /^\s*(?:(?:[\p{Ll}]{3,16}\s+)?(?:porte|portera|has|carries|bears|a|is under|est sous|sera sous)\s+(?:le |the |un |a )?(?:num[ée]ro|number|n[°º]|reference|r[ée]f[ée]rence)\s*:?\s*|(?:for|of|pour|de) (?:this|the|that|these|cette|ce|cet|la|le)(?:\s+[\p{L}-]+){0,2}\s+(?:is|est|will be|sera)\s*:?\s*|(?:(?:for|of|pour|de) (?:this|the|that|these|cette|ce|cet|la|le)(?:\s+[\p{L}-]+){0,2})?\s*\?\s*:\s*)/u.exec(rest) : null
      if (linked) {
        marked = true
        rest = rest.slice(linked[0].length)
      }
      let tm = PO_TOKEN.exec(rest)
      if (qualified && tm && !(/[A-Z]/i.test(tm[1]!) && /\d/.test(tm[1]!)) && !(numbered && /^\d+[-/]\d+$|^\d{3,}$/.test(tm[1]!)) && !(numbered && /^[A-Z]{1,4}$/.test(tm[1]!) && /^\s\d/.test(rest.slice(tm[0].length)))) continue
      if (qualified) marked = true
      if (!marked) {
        // "commande mensuelle EV-26-022": a word or two between the label and a number shaped like one.
        const skip = /^\s*((?:[\p{Ll}]+\s+){1,2})([A-Z0-9][A-Z0-9\-/_.]*[A-Z0-9])/u.exec(rest)
        if (skip && /[A-Z]/i.test(skip[2]!) && /\d/.test(skip[2]!) && /[-/]/.test(skip[2]!) && (!tm || !/\d/.test(tm[1]!))) tm = [skip[0], skip[2]!] as unknown as RegExpExecArray
      }
      if (!tm) continue
      // "Bon de commande n° BC 26/27-041": the number's own letters, then a space, then its figures.
      const spaced = marked && /^[A-Z]{1,4}$/.test(tm[1]!) ? /^\s([0-9][0-9\-/_.]*[0-9])\b/.exec(rest.slice(tm[0].length)) : null
      if (spaced) tm = [tm[0] + spaced[0], `${tm[1]} ${spaced[1]}`] as unknown as RegExpExecArray
      // Dictated: speech-to-text writes the groups a number was read in apart ("PO number is 4500 12387.", "numéro 2026
      // - 0417."): figures after a label, then figures alone up to the sentence's end, are one number.
      const dictated = marked && /^\d{2,}$/.test(tm[1]!) ? /^(?:\s+(-)\s+|\s+)(\d{3,})(?=\s*(?:[.;,]|$))/.exec(rest.slice(tm[0].length)) : null
      if (dictated) tm = [tm[0] + dictated[0], `${tm[1]}${dictated[1] ?? ""}${dictated[2]}`] as unknown as RegExpExecArray
      const value = tm[1]!.replace(/[.]$/, "")
      if (!/\d/.test(value)) continue
      const after = rest.slice(tm[0].length)
      if (/^\s*(?:x\b|cartons?|boxes|boites?|bo[iî]tes?|units?|pcs|pi[eè]ces?|ramettes?|rouleaux|flacons?|kg)/i.test(after)) continue
      // A day ("12/11", "03.12.26"), not "26/27-041": one of its first two numbers is a month.
      const dated = /^(\d{1,2})[/.-](\d{1,2})([/.-]\d{2,4})?$/.exec(value)
      if (dated && (Number(dated[1]) <= 12 || Number(dated[2]) <= 12)) continue
      const shaped = /[A-Z]/i.test(value) || value.includes("-") || /\d{4,}/.test(value)
      if (!marked && !shaped) continue
      if (exclude.has(compactCode(value))) continue
      const label = m[0].toLowerCase()
      // "Order Number: RCHT-PO-3310478 … Requisition: REQ-7716024": "order" and its "Number" marker are as strong a
      // label as "order number" (the requisition beside it is the buyer's internal request, not the order).
      const strong = /engagement|bon de commande|purchase order|p\.?\s?o|bdc|order (?:no|number|ref)|num[ée]ro de commande|notre r[ée]f|our ref|n\/|r[ée]f|achat|requisition|bon/.test(label) || (/^(?:order|commande)$/.test(label) && /\b(?:number|no|num[ée]ro|n[°º])/i.test(markers))
      // "Second, a new order, PO HE-41288" beside "(our PO HE-41207)" of last week's delivery: the new one.
      const fresh = /\b(?:new|nouvelle|nouveau|this|cette|ce)\b[^.;:()]{0,20}$/i.test(line.slice(Math.max(0, m.index - 30), m.index))
      out.push({ value, strength: (strong ? 2 : 1) + (marked ? 1 : 0) + (fresh ? 1 : 0), evidence: line.trim() })
    }
    // "po": "TF-77402" in a JSON payload forwarded by IT, PO_NUMBER=… in a system's log: the field that holds it.
    for (const jm of line.matchAll(/["']?\b(?:po|po_?(?:no|num|number)|order_?(?:no|num|number|ref)|purchase_?order(?:_?(?:no|number))?)\b["']?\s*[:=]\s*["']([A-Z0-9][\w\-/.]*\d[\w\-/.]*)["']/gi)) {
      if (!exclude.has(compactCode(jm[1]!))) out.push({ value: jm[1]!, strength: 3, evidence: line.trim() })
    }
    // "PO-7781", "BC2026-031", "CMD_88": an order number that carries its label as its prefix.
    // "SSG-PO-30551": the label may come after the buyer's own letters.
    for (const pm of line.matchAll(/(?<![\w\-/])((?:[A-Z]{2,6}[-_])?(?:PO|BC|BDC|CMD|CDE|DA|PR|REQ)[-_/]?\d[\w\-/]*\d|(?:PO|BC|BDC|CMD|CDE)[-_/]?\d)(?![\w-])/g)) {
      if (!exclude.has(compactCode(pm[1]!)) && !out.some((c) => c.value === pm[1] || pm[1]!.endsWith(c.value))) out.push({ value: pm[1]!, strength: 2, evidence: line.trim() })
    }
    // "Could you send, under HE-41877:", "à livrer sous la référence LC-2207": goods asked for under a code of letters and
    // figures are filed under it (never "under 100 kg", "sous 48 h": figures alone).
    for (const um of line.matchAll(/\b(?:under|sous)\s+(?:(?:our|the|notre|la|le)\s+)?(?:(?:po|order|ref(?:erence)?|r[ée]f[ée]rence|num[ée]ro|n[°º]|bc)\.?\s*(?:no\.?|n[°º])?\s*)?([A-Z]{1,6}[-/]\d[\w\-/]*\d|[A-Z]{1,6}[-/]?\d{3,})(?![\w-])/g)) {
      if (/\b(?:send|ship|deliver|supply|envoy|livr|exp[ée]di|order|commande)/i.test(line) && !exclude.has(compactCode(um[1]!)) && !out.some((c) => c.value === um[1])) out.push({ value: um[1]!, strength: 2, evidence: line.trim() })
    }
    // "Can you add 6 rolls of tape to PP-2026-104?", "ajoutez 2 rallonges à la BC-0587": goods added to an order by its
    // code (letters and figures) are filed under it.
    for (const am of line.matchAll(/\b(?:add|adding|ajout\w*|rajout\w*)\b[^.?!\n]{0,80}?\s(?:to|onto|[àa]|sur)\s+(?:(?:our|the|your|notre|la|le|votre)\s+)?(?:(?:po|order|commande|bc|bon de commande)\.?\s*(?:no\.?|n[°º])?\s*)?([A-Z]{1,6}[-/]\d[\w\-/]*\d|[A-Z]{1,6}[-/]?\d{3,})(?![\w-])/g)) {
      if (!exclude.has(compactCode(am[1]!)) && !out.some((c) => c.value === am[1])) out.push({ value: am[1]!, strength: 2, evidence: line.trim() })
    }
    // "Job no. J-7734 - please put that on the delivery note", "rappeler la référence dossier AUB-2026-118 sur le bon
    // de livraison": the reference the customer wants on our paperwork is what they file the order under.
    const job = JOB_REF.exec(line)
    if (job && CITE_ON_PAPERWORK.test(line) && !exclude.has(compactCode(job[1]!))) out.push({ value: job[1]!.replace(/[.]$/, ""), strength: 1, evidence: line.trim() })
    // 'Our treasurer asks that you put "RP-PANTO-26" on the invoice', « merci de mettre CF-12/26 sur la facture »: the
    // code itself after the verb, quoted or not, with no label.
    const cited = CITED_CODE.exec(line)
    if (cited && CITE_ON_PAPERWORK.test(line) && !exclude.has(compactCode(cited[1]!)) && !out.some((c) => c.value === cited[1])) out.push({ value: cited[1]!, strength: 2, evidence: line.trim() })
    if (poPrefix !== null && poPrefix !== "") {
      const pm = new RegExp(`\\b(${poPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[A-Z0-9\\-/_]*\\d[A-Z0-9\\-/_]*)`, "i").exec(line)
      if (pm && !exclude.has(compactCode(pm[1]!))) out.push({ value: pm[1]!, strength: 2, evidence: line.trim() })
    }
  }
  return out
}

const ADDRESS_LABEL =
  /(?:^\s*(?:address|adresse)\s*:|^\s*(?:site|job site|job|project|store|shop|depot|warehouse|branch|works) address\s*:|adresse (?!de facturation|factur|mail|e-?mail|ip|web|du site web)(?:du |de la |de l'|d')?(?:chantier|magasin|site|boutique|labo\w*|atelier|entrep[oô]t|bureau|d[ée]p[oô]t|[ée]cole|cantine|cuisine)\s*:|delivery (?:destination|location|site)|adresse de livraison|adresse livraison|lieu de livraison|livraison (?:aux|au|[àa]|sur)(?![a-zà-ÿ]| plus (?:tard|t[ôo]t|vite)| mieux| moins| cours| d[ée]but| milieu| fin| partir)(?: l'adresse)?|[àa] livrer (?:aux|au|[àa]|sur)(?![a-zà-ÿ])|livrer (?:aux|au|[àa]|sur)(?![a-zà-ÿ])|merci de livrer (?:aux|au|[àa])(?![a-zà-ÿ])|delivery address|deliver(?:y)? to|courier (?:it |them |these )?to|please deliver to|ship[- ]to|shipping address|delivery point|site de livraison|point de livraison|^\s*lieu(?: de (?:r[ée]ception|l'[ée]v[ée]nement|la r[ée]ception|la manifestation))?\s*:|(?:^|[.!?]\s+)(?:adresse|address)(?: is)?\s*:\s*$|[.!?]\s+(?:adresse|address)\s*:(?=\s*\S)|\b(?:the|our) (?:delivery )?address is|\bl'adresse (?:de livraison )?est)\s*(?:l'adresse\s*)?(?:suivante\s*)?:?/i
/**
 * A postal code: French (5 digits), British, American ("WA 98121"), Canadian ("H3G 1P1"), Irish ("R51 X2Y7", its
 * last four with a letter), and the four digits of a
 * Belgian, Swiss or Luxembourg town ("4000 Liège", "1204 Genève"; never a year).
 */
const POSTAL_LINE = /\b(?:\d{5}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]{2} \d{5}|[A-Z]\d[A-Z] ?\d[A-Z]\d|(?:[AC-FHKNPRTV-Y]\d{2}|D6W) (?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])[0-9AC-FHKNPRTV-Y]{4}|(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT) \d{4})\b|(?<![\d.,/-])(?!(?:19|20)\d\d\b)[1-9]\d{3} (?=[A-ZÀ-Ý][a-zà-ÿ])(?!(?:[A-Z][\w'-]* ){1,3}(?:Avenue|Ave|Street|St|Road|Rd|Lane|Ln|Way|Drive|Dr|Boulevard|Blvd|Place|Pl|Court|Ct|Park|Square|Terrace|Parkway|Highway|Hwy)\b)/
/** A country written under the town ("Belgique", "Switzerland") or after it ("…, NS B0W 1P0, Canada"): part of a foreign address. */
export const COUNTRY = "(?:belgique|belgium|suisse|switzerland|schweiz|luxembourg|canada|france|germany|allemagne|deutschland|italie|italy|espagne|spain|pays-bas|netherlands|ireland|irlande|united kingdom|royaume-uni|usa|united states|south africa|afrique du sud|new zealand|nouvelle-z[ée]lande|australia|australie|india|inde)"
const COUNTRY_LINE = new RegExp(`^${COUNTRY}$`, "i")
/** A postal code that names its country by its shape: British, American (state and ZIP), Canadian, Irish (Eircode). */
const SELF_COUNTRY_CODE = /\b(?:[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}|[A-Z]{2} \d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4})\b/
const STREET = /\b(?:\d{1,4}[a-z]?,?\s+(?:[a-z][\w'’-]+\s+){1,3}(?:road|rd|street|lane|ln|avenue|ave|way|drive|close|court|row|terrace|crescent|gardens|parade|boulevard|blvd)\b|(?:rue|avenue|chauss[ée]e|boulevard|place|quai|chemin|route|strasse|straße|weg|via|calle) [^\d,\n]{2,40} \d{1,4}\b|\d{1,4}(?:\s?(?:bis|ter|b))?,?\s+(?:rue|avenue|av\.?|bd|boulevard|all[ée]e|chemin|impasse|place|quai|route|zone|za|zi|cours|square|lotissement|parc|road|street|st\.?|lane|avenue|way|drive|park|court|close|industrial)|zone (?:industrielle|artisanale|d'activit[ée]s?)|za |zi |unit \d|parc d'activit)/i
/**
 * A street named without a number, between commas, before the postal code: "…, rue des Maraîchers, 44300 Nantes",
 * "…, lieu-dit Lamothe, 32190 Vic-Fezensac", "…, Ropewalk Lane, Nottingham NG1 5DT" (a building site, a hamlet).
 */
const STREET_BARE = /(?:^|,\s*)(?:rue|avenue|chemin|route|impasse|all[ée]e|quai|boulevard|lieu[- ]dit|hameau)\s+[^,\d:]{2,40},|(?:^|,\s*)(?:\p{Lu}[\p{L}'’-]+\s){1,3}(?:Lane|Road|Street|Way|Drive|Close|Avenue|Pier|Quay|Wharf)\s*,/u
const streetOf = (text: string): boolean => STREET.test(text) || (STREET_BARE.test(text) && POSTAL_LINE.test(text))
/** A numberless street in the very sentence that delivers ("… qu'il faut livrer mais aux gîtes : Gîtes du Moulin, lieu-dit …"). */
const streetBareDelivered = (line: string): boolean => line.split(/(?<=[.?!])\s+/).some((sentence) => /\b(?:livr|deliver|ship)/i.test(sentence) && STREET_BARE.test(sentence) && POSTAL_LINE.test(sentence))
const BILLING = /\b(?:factur\w*|invoice|invoicing|billing|bill to|si[èe]ge|registered|head office)\b/i
/** A place said not to be the one: "(et non au siège de Besançon)", "rather than the head office", "pas à l'usine". */
const NOT_THERE = /\((?:et |mais )?(?:non|pas|not|rather than|instead of)\b[^)]*\)|\b(?:et non|mais pas|rather than|instead of|not)\s+(?:au|aux|[àa]|to|at|the)\b[^,:;.()]*|\bnot\s+(?:our\s+)?(?:head|main|registered)\s+office\b[^,:;.()]*/gi
const STOP_LINE = /^(?:date|d[ée]lai|t[ée]l|tel|phone|fax|mobile|contact|merci|thanks|cordialement|regards|r[ée]f|po|commande|order|qt[ée]|horaires|opening|hours|attn|[àa] l'attention)/i

/**
 * An address up to its postal code and town ("31140 Saint-Alban", "Manchester M17 1AE"): a note after a dash or in
 * brackets ("- quai 4", "(2e étage, ascenseur)", "- entrée par le portail") says how to get in, not where. A "cedex"
 * keeps its office's number ("34095 Montpellier cedex 5"); the words after a code are no town when they say when
 * ("… M41 7BQ by Thursday", "… 69007 Lyon" but never "69007 avant jeudi"); a town's further words are capitalised or
 * joined by "sur", "en", "de"… ("69006 Lyon c mon chef M." ends at Lyon: a hard-wrapped line joined after it). A
 * Belgian or Swiss four-figure code is followed by its town ("4020 Liège"); an Eircode ("D22 X8Y4") and an Australian
 * state and code ("Sydney NSW 2000") end the address.
 */
const TOWN = String.raw`(?!(?:by|before|on|for|from|until|till|avant|pour|d[èe]s|le|au|et|and|please|pls|svp|merci|thanks)\b)[\p{L}'’]+(?:-[\p{L}'’]+)*(?:\s(?:(?:sur|sous|en|de|du|des|la|le|les|lès|lez|aux|d['’]|l['’])\s?)?\p{Lu}[\p{L}'’]*(?:-[\p{L}'’]+)*|\s(?:cedex|CEDEX|Cedex)(?:\s\d{1,2}\b)?)*`
const UP_TO_TOWN = new RegExp(
  String.raw`^((?:.*?\b(?:\d{5}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b(?:[\s,]*${TOWN})?|.*?\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b|.*?\p{Lu}[\p{L}'’-]+ (?!(?:19|20)\d\d\b)[1-9]\d{3}(?=\s*(?:$|[,.(]))|.*?(?<![\d.,/-])(?!(?:19|20)\d\d\b)[1-9]\d{3} (?=\p{Lu})${TOWN}|.*?\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) [0-9AC-FHKNPRTV-Y]{4}\b|.*?\b(?:NSW|VIC|QLD|SA|WA|TAS|ACT|NT) \d{4}\b))`,
  "u"
)

function cleanAddressPart(s: string): string {
  return s.replace(/^[\s:,-]+|[\s.,;]+$/g, "").replace(/\s+/g, " ")
}

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

/** The delivery address the mail asks for, as its lines joined by ", ". */
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

/** The lines under line i, with no blank first, reach a postal code within four lines: an address block. */
function blockBelow(lines: readonly string[], i: number): boolean {
  if ((lines[i + 1] ?? "").trim() === "") return false
  for (let k = i + 1; k < lines.length && k <= i + 4; k++) {
    const l = lines[k]!.trim()
    // A label or a delivery sentence ("Deliver to:", "Livraison le … à : …", read by their own rules) or a sign-off
    // ("Obrigada,", "Thanks") starts something else.
    if (l === "" || /\+?\d[\d .]{8,}\d/.test(l) || /[:,]$/.test(l) || l.includes(":") || /\b(?:livr|deliver|ship|adresse|address)/i.test(l) || STOP_LINE.test(l) || /^(?:obrigad|gracias|grazie|danke|thank|best|kind|warm|bien [àa] vous|bonne|salutations|sinc[eè]re)/i.test(l)) return false
    if (POSTAL_LINE.test(l)) return STREET.test(lines.slice(i + 1, k + 1).join(" ")) || k > i + 1
  }
  return false
}

/**
 * "Dès que possible, à la Maison de quartier des Trois-Cités, 5 place de France, 86000 Poitiers.": a place named
 * after "à la" / "au" / "to the", its street and town after it, in a sentence with no label. Tried after every label.
 */
function placeInSentence(lines: readonly string[]): { value: string; evidence: string; confidence: number } | null {
  for (const line of lines) {
    if (BILLING.test(line) || !STREET.test(line) || !POSTAL_LINE.test(line)) continue
    // A line that opens on "à la …" (the list's "merci de livrer :" above it) names the place in lower case too:
    // "à la sous-préfecture de Thonon, 1 place …".
    const m = /(?<![\p{L}])(?:[àa] la|[àa] l['’]|au|aux|to the|at the)\s+(\p{Lu}[^,\d()]{2,60}),\s*(?=\d{1,4}[a-z]?,?\s)/u.exec(line) ?? /^\s*(?:[àa] la|[àa] l['’]|au|aux|to the|at the)\s+(\p{Ll}[^,\d()]{2,60}),\s*(?=\d{1,4}[a-z]?,?\s)/u.exec(line)
    if (m === null) continue
    const whole = UP_TO_TOWN.exec(cleanAddressPart(line.slice(m.index + m[0].indexOf(m[1]!))))
    if (whole !== null && STREET.test(whole[1]!)) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.7 }
  }
  return null
}

/**
 * "arch 14, Druid Street, London SE1 2HQ. ring the kitchen bell, if no answer call me": a line that opens on an address
 * alone and goes on with how to get in (a bell, a gate code, a floor, whom to call) is where the goods go.
 */
function addressThenWayIn(lines: readonly string[], sender: string): { value: string; evidence: string; confidence: number } | null {
  for (const line of lines) {
    const m = /^\s*([^.;!?]{8,90}?)(?:[.;]|\s[-–])\s+(.+)$/.exec(line)
    // (the invoice named in a later sentence of the line is not this address's: "… - gate 2. Invoice Kerr & Dalton as before")
    if (m === null || BILLING.test(m[1]!) || BILLING.test(m[2]!.split(/[.;!?]/)[0]!) || !streetOf(m[1]!) || !POSTAL_LINE.test(m[1]!)) continue
    if (!/\b(?:ring|bell|buzz\w*|gate|code|door|floor|call me|phone me|sonne[rz]?|sonnette|digicode|interphone|porte|portail|[ée]tage|appelez[- ]moi|appelle[rz]?)\b/i.test(m[2]!)) continue
    const whole = UP_TO_TOWN.exec(cleanAddressPart(m[1]!))
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
function addressAfterAsking(lines: readonly string[]): { value: string; evidence: string; confidence: number } | null {
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
 * Where an address begins when a delivering sentence runs into it: "Livraison …, à la plateforme logistique, quai 3, 12 rue
 * …", "a livrer Clinique du Parc, entrée fournisseurs, 155 boulevard …": the place named after the last "à la" / "au" /
 * "to the" / "livrer" before the street, in parts ending with a comma or in a number ("au chalet n° 14, place …"), is the
 * address's first line. Otherwise the street.
 */
function placeBefore(line: string, streetAt: number): number {
  const before = line.slice(0, streetAt)
  const from = Math.max(before.search(/[^.;!?]*$/), 0)
  let at = -1
  for (const p of before.slice(from).matchAll(/(?<![\p{L}'’])(?:[àa] la|[àa] l['’]|au|aux|chez|to the|at the|livrer|deliver(?:ed)? to)\s+/giu)) at = from + p.index + p[0].length
  const place = at < 0 ? "" : before.slice(at)
  // "… au chalet n° 14, place Pasteur, …": a number after "n°" is the place's, not the street's.
  return at >= 0 && /(?:,|\bn[°º]\.?)\s*$/u.test(place) && place.length <= 80 && /^\p{L}/u.test(place) && !/\b(?:le|the|on|by|avant|before|lundi|mardi|mercredi|jeudi|vendredi|samedi|monday|tuesday|wednesday|thursday|friday|saturday)\b\s*\d/i.test(place) && !BILLING.test(place) ? at : streetAt
}

/**
 * "Need for the depot at Thurso:" … then, alone on its line, "Harbour Depot, Quay Street, Thurso KW14 7AA": a line that is
 * an address and nothing else, its first part naming the place the goods were said to be for ("for the depot"), is
 * where they go. Tried last.
 */
function placeNamedAbove(lines: readonly string[]): { value: string; evidence: string; confidence: number } | null {
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

export function findDeliveryAddress(text: string, sender = ""): { value: string; evidence: string; confidence: number } | null {
  const lines = text.split("\n")
  const found = findLabelledAddress(text) ?? placeInSentence(lines) ?? addressThenWayIn(lines, sender) ?? addressAfterAsking(lines) ?? placeNamedAbove(lines)
  return found === null ? null : { ...found, value: withoutHeading(found.value) }
}

/**
 * A short heading before a colon ("À l'annexe : Clinique …", "NEW DEPOT: …", an answer's own words) is no part of the
 * address when a street or postal code follows ("Kingsley Supplies LLC, Attn: Receiving, …" keeps its attention line).
 */
function withoutHeading(value: string): string {
  const headed = /^[^:,\d]{1,40}:\s*(\S.*)$/.exec(value)
  return headed !== null && !/^(?:attn|attention|[àa] l'attention)\b/i.test(value) && (STREET.test(headed[1]!) || POSTAL_LINE.test(headed[1]!)) ? headed[1]! : value
}

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
      // "Site | Poste de garde, 850 avenue de Berre, 13340 Rognac |": a sheet's label/value row naming the place.
      const row = /^\s*(site|lieu|lieu de livraison|site de livraison|delivery site|delivery location|location)\s*:?\s*\|\s*([^|]+?)\s*(?:\||$)/i.exec(line)
      if (row !== null && POSTAL_LINE.test(row[2]!) && STREET.test(row[2]!) && !BILLING.test(row[2]!)) return { value: cleanAddressPart(UP_TO_TOWN.exec(row[2]!)?.[1] ?? row[2]!), evidence: line.trim(), confidence: 0.85 }
    }
    let m = ADDRESS_LABEL.exec(line)
    // "Livraison le 19/05/2026 à : Imprimerie Rousseau, 14 rue …": a delivery phrase ending in "à :" / "to:".
    if (!m) m = /\b(?:livraison|livrer|delivery|deliver)\b[^:\n]{0,40}?\s(?:[àa]|to|at)\s*:/i.exec(line)
    // A line ending with ":" that says where the goods go ("This one goes to our new cross dock:", "Drop it at the
    // boatyard:", "à l'entrepôt :"), never where the invoice goes.
    // "Friday 27th please, to:" above an address block: a line ending in "to:" or "à :" says where, not who.
    // "à l'adresse du centre (et non au siège de Besançon) :": the place said not to deliver to is no billing word.
    const unnegated = line.replace(NOT_THERE, " ")
    const destination = /\b(?:livr|deliver|ship)/i.test(line) || (/[\s,](?:(?:to|[àa]|au|aux)(?: (?:the|our|my|la|le|l'|notre|mon|ma|nos|les))?(?: [\p{L}'’-]+){0,3}|to|[àa])\s*:\s*$/iu.test(line) && !/\b(?:reply|replies|r[ée]pondre|invoice|bill|factur|sent|envoy[ée]|addressed|adress[ée]|copie)\w*\b/i.test(line)) || (/\b(?:goes? (?:direct(?:ly)? )?to|go (?:direct(?:ly)? )?to|direct(?:ly)? to|drop|send (?:it|them|the lot|everything|it all|all of it)|bring|entrep[oô]t|warehouse|d[ée]p[oô]t|chantier|site|pour le compte d|on behalf of|directement (?:chez|[àa])|l['’]adresse (?:du|de|des|d['’])|to the address of)/i.test(unnegated) && !BILLING.test(unnegated))
    // (unless the line holds the address itself in brackets: "… à notre plateau (Quai des Vennes 18, 4020 Liège) :")
    if (!m && destination && /:\s*$/.test(line) && !/\([^()]*\)/.test(line.replace(/\([^()]*\)/g, (b) => (POSTAL_LINE.test(b) && STREET.test(b) ? b : "")))) m = /[^\n]*:\s*$/.exec(line)
    // "… pouvez-vous livrer le mercredi 9 décembre à la salle ?" right above a block of address lines: the block is
    // where (the next line starts it, with no blank between).
    if (!m && /\b(?:livr|deliver|ship)/i.test(line) && !BILLING.test(line) && /[?.]\s*$/.test(line) && blockBelow(lines, i)) m = /\s*$/.exec(line)
    // "Delivery: Tuesday 15 December, to" above the block: a delivery line left open on "to" / "à".
    if (!m && /\b(?:livr|deliver|ship)/i.test(line) && !BILLING.test(line) && /[\s,](?:to|[àa])\s*$/i.test(line) && blockBelow(lines, i)) m = /\s*$/.exec(line)
    // "Livraison : Centre technique municipal, 14 chemin du Stade, 30310 Vergèze": a whole address after the label.
    if (!m) {
      const labelled = /\b(?:livraison|delivery|lieu de livraison)\s*:\s*/i.exec(line)
      const rest = labelled === null ? "" : line.slice(labelled.index + labelled[0].length)
      if (labelled !== null && streetOf(rest) && POSTAL_LINE.test(rest) && !BILLING.test(rest)) m = labelled
    }
    // "Livraison le mardi 15, à la distillerie (La Croix Verte, 72000 Le Mans)": a place's name, then in brackets a
    // place-name address with no street (a lieu-dit, a hamlet) up to its postal code and town.
    if (!m && /\b(?:livr|deliver|ship)/i.test(line) && !BILLING.test(line)) {
      const held = /(?<![\p{L}])(?:[àa]|au|aux|to|at)\s+(?:la |le |l['’]|les |notre |nos |our |the )?[\p{L}'’ -]{2,40}?\s*\(([^()]+)\)/u.exec(line)
      const whole = held !== null && POSTAL_LINE.test(held[1]!) && !/\d{2}[ .]\d{2}[ .]\d{2}/.test(held[1]!) ? UP_TO_TOWN.exec(cleanAddressPart(held[1]!)) : null
      if (whole !== null && /\p{L}{3,}/u.test(whole[1]!.split(/\d/)[0] ?? "")) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.75 }
    }
    // "Livraison jusqu'au 10.12 au laboratoire (2 rue …, 25000 Besançon)", "…, à notre laboratoire, 14 rue Bonaparte,
    // 06300 Nice.", "to the canteen entrance: Building B, 22 Harbour Road, Bristol BS1 4DJ": a delivery sentence that
    // holds a whole address, in brackets, after a colon or from its street on.
    if (!m && (/\b(?:livr|deliver|ship)/i.test(line) || /\b(?:to|[àa]) (?:the|our|notre|la|le|l')\b[^:\n]{0,30}:/i.test(line)) && (STREET.test(line) || streetBareDelivered(line)) && POSTAL_LINE.test(line) && !BILLING.test(line)) {
      const inBracket = /\(([^)]+)\)/.exec(line)
      const afterColon = /:\s*([^:]+)$/.exec(line)
      const street = STREET.exec(line) ?? STREET_BARE.exec(line)!
      const from = inBracket !== null && STREET.test(inBracket[1]!) && POSTAL_LINE.test(inBracket[1]!) ? inBracket[1]! : afterColon !== null && streetOf(afterColon[1]!) ? afterColon[1]! : line.slice(placeBefore(line, street.index))
      const whole = UP_TO_TOWN.exec(cleanAddressPart(from))
      if (whole !== null) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.75 }
    }
    if (!m) continue
    const after = line.slice(m.index + m[0].length)
    // "Ship To: Same as Bill To", "Livraison : idem facturation": the billing block is where the goods go.
    const said = after.trim() !== "" ? after : (lines.slice(i + 1, i + 3).find((l) => l.trim() !== "") ?? "")
    if (SAME_AS_BILLING.test(said.trim())) {
      const billed = billingBlock(lines)
      if (billed !== null) return { value: billed, evidence: [line, said].join(" / ").trim(), confidence: 0.8 }
    }
    const parts: string[] = []
    // "Please deliver to our second site:": a name for what the next lines say.
    let first = /:\s*$/.test(after) && !STREET.test(after) && !POSTAL_LINE.test(after) ? "" : cleanAddressPart(after.replace(/\s*[|]\s*/g, ", "))
    // "livrer à notre labo : 8 rue …", "au labo (8 rue …, 69003 Lyon)": the address is what the colon or the
    // brackets hold, not the name of the place before them.
    const colon = /^[^:\d]{1,40}:\s*(.+)$/.exec(first)
    if (colon && (STREET.test(colon[1]!) || POSTAL_LINE.test(colon[1]!) || UP_TO_TOWN.test(colon[1]!))) first = cleanAddressPart(colon[1]!)
    // "Livraison au laboratoire, 3 rue Grenette 69002 Lyon": a place named in lower case before the street is where in it.
    const place = /^\p{Ll}[^,\d]{1,30},\s*(.+)$/u.exec(first)
    if (place && STREET.test(place[1]!) && POSTAL_LINE.test(place[1]!)) first = cleanAddressPart(place[1]!)
    // "Delivery: Tuesday 10 November 2026 to X, North Pier, …": the day is when, what follows "to" / "à" where.
    const when = /^(?:\p{L}+\s+)?\d{1,2}(?:st|nd|rd|th|er)?\s+\p{L}+(?:\s+\d{4})?\s+(?:to|[àa]|au)\s+(.+)$/u.exec(first)
    if (when && streetOf(when[1]!)) first = cleanAddressPart(when[1]!)
    const bracket = /^[^(\d]{1,40}\(([^)]+)\)/.exec(first)
    if (bracket && STREET.test(bracket[1]!) && POSTAL_LINE.test(bracket[1]!)) first = cleanAddressPart(bracket[1]!)
    if (/^(?:habituelle|usual|comme d'habitude|as usual|notre adresse habituelle)/i.test(foldText(first))) return null
    if (first !== "") {
      // "livraison au 12 rue des Forges, 69007 Lyon, jeudi" stops after the city.
      const inline = UP_TO_TOWN.exec(first)
      parts.push(cleanAddressPart(inline ? inline[1]! : first))
      if (inline || POSTAL_LINE.test(first)) {
        if (!STREET.test(parts.join(" ")) && !/\d/.test(parts[0]!)) continue
        return { value: parts.join(", "), evidence: line.trim(), confidence: 0.9 }
      }
    }
    // Five lines of address at most, counted from its first (a blank line may come between the label and it).
    let blanks = 0
    for (let k = i + 1; k < lines.length && k <= i + 5 + blanks; k++) {
      const l = cleanAddressPart(lines[k]!.replace(/^[>\s]+/, ""))
      if (l === "") {
        if (parts.length === 0) {
          blanks = 1
          continue
        }
        break
      }
      // "Kingsley Supplies LLC / Attn: Receiving / 200 Summer Street": inside a block whose street or postal code
      // follows, "Attn:" is part of where the goods go.
      const attention = parts.length > 0 && /^(?:attn|attention|[àa] l'attention)\b/i.test(l) && lines.slice(k + 1, k + 4).some((n) => STREET.test(n) || POSTAL_LINE.test(n))
      if ((STOP_LINE.test(l) && !attention) || /\+?\d[\d .]{8,}\d/.test(l)) break
      // "59100 Roubaix (2e étage, ascenseur)", "Manchester M17 1AE - Bay 3": a note on the way in is no part of it.
      parts.push(POSTAL_LINE.test(l) ? (UP_TO_TOWN.exec(l)?.[1] ?? l) : l)
      if (POSTAL_LINE.test(l)) {
        const country = cleanAddressPart(lines[k + 1] ?? "")
        // Only where the postal code does not say the country itself: "4000 Liège / Belgique", not "London W1G 8QR /
        // United Kingdom" nor "Portland, OR 97210 / United States" (a British, American or Canadian code is its country).
        if (COUNTRY_LINE.test(country) && !SELF_COUNTRY_CODE.test(l)) parts.push(country)
        break
      }
    }
    if (parts.length === 0 || !parts.some((p) => POSTAL_LINE.test(p))) continue
    // Only words before "livraison": not an address.
    if (!parts.some((p) => /\d/.test(p))) continue
    return { value: parts.join(", "), evidence: [line, ...lines.slice(i + 1, i + 1 + parts.length)].join(" / ").trim(), confidence: first !== "" ? 0.85 : 0.9 }
  }
  return null
}
