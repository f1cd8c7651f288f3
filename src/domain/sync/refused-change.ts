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
  differences: { field: string; mine: string; team: string }[]
}

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
const CENTS_FIELDS = new Set(["creditLimitCents", "unitPriceCents"])
const BASIS_POINT_FIELDS = new Set(["vatRateBp"])

function text(v: unknown, field = ""): string {
  if (v === undefined || v === null || v === "") return "—"
  let s: string
  if (typeof v === "number" && CENTS_FIELDS.has(field)) s = (v / 100).toFixed(2)
  else if (typeof v === "number" && BASIS_POINT_FIELDS.has(field)) s = `${v / 100} %`
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
      if (a !== b) differences.push({ field: f, mine: a, team: b })
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
