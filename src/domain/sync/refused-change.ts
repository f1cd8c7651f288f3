import { formatPercent, nb } from "../documents/document-text"
import type { Conflict, RowData } from "./protocol"

/** A refused change as stored on the device: the server's answer, when, and the local record it was about. */
export interface RefusedChangeRecord extends Conflict {
  id?: number
  at: number
  mine?: RowData | null
}

export interface RefusedChangeView {
  id: number
  table: string
  key: string
  label: string
  reason: string
  message: string
  at: number
  goneOnTeam: boolean
  canRestore: boolean
  differences: RefusedDifference[]
}

/**
 * One field that differs. `mine` and `team` are the values as text; a number held in hundredths also comes as
 * `numbers`, so the options page says it in its own language ("5.5%", « 5,5 % »): the view is built in the
 * background, which does not know the interface's language.
 */
export interface RefusedDifference {
  field: string
  mine: string
  team: string
  numbers?: { unit: HundredthsUnit; mine: number | null; team: number | null }
}
export type HundredthsUnit = "cents" | "bp"

/** Bookkeeping fields every write moves: a difference there says nothing to the user. */
const QUIET_FIELDS = new Set(["id", "createdAt", "updatedAt", "lookupKeys"])
const MAX_TEXT = 160
const MAX_DIFFERENCES = 40

/**
 * A refused change that may be sent again as it was: the record is known, and the refusal was about timing
 * (the team deleted or moved the record meanwhile), not about who may write it or what it holds.
 */
export function canRestore(c: { table: string; reason: string; mine?: RowData | null }): boolean {
  return (c.table === "customers" || c.table === "products") && c.mine != null && (c.reason === "missing" || c.reason === "stale")
}

/** Fields held in hundredths (cents, basis points): shown as the user typed them in the import. */
const HUNDREDTHS_FIELDS: Record<string, HundredthsUnit> = { creditLimitCents: "cents", unitPriceCents: "cents", vatRateBp: "bp" }

/** A number in hundredths as the user reads it in their language: 450 cents "4.50" / « 4,50 », 550 bp "5.5%" / « 5,5 % ». */
export function hundredthsText(v: number, unit: HundredthsUnit, lang: "fr" | "en"): string {
  if (unit === "bp") return formatPercent(v, lang)
  return nb(new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(v / 100))
}

/** A difference's two values in the interface's language (the options page, at display time). */
export function differenceText(d: RefusedDifference, lang: "fr" | "en"): { mine: string; team: string } {
  if (!d.numbers) return { mine: d.mine, team: d.team }
  const { unit, mine, team } = d.numbers
  return { mine: mine === null ? d.mine : hundredthsText(mine, unit, lang), team: team === null ? d.team : hundredthsText(team, unit, lang) }
}

function text(v: unknown, field = ""): string {
  if (v === undefined || v === null || v === "") return "—"
  let s: string
  const unit = HUNDREDTHS_FIELDS[field]
  if (typeof v === "number" && unit) s = hundredthsText(v, unit, "en")
  else if (typeof v === "string") s = v
  else if (Array.isArray(v) && v.every((x) => typeof x === "string")) s = v.join(", ")
  else s = JSON.stringify(v)
  return s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s
}

function labelOf(table: string, key: string, row: RowData | null | undefined): string {
  if (!row) return `${table}/${key}`
  if (table === "customers" && typeof row.company === "string") return typeof row.code === "string" ? `${row.company} (${row.code})` : row.company
  if (table === "products" && typeof row.ref === "string") return typeof row.nameFr === "string" ? `${row.ref} ${row.nameFr}` : row.ref
  return `${table}/${key}`
}

/** What the options page shows of one refused change. */
export function refusedChangeView(c: RefusedChangeRecord): RefusedChangeView {
  const team = c.serverRow && !c.serverRow.deleted ? c.serverRow.data : null
  const mine = c.mine ?? null
  const differences: RefusedChangeView["differences"] = []
  if (mine) {
    const fields = [...new Set([...Object.keys(mine), ...Object.keys(team ?? {})])].filter((f) => !QUIET_FIELDS.has(f)).sort()
    for (const f of fields) {
      const a = text(mine[f], f)
      const b = text(team?.[f], f)
      // Compared as shown: an empty note here and none there is no difference to the user.
      const unit = HUNDREDTHS_FIELDS[f]
      const num = (v: unknown) => (typeof v === "number" ? v : null)
      if (a !== b) differences.push(unit ? { field: f, mine: a, team: b, numbers: { unit, mine: num(mine[f]), team: num(team?.[f]) } } : { field: f, mine: a, team: b })
      if (differences.length >= MAX_DIFFERENCES) break
    }
  }
  return {
    id: c.id ?? 0,
    table: c.table,
    key: c.key,
    label: labelOf(c.table, c.key, mine ?? team),
    reason: c.reason,
    message: c.message,
    at: c.at,
    goneOnTeam: team === null,
    canRestore: canRestore(c),
    differences
  }
}
