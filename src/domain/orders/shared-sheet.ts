import { foldText } from "../search/fold-text"
import { cellsOf } from "./table-header"

/*
 * A sheet shared by a group of buyers, one column saying where each row is bought ("Chez qui", "Supplier", "Where
 * from"): a theatre's list of who buys what, a food bank's sheet with a donated row. Only the rows that name us are
 * ours to deliver. Pure; the sheet's text in, the text without the other suppliers' rows out.
 */

/** A header cell naming where a row is bought. */
const HEAD_SUPPLIER = /^(?:chez qui|o[uù]|fournisseur|supplier|vendor|source|where(?: from| to buy)?|bought (?:at|from)|achet[ée]e? chez|magasin|from)$/i

/** Words of our own name, from our mail domains ("comptoir-fournitures.fr" → "comptoir"): the first word of each. */
export function ownNameWords(ownDomains: readonly string[]): string[] {
  return ownDomains.map((d) => foldText(d.split(".")[0]!.split("-")[0]!)).filter((w) => w.length >= 4)
}

/**
 * The text without the rows of a table whose supplier column names someone else, when some of its rows name us
 * (a sheet whose supplier column never names us is left whole: it may be our own name spelled otherwise).
 */
export function ourRowsOnly(text: string, ownWords: readonly string[]): string {
  text = rowsToOrderOnly(text)
  if (ownWords.length === 0) return text
  const ours = (cell: string): boolean => ownWords.some((w) => cell.split(" ").includes(w))
  return keepMarkedRows(text, HEAD_SUPPLIER, ours)
}

/** A header cell naming a row's state in a tracker (Notion, Airtable, a shared sheet): "Statut", "Status", "État". */
const HEAD_STATUS = /^(?:statut|status|[ée]tat|state|stage)$/i
/** A state that asks for the row to be bought now: "🔴 À commander", "To order", "To buy", "À racheter". */
const TO_ORDER = /^(?:a (?:re)?commander|a r?acheter|to (?:re)?order|to buy|to be ordered|needs? (?:ordering|to be ordered)|order now|reorder)$/

/**
 * A tracker's rows under a status column ("🔴 À commander", "🟢 Commandé le 12/11", "Annulé"; "To order", "Ordered", "Not
 * needed"): when some rows are marked to be ordered, only those are; the others are bought already, cancelled or not
 * needed. A status column none of whose rows says "to order" leaves the sheet whole.
 */
export function rowsToOrderOnly(text: string): string {
  if (!/\b(?:statut|status|[ée]tat|state|stage)\b/i.test(text)) return text
  return keepMarkedRows(text, HEAD_STATUS, (cell) => TO_ORDER.test(cell))
}

/**
 * The rows of each table under a column whose header `head` names: when some rows' cell is `marked`, the rows whose
 * cell says something else are dropped (an empty cell keeps its row); a table none of whose rows is marked stays whole.
 */
function keepMarkedRows(text: string, head: RegExp, marked: (cell: string) => boolean): string {
  const lines = text.split("\n")
  const drop = new Set<number>()
  for (let i = 0; i < lines.length; i++) {
    const cells = cellsOf(lines[i]!)
    const col = cells?.findIndex((c) => head.test(c.replace(/[:*?]/g, "").trim())) ?? -1
    if (cells === null || col < 0) continue
    const rows: { at: number; cell: string }[] = []
    for (let k = i + 1; k < lines.length; k++) {
      const row = cellsOf(lines[k]!)
      if (row === null) break
      rows.push({ at: k, cell: foldText(row[col] ?? "") })
    }
    if (!rows.some((r) => marked(r.cell))) continue
    for (const r of rows) if (r.cell !== "" && !marked(r.cell)) drop.add(r.at)
  }
  return drop.size === 0 ? text : lines.filter((_, i) => !drop.has(i)).join("\n")
}
