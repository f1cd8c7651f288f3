// A table pasted in a mail or read from an attachment: its header row tells which column holds what.

const HEAD_REF = /^(?:(?:supplier|vendor|your|votre|fournisseur)\s+(?:ref(?:erence)?\.?|code|item|part no\.?|sku)|r[ée]f(?:[ée]rence)?s?\.?(?:\s+fourn(?:isseur|\.)?)?|code(?: article)?(?: fourn(?:isseur|\.)?)?|article code|item(?: no\.?| code| #)?|sku|part(?: no\.?| number)?|n° article|ref\.? produit|product code|code produit)$/i
const HEAD_DESC = /^(?:d[ée]signation|description|produit|product|article|item|libell[ée]|d[ée]signation article|item description|nom|name)$/i
const HEAD_QTY = /^(?:qt[ée]s?\.?|qte\.?|qty\.?|quantit[ée]s?|quantity|quantities|nb|nombre|quant\.?|qt[ée]s? (?:command[ée]e?s?|cd[ée]e?s?|cmd[ée]e?s?|cde)|qty ordered|ordered qty|quantity ordered)$/i
/**
 * The column of what to order in a stock sheet ("En stock | Stock mini | À commander", "On hand | Qty to order"): it
 * is the quantity, before any other column a quantity header fits.
 */
const HEAD_ORDER_QTY = /^(?:[àa] commander|qt[ée]s? [àa] commander|quantit[ée]s? [àa] commander|(?:qty|quantity) to order|to order|order qty|reorder(?: qty| quantity)?|besoin|needed|qty needed)$/i
/**
 * A quantity signed off beside the one asked for ("Requested | Approved", "Demandé | Validé"): the approved one is
 * what to deliver; the requested one is a quantity column only when nothing was approved.
 */
const HEAD_APPROVED = /^(?:approved(?: qty| quantity)?|agreed(?: qty)?|authori[sz]ed(?: qty)?|final(?: qty| quantity)?|valid[ée]e?s?|qt[ée]s? valid[ée]e?s?|accord[ée]e?s?|retenue?s?)$/i
const HEAD_REQUESTED = /^(?:requested(?: qty| quantity)?|asked|demand[ée]e?s?|qt[ée]s? demand[ée]e?s?)$/i
const HEAD_UNIT = /^(?:unit[ée]s?|unit|uom|u\.?|uc|uv|conditionnement|packaging|unit of measure)$/i

/** A line's cells when it is a table row: "|" or tab separated, or three or more columns apart by 3+ spaces. */
export function cellsOf(line: string, width?: number): string[] | null {
  const l = line.trim()
  // A sheet pasted as text keeps its empty cells as two tabs in a row ("CART-60\tBox\t\t250" under "Item\tDescription\t
  // Qty\tUOM"): when one tab a cell gives the header's width, the empty cell keeps its column.
  if (width !== undefined && l.includes("\t") && !l.includes("|") && line.replace(/^[ \r]+|[ \r]+$/g, "").split("\t").length === width) return line.replace(/^[ \r]+|[ \r]+$/g, "").split("\t").map((c) => c.trim())
  if (l.includes("|")) {
    const cells = l.replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim())
    return cells.length >= 2 ? cells : null
  }
  if (l.includes("\t")) {
    const cells = l.split(/\t+/).map((c) => c.trim())
    return cells.length >= 2 ? cells : null
  }
  const spaced = l.split(/ {3,}/).map((c) => c.trim())
  return spaced.length >= 3 ? spaced : null
}

/** Which cell holds which role in a table's rows (-1: none). */
export interface Columns {
  ref: number
  desc: number
  qty: number
  unit: number
  /** A sheet with one quantity column per shop or depot ("Item | Kelham Island | Ecclesall Rd | Broomhill"): added up. */
  sites?: number[]
}

/** A header cell that names something about the goods, not a place to deliver: never a shop's column. */
const HEAD_NOT_SITE = /\b(?:colou?rs?|couleurs?|sizes?|tailles?|brands?|marques?|packs?|packaging|conditionnement|format|notes?|comments?|remarques?|observations?|prices?|prix|unit\w*|total|amount|montant|vat|tva|ht|ttc|ref\w*|code|sku|dates?|delivery|livraison|stock|min|max|on hand|en stock|line|ligne|no|n°|#|cost|co[uû]t|eur|gbp|usd)\b|[€£$\d]/i


/** The columns a header row names, or null when the row is no header (a quantity and a ref or a name at least). */
export function headerOf(cells: readonly string[]): Columns | null {
  // One role a column: "Item | Description | Supplier Part No." has its ref in the third, not in "Item" (a line
  // number there), so a header that fits two roles takes the one no other column claims.
  // "Qté commandée (UC)", "Qty (units)": a header's bracketed note says in what, not what.
  // "SUPPLIER_ITEM", "ITEM_DESCRIPTION", "UOM": an ERP's export names its columns with underscores for spaces.
  const fits = (re: RegExp): number[] => cells.flatMap((c, i) => (re.test(c.replace(/\s*\([^)]*\)/g, "").replace(/[:*]/g, "").replace(/_/g, " ").trim()) ? [i] : []))
  const taken = new Set<number>()
  const pick = (re: RegExp): number => {
    const all = fits(re)
    const i = all.find((k) => !taken.has(k)) ?? all[0] ?? -1
    if (i >= 0) taken.add(i)
    return i
  }
  const qty = fits(HEAD_APPROVED).length > 0 ? pick(HEAD_APPROVED) : fits(HEAD_ORDER_QTY).length > 0 ? pick(HEAD_ORDER_QTY) : fits(HEAD_QTY).length > 0 ? pick(HEAD_QTY) : pick(HEAD_REQUESTED)
  // "Item | Code | Delivery 1 | Delivery 2 | Total": a split delivery's sheet orders its total when no column is a quantity.
  const total = qty < 0 && cells.some((c) => /^(?:delivery|livraison|lieferung|drop|week|semaine)\s*\d/i.test(c.trim())) ? pick(/^(?:total(?: qty| quantity)?|qt[ée] totale|quantit[ée] totale)$/i) : -1
  const unit = pick(HEAD_UNIT)
  const refs = fits(HEAD_REF)
  const descs = fits(HEAD_DESC)
  // A column only one role fits keeps it; a column both fit ("Item") goes to whichever role has no other column,
  // the name's first (a name cell is searched for refs too).
  const refOnly = refs.find((i) => !descs.includes(i) && !taken.has(i)) ?? -1
  const descOnly = descs.find((i) => !refs.includes(i) && !taken.has(i)) ?? -1
  const both = refs.find((i) => descs.includes(i) && !taken.has(i)) ?? -1
  const desc = descOnly >= 0 ? descOnly : both
  const ref = refOnly >= 0 ? refOnly : desc === both ? -1 : both
  const cols: Columns = { ref, desc, qty: qty >= 0 ? qty : total, unit }
  // No quantity column, but two or more columns named like places beside the goods' name: a multi-site sheet, its
  // shops' quantities added up (the order is delivered in one drop, as one line per product).
  if (cols.qty < 0 && (ref >= 0 || desc >= 0)) {
    const sites = cells.flatMap((c, i) => (i !== ref && i !== desc && i !== unit && !taken.has(i) && /^\p{Lu}[\p{L}' .&-]{1,30}$/u.test(c.trim()) && !HEAD_NOT_SITE.test(c) ? [i] : []))
    if (sites.length >= 2) return { ...cols, qty: sites[0]!, sites }
  }
  if (cols.qty < 0 || (cols.ref < 0 && cols.desc < 0)) return null
  return cols
}

/** A row's quantity cell; a multi-site sheet's row adds up its shops' counts (each a bare count or empty), else null. */
export function quantityCell(cells: readonly string[], cols: Columns): string | null {
  if (cols.sites === undefined) {
    const qty = (cells[cols.qty] ?? "").trim()
    // A sheet copied out with its columns slid ("Qty | UOM" over " | 250"): the quantity column empty and a bare count
    // in the unit column is the quantity (a unit is never a number).
    const unit = cols.unit >= 0 ? (cells[cols.unit] ?? "").trim() : ""
    return qty === "" && /^\d+$/.test(unit) ? unit : (cells[cols.qty] ?? "")
  }
  const perSite = cols.sites.map((k) => (cells[k] ?? "").trim())
  if (perSite.some((c) => c !== "" && !/^\d+$/.test(c))) return null
  return String(perSite.reduce((a, c) => a + (c === "" ? 0 : Number(c)), 0))
}
