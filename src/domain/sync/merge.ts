import type { Conflict, ConflictReason, Mutation, RowData, ServerRow } from "./protocol"
import { mayWrite, type Role, type TableDef } from "./tables"

/** The state of one row as a merge sees it; `undefined` when the row never existed. */
export interface RowState {
  version: number
  deleted: boolean
  data: RowData | null
}

export type MergeResult =
  | { kind: "write"; deleted: boolean; data: RowData | null }
  | { kind: "noop" }
  | { kind: "conflict"; reason: ConflictReason; message: string }

export interface MergeContext {
  /** The pushing user's role; null on a client applying its own outbox (the server decides). */
  role: Role | null
}

/**
 * The one rule book, run by the server on every push in server order and by clients to show their pending
 * changes on top of the last pulled state. Pure: the caller stamps versions and stores the result.
 * `m` must have passed `checkMutation` for `def`.
 */
export function mergeMutation(def: TableDef, current: RowState | undefined, m: Mutation, ctx: MergeContext): MergeResult {
  if (ctx.role !== null && !mayWrite(def, ctx.role)) {
    return conflict("forbidden", `${/^[aeiou]/.test(ctx.role) ? "an" : "a"} ${ctx.role} may not change ${m.table}`)
  }
  const live = current !== undefined && !current.deleted && current.data !== null ? current.data : undefined
  switch (def.rule.kind) {
    case "append-only": {
      if (m.op === "delete") return conflict("append-only", `${m.table} rows cannot be deleted`)
      if (current !== undefined) return conflict("append-only", `${m.table}/${m.key} already exists and cannot change`)
      return create(def, m)
    }
    case "lww": {
      if (m.op === "delete" && def.rule.keepRows) return conflict("forbidden", `${m.table} rows are deactivated, not deleted: documents point at them`)
      if (m.op === "delete") return live === undefined ? { kind: "noop" } : { kind: "write", deleted: true, data: null }
      // A put on a missing or deleted row must carry a whole record: that is a (re)creation, and the later
      // write wins over the delete. A partial put there would leave a record without its required fields.
      const result = live === undefined ? create(def, m) : validated(def, m, { ...live, ...m.fields })
      const problem = result.kind === "write" && result.data && def.checkChange ? def.checkChange(live ?? null, result.data, ctx.role) : null
      return problem ? conflict(problem.reason, `${m.table}/${m.key}: ${problem.message}`) : result
    }
    case "workflow": {
      const rule = def.rule
      const base = m.baseVersion ?? 0
      const currentVersion = live === undefined ? 0 : (current?.version ?? 0)
      if (base !== currentVersion) {
        return conflict("stale", `${m.table}/${m.key} is at version ${currentVersion}, the change was made on ${base}`)
      }
      if (m.op === "delete") {
        if (live === undefined) return { kind: "noop" }
        const status = String(live[rule.statusField])
        if (!rule.deletableIn.includes(status)) return conflict("illegal-transition", `a ${status} document cannot be deleted`)
        return { kind: "write", deleted: true, data: null }
      }
      if (live === undefined) {
        const status = String(m.fields?.[rule.statusField])
        if (!rule.initial.includes(status)) return conflict("illegal-transition", `a document cannot be created as ${status} (only ${rule.initial.join(", ")})`)
        return create(def, m)
      }
      const from = String(live[rule.statusField])
      const next = m.fields !== undefined && rule.statusField in m.fields ? String(m.fields[rule.statusField]) : from
      if (next !== from && !(rule.transitions[from] ?? []).includes(next)) {
        return conflict("illegal-transition", `status cannot go from ${from} to ${next}`)
      }
      return validated(def, m, { ...live, ...m.fields })
    }
  }
}

function create(def: TableDef, m: Mutation): MergeResult {
  const r = def.schema.safeParse({ ...m.fields, id: m.key })
  if (!r.success) {
    return conflict("missing", `${m.table}/${m.key} does not exist and the change is not a whole record: ${summarize(r.error.issues)}`)
  }
  return { kind: "write", deleted: false, data: r.data as RowData }
}

function validated(def: TableDef, m: Mutation, merged: RowData): MergeResult {
  const r = def.schema.safeParse(merged)
  if (!r.success) return conflict("invalid", `${m.table}/${m.key} would break its schema: ${summarize(r.error.issues)}`)
  return { kind: "write", deleted: false, data: r.data as RowData }
}

function conflict(reason: ConflictReason, message: string): MergeResult {
  return { kind: "conflict", reason, message }
}

function summarize(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join(".") || "(record)"}: ${i.message}`)
    .join("; ")
}

export function toConflict(m: Mutation, reason: ConflictReason, message: string, serverRow: ServerRow | null): Conflict {
  return { mid: m.mid, table: m.table, key: m.key, reason, message, serverRow }
}

/** Key of a row across tables, as used in maps and in the cursor's tie-break. */
export function rowId(table: string, key: string): string {
  return `${table}\u0000${key}`
}
