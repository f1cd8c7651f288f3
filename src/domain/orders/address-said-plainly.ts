import { cleanAddressPart, UP_TO_TOWN } from "./address-bounds"
import { BILLING, POSTAL_LINE, STREET, streetOf } from "./address-shapes"

/**
 * Addresses a buyer writes with no word sending the goods, read last (when no other rule found one): a place word
 * heading the address on its line ("Warehouse: Unit 4, …", "Chantier : 18 rue …", "Site - 220 Queen Street West, …"),
 * the address inside a sentence right after "at" / "of" / "chez" / "du" ("the site is at 1200 Harbor Blvd, …", "c'est
 * pour le local du 7 rue Pasteur, …"), and a delivery column of a CSV or semicolon table. Kept apart from
 * delivery-address.ts and address-in-prose.ts, which are near their size limit.
 */
type Found = { value: string; evidence: string; confidence: number }

/** A sign-off line: what comes under it is the sender's signature, its office no place to deliver to. */
// (the line alone, "Merci," or "Thanks heaps": "merci de nous faire porter … chez notre client, 25 avenue …" asks.)
const SIGN_OFF = /^\s*(?:thanks|thank you|many thanks|cheers|regards|kind regards|best|merci|cordialement|bien [àa] vous|bonne (?:journ[ée]e|soir[ée]e)|belle journ[ée]e|salutations)\b[^\d:]{0,20}$/i

/** The line is the sender's first and last name and nothing else ("Alan Pickles", « Léa Morel, »). */
const namesSenderAlone = (line: string, sender: string): boolean => {
  const name = sender.trim().replace(/\s+/g, " ").toLowerCase()
  return name.includes(" ") && line.trim().replace(/[\s,]+$/, "").replace(/\s+/g, " ").toLowerCase() === name
}

/**
 * The premises a buyer names before their address, a colon or a dash after them: "Warehouse:", "Site -", "Magasin —",
 * "Studio:", "Location:", "Chantier :". (Never the billing's: "Invoices:", "Siège :", "Postal:".)
 */
const PLACE_WORD = /^\s*(?:(?:our|the|notre|le|la|l['’])\s*)?(?:warehouse|site|job ?site|building site|depot|d[ée]p[oô]t|store|shop|yard|studio|office|workshop|factory|plant|branch|premises|venue|location|unit|chantier|magasin|boutique|atelier|entrep[oô]t|bureau|usine|local|agence|[ée]cole|labo(?:ratoire)?|cuisine|restaurant|h[ôo]tel|salle|lieu)\s*(?::|[-–—]\s)\s*(.+)$/iu

export function placeWordThenAddress(lines: readonly string[], sender = ""): Found | null {
  for (const line of lines) {
    // (the sender's full name alone on its line opens the signature too: "Office: 9 High Street, …" under it is the
    // sender's card, tune50b)
    if (SIGN_OFF.test(line) || namesSenderAlone(line, sender)) return null
    const m = PLACE_WORD.exec(line)
    if (m === null || BILLING.test(line) || !streetOf(m[1]!) || !POSTAL_LINE.test(m[1]!)) continue
    const whole = UP_TO_TOWN.exec(cleanAddressPart(m[1]!))
    if (whole !== null) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.7 }
  }
  return null
}

/**
 * "drop it at the loading bay round the back of 12 Mill Lane, Leeds LS1 4AB", "they go to our yard at 45 Harbour Road,
 * …", "we're at 18 Abbey Street Lower, Dublin 1, …", "c'est pour le local du 7 rue Pasteur, 33000 Bordeaux": a sentence
 * (not cut at "Co." nor "St.") where a numbered street follows "at" / "of" / "chez" / "du" / "au", or "chez …," naming who is there, is the place
 * the goods go, as is one after "to the back door of the café —" (read only when nothing said it otherwise). Not a sentence about the invoice or a postal box, nor an
 * address the goods come from ("from", "depuis").
 */
const NUMBERED = /\b\d{1,4}[a-z]?,?\s+(?=\S)/g
const BEFORE_NUMBER = /(?:\b(?:at|of|chez|du|au)\s+|\bchez\s+[^,.;!?\d]{2,40},\s*|\bto (?:the|our) [^,.;!?\d]{2,40}\s[-–—:]\s*)$/i
export function addressAtInSentence(lines: readonly string[]): Found | null {
  for (const line of lines) {
    if (SIGN_OFF.test(line)) return null
    for (const sentence of line.split(/(?<=[.?!])(?<!\b(?:Co|St|Mt|Rd|Ave|No|Dr|Ste|Bd)\.)\s+(?=\p{Lu})/u)) {
      if (BILLING.test(sentence) || /\b(?:p\.?\s?o\.? box|case postale|bo[iî]te postale|from|depuis|moved|d[ée]m[ée]nag)\b/i.test(sentence) || !POSTAL_LINE.test(sentence)) continue
      for (const n of sentence.matchAll(NUMBERED)) {
        if (!BEFORE_NUMBER.test(sentence.slice(0, n.index))) continue
        const rest = sentence.slice(n.index)
        if (!STREET.test(rest.split(",")[0] ?? "") || !POSTAL_LINE.test(rest)) continue
        const whole = UP_TO_TOWN.exec(cleanAddressPart(rest))
        if (whole !== null && STREET.test(whole[1]!)) return { value: cleanAddressPart(whole[1]!), evidence: line.trim(), confidence: 0.65 }
      }
    }
  }
  return null
}

/** A CSV or semicolon row's cells, a quoted cell kept whole ("3 Dock Road, Durban 4001"). */
function cells(row: string, sep: string): string[] {
  const out: string[] = []
  for (const m of row.matchAll(new RegExp(`\\s*(?:"([^"]*)"|([^${sep}]*))\\s*(?:${sep}|$)`, "g"))) {
    if (m[0] === "" && m.index >= row.length) break
    out.push((m[1] ?? m[2] ?? "").trim())
  }
  return out
}
const DELIVERY_HEAD = /^(?:ship[- ]?to|deliver(?:y)?(?: to| address| site| location)?|lieu de livraison|adresse de livraison|livraison|livrer [àa]|site de livraison)$/i

/**
 * "réf;désignation;qté;lieu de livraison" over "A4-80;Ramette A4 80 g;10;12 rue Victor Hugo 76000 Rouen", "Product,
 * Qty, Ship to" over a quoted address: the delivery column's cell in the rows under the head.
 */
export function addressInCsvColumn(lines: readonly string[]): Found | null {
  for (let i = 0; i + 1 < lines.length; i++) {
    for (const sep of [";", ","]) {
      if (!lines[i]!.includes(sep)) continue
      const heads = cells(lines[i]!, sep)
      const at = heads.findIndex((h) => DELIVERY_HEAD.test(h))
      if (at < 0 || heads.some((h) => /\d/.test(h))) continue
      const cell = cleanAddressPart(cells(lines[i + 1]!, sep)[at] ?? "")
      if (streetOf(cell) && POSTAL_LINE.test(cell) && !BILLING.test(cell)) return { value: cleanAddressPart(UP_TO_TOWN.exec(cell)?.[1] ?? cell), evidence: lines[i + 1]!.trim(), confidence: 0.8 }
    }
  }
  return null
}
