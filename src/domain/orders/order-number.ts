import { compactCode } from "../search/fold-text"

/**
 * The customer's order number, from labelled phrases ("Bon de commande n° BC-2026-114", "PO#4500123", "Notre réf. :
 * 77821", a purchase request's "N° DA : 2026-1187", "Demande d'approvisionnement n° GLOG-4471", "réquisition n° …", East
 * Africa's local purchase order "LPO No. 00731"), codes that carry their
 * label ("PO-7781") and codes the customer asks us to quote on our paperwork.
 * (Split out of header-fields.ts with no change of behaviour: the address rules needed the room.)
 */

const PO_LABEL =
  /(?:bon de commande|commande|cde|cmd|purchase order|order|l\.?p\.?o\.?|p\.?\s?o\.?|bdc|b\.?c\.?|notre r[ée]f[ée]rence|notre r[ée]f\.?|n\/\s?r[ée]f\.?|v\/\s?r[ée]f\.?|our ref(?:erence)?\.?|order ref(?:erence)?\.?|r[ée]f(?:[ée]rence)?\.? (?:de )?(?:commande|cde)|r[ée]f(?:[ée]rence)?\.? interne|(?:our )?internal ref(?:erence)?\.?|num[ée]ro de commande|order number|order no\.?|po number|po no\.?|r[ée]quisition|purchase requisition|demande d['’ ]achat|demande d['’ ]approvisionnement|n[°º]\s*(?:de\s+)?da(?=\s*:)|ordre d['’ ]achat|bon d['’ ]achat|commande interne|engagement juridique|r[ée]approvisionnement|replenishment|call[- ]off|(?:n[°º] de |mon |notre |votre |le )?bon(?! de livraison| de retour| pour| d['’ ]enl[eè]vement| de transport))/i
/** A cell holding only an order number's label ("N° commande", "PO number", "Bon de commande n°"). */
const LABEL_CELL = /^(?:n[°ºo]\.?\s*(?:de\s+)?)?(?:bon de commande|commande|cde|order|purchase order|po|p\.o\.|bdc)(?:\s*(?:n[°ºo]\.?|no\.?|number|num[ée]ro|#|ref(?:erence)?))?\s*:?$/i
const PO_MARKER = /^\s*(?:n[°ºo]\.?|no\.?|num(?:[ée]ro|ber)?\.?|nr\.?|#|:|number|id\b|r[ée]f(?:[ée]rence)?\.?|is|est)\s*/i
const PO_TOKEN = /^[:#\s]*([A-Z0-9][A-Z0-9\-/_.]*[A-Z0-9]|[0-9]{3,})/i

/** A contract orders are placed under, named right before an order's label: a public framework, a call-off contract. */
const CONTRACT_BEFORE = /\b(?:march[ée]s?(?: public| publics)?(?: (?:[àa]|de|aux))?|accords?[- ]cadres?(?: (?:[àa]|de))?|contrat(?: cadre)?(?: (?:[àa]|de))?|framework(?: agreement| contract)?(?: for)?|call[- ]off contract(?: for)?|contract(?: for)?|tender(?: for)?)(?:\s+bons? de)?\s*,?\s*$/i
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
      // "Marché à bons de commande n° 2024-FO-07", "under framework agreement order no. FA-118", "accord-cadre, bon de
      // commande n° …": the contract the orders are placed under, its number no order's (the order's own is labelled apart).
      if (CONTRACT_BEFORE.test(line.slice(Math.max(0, m.index - 40), m.index))) continue
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
      // "Notre bon de commande interne est le 2026-EV-212": a qualifier, then "est (le)" / "is", then a code with a dash.
      const linked = !qualified ? /^\s*(?:[\p{Ll}]{3,16}\s+(?:est|is)\s+(?:le\s+|the\s+)?(?=[A-Z0-9][\w/]*[-/][\w\-/]*\d)|(?:[\p{Ll}]{3,16}\s+)?(?:porte|portera|has|carries|bears|a|is under|est sous|sera sous)\s+(?:le |the |un |a )?(?:num[ée]ro|number|n[°º]|reference|r[ée]f[ée]rence)\s*:?\s*|(?:for|of|pour|de) (?:this|the|that|these|cette|ce|cet|la|le)(?:\s+[\p{L}-]+){0,2}\s+(?:is|est|will be|sera)\s*:?\s*|(?:(?:for|of|pour|de) (?:this|the|that|these|cette|ce|cet|la|le)(?:\s+[\p{L}-]+){0,2})?\s*\?\s*:\s*)/u.exec(rest) : null
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
      // ("Vancouver BC V6K 1N6": British Columbia's "BC" then a Canadian postal code's first half, no order number)
      if (/^[A-Z]\d[A-Z]$/.test(value) && /^ ?\d[A-Z]\d\b/.test(after)) continue
      // A day ("12/11", "03.12.26"), not "26/27-041": one of its first two numbers is a month.
      const dated = /^(\d{1,2})[/.-](\d{1,2})([/.-]\d{2,4})?$/.exec(value)
      if (dated && (Number(dated[1]) <= 12 || Number(dated[2]) <= 12)) continue
      const shaped = /[A-Z]/i.test(value) || value.includes("-") || /\d{4,}/.test(value)
      if (!marked && !shaped) continue
      if (exclude.has(compactCode(value))) continue
      const label = m[0].toLowerCase()
      // "Order Number: RCHT-PO-3310478 … Requisition: REQ-7716024": "order" and its "Number" marker are as strong a
      // label as "order number" (the requisition beside it is the buyer's internal request, not the order).
      // ("N° commande : SEV-2026-0877", « n° de commande : … »: the number's mark written before the label is as strong.)
      const markedBefore = /\bn[°º]\.?\s*(?:de\s+)?$/i.test(line.slice(Math.max(0, m.index - 8), m.index))
      const strong = markedBefore || /engagement|bon de commande|purchase order|p\.?\s?o|bdc|order (?:no|number|ref)|num[ée]ro de commande|notre r[ée]f|our ref|n\/|r[ée]f|achat|approvisionnement|n[°º]\s*(?:de\s+)?da|r[ée]quisition|l\.?p\.?o|bon/.test(label) || (/^(?:order|commande)$/.test(label) && /\b(?:number|no|num[ée]ro|n[°º])/i.test(markers))
      // "Second, a new order, PO HE-41288" beside "(our PO HE-41207)" of last week's delivery: the new one.
      const fresh = /\b(?:new|nouvelle|nouveau|this|cette|ce)\b[^.;:()]{0,20}$/i.test(line.slice(Math.max(0, m.index - 30), m.index))
      // "Bon de commande PB-26-117 (engagement juridique n° 2100458812)": a number in brackets right after an order's
      // code is an aside about that order (its accounting commitment, the ERP's own number), not the one to quote.
      const aside = /[A-Z0-9][\w\-/]*\d\s*\([^()]*$/.test(line.slice(0, m.index))
      out.push({ value, strength: (strong ? 2 : 1) + (marked ? 1 : 0) + (fresh ? 1 : 0) - (aside ? 2 : 0), evidence: line.trim() })
    }
    // "po": "TF-77402" in a JSON payload forwarded by IT, PO_NUMBER=… in a system's log: the field that holds it.
    for (const jm of line.matchAll(/["']?\b(?:po|po_?(?:no|num|number)|order_?(?:no|num|number|ref)|purchase_?order(?:_?(?:no|number))?)\b["']?\s*[:=]\s*["']([A-Z0-9][\w\-/.]*\d[\w\-/.]*)["']/gi)) {
      if (!exclude.has(compactCode(jm[1]!))) out.push({ value: jm[1]!, strength: 3, evidence: line.trim() })
    }
    // "PO-7781", "BC2026-031", "CMD_88": an order number that carries its label as its prefix.
    // "SSG-PO-30551": the label may come after the buyer's own letters.
    for (const pm of line.matchAll(/(?<![\w\-/])((?:[A-Z]{2,6}[-_])?(?:PO|BC|BDC|CMD|CDE|DA|PR|REQ)[-_/]?\d[\w\-/]*\d|(?:PO|BC|BDC|CMD|CDE)[-_/]?\d)(?![\w-])/g)) {
      // ("Cowes PO31 7PG", "Portsmouth PO1 3AX": Portsmouth's British postcodes open on "PO", their second half follows.)
      const postcode = /^PO\d{1,2}$/.test(pm[1]!) && /^ ?\d[A-Z]{2}\b/.test(line.slice(pm.index + pm[0].length))
      if (!postcode && !exclude.has(compactCode(pm[1]!)) && !out.some((c) => c.value === pm[1] || pm[1]!.endsWith(c.value))) out.push({ value: pm[1]!, strength: 2, evidence: line.trim() })
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
