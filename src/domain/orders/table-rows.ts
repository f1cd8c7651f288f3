import type { Product } from "../customers/customer.schema"
import { foldText } from "../search/fold-text"
import type { FoundLine } from "./lines"
import { packsOf, productIn, tokenize, type LineOptions } from "./line-product"
import { asNumber, dozens, NUMBER_WORD } from "./line-words"
import { normalizeSizes } from "./normalize"
import { quantityCell, type Columns } from "./table-header"
import { lineUnit, unitOfWord } from "./units"

/** A table's rows read as order lines, once table-header.ts has found the columns (lines.ts finds the tables). */

/** "three dozen packs", "six boxes", "a dozen": a quantity cell in words, as figures. */
function cellInFigures(cell: string): string {
  return dozens(cell).replace(new RegExp(`^(\\s*)(${NUMBER_WORD})(?=\\s+[\\p{L}])`, "iu"), (_m, sp: string, n: string) => `${sp}${asNumber(n)}`)
}

export function tableRow(cells: readonly string[], cols: Columns, opts: LineOptions, raw: string): FoundLine | null {
  const given = quantityCell(cells, cols)
  if (given === null) return null
  const qtyCell = cellInFigures(given)
  // "1,000" or "1 000" in a quantity cell: thousands, as an ERP writes a count ("1,500" of coffee by the kg: below).
  const thousands = /^\s*\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.0+)?\s*(?:[\p{L}]+)?\s*$/u.test(qtyCell)
  const qm = thousands ? /(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+)\s*([\p{L}]+)?/u.exec(qtyCell) : /(\d+(?:[.,]\d+)?)\s*([\p{L}]+)?/u.exec(qtyCell)
  if (!qm) return null
  let quantity = thousands ? Number(qm[1]!.replace(/[^\d]/g, "")) : Number(qm[1]!.replace(",", "."))
  if (!(quantity > 0)) return null
  let product: Product | null = null
  let confidence = 0
  const refCell = cols.ref >= 0 ? (cells[cols.ref] ?? "") : ""
  const descCell = cols.desc >= 0 ? (cells[cols.desc] ?? "") : ""
  // (a code written joined is read in a sentence only where no name is: a row's description is read by its words)
  const refHits = opts.matcher.findRefs(tokenize(`${refCell} ${descCell}`).filter((t) => !t.sep).map((t) => t.raw)).filter((r) => r.via !== "joined")
  if (refHits.length > 0) {
    product = refHits[0]!.product
    confidence = 0.97
  } else {
    const descTokens = tokenize(normalizeSizes(descCell))
    const g = productIn(descTokens, 0, descTokens.length, opts.matcher, opts.aliases, opts.prefer)
    // A row's unit can settle the name: "Rouleaux WC | 2 colis" is the toilet paper sold by the "colis".
    const unitWords = `${qtyCell} ${cols.unit >= 0 ? (cells[cols.unit] ?? "") : ""}`.replace(/[\d.,]+/g, " ")
    const withUnit = g === null && unitWords.trim() !== "" ? tokenize(normalizeSizes(`${descCell} ${unitWords}`)) : null
    const h = g ?? (withUnit === null ? null : productIn(withUnit, 0, withUnit.length, opts.matcher, opts.aliases, opts.prefer))
    if (h !== null) {
      product = h.product
      confidence = g === null ? Math.min(0.6, h.confidence) : h.confidence
    }
  }
  if (product === null) return null
  if (thousands && /^(?:kg|l|litre)$/i.test(product.unit) && /^\d{1,3},\d{3}$/.test(qm[1]!)) quantity = Number(qm[1]!.replace(",", "."))
  const unitWord = cols.unit >= 0 ? (cells[cols.unit] ?? "") : (qm[2] ?? "")
  const written = unitWord.trim() === "" ? null : unitOfWord(unitWord.trim().split(/\s+/)[0]!)
  // "Paper cups 20 cl | 1,500 cups": the items the product packs, counted in the quantity cell by a word that is no unit
  // of the product's, are that many packs when they make whole packs (30 bags of 50), as in a sentence.
  // A word that is no unit counts items only when the product's name has it ("cups"; an ERP's "PK" is its pack).
  const word = foldText(unitWord.trim().split(/\s+/)[0] ?? "").replace(/e?s$/, "")
  const named = word.length >= 3 && foldText(`${product.nameFr} ${product.nameEn}`).split(" ").some((w) => w.replace(/e?s$/, "") === word)
  // "Gobelets carton 20 cl | 800 |": a bare count, with no unit in the row nor a pack named in the goods' cell ("bag
  // of", "sachets"; "carton" alone is what the cups are made of), counts
  // the items too, as "800 gobelets" would in a sentence.
  const bare = written === null && unitWord.trim() === "" && !/\b(?:(?:sachet|bag|pack|paquet|bo[iî]te|box|carton|case|lot|rouleau|roll)s? (?:de|of)|sachets|bags|packs|paquets|bo[iî]tes|boxes|cartons|colis|cases|rouleaux|rolls)\b/iu.test(descCell)
  const items = (written === null ? named || bare : lineUnit(written, product) !== product.unit) ? packsOf(quantity, product) : null
  if (items !== null) return { product, quantity: items, unit: product.unit, confidence, evidence: raw.trim() }
  return { product, quantity, unit: lineUnit(written, product), confidence, evidence: raw.trim() }
}
