import { mergeMutation, rowId, type RowState } from "./merge"
import type { Mutation, PullResponse, PushResponse, RowData, ServerRow } from "./protocol"
import type { TableRegistry } from "./tables"

export interface ReplicaState {
  /** Rows as last pulled from the server, by rowId. */
  base: Map<string, ServerRow>
  /** Local changes not yet acknowledged, in mid order. */
  outbox: Mutation[]
  nextMid: number
  /** Highest mid a push reply confirmed; those stay in the outbox (and in the view) until a pull brings them. */
  pushedUpTo: number
  cursor: string
}

/**
 * The client's side of the protocol without storage: what the extension keeps in IndexedDB (pulled rows,
 * outbox, next mid, cursor) and how pushes and pulls move it. Changes from the server replace `base`
 * and are never recorded in the outbox; what the user sees is `base` with the outbox replayed on top.
 */
export class Replica {
  state: ReplicaState

  constructor(
    readonly tables: TableRegistry,
    state?: ReplicaState
  ) {
    this.state = state ?? { base: new Map(), outbox: [], nextMid: 1, pushedUpTo: 0, cursor: "" }
  }

  /** Records a local change (offline or not) and returns the mutation queued for the next push. */
  mutate(table: string, op: "put" | "delete", key: string, fields?: RowData): Mutation {
    const baseRow = this.state.base.get(rowId(table, key))
    const m: Mutation = { mid: this.state.nextMid++, table, op, key, ...(baseRow ? { baseVersion: baseRow.version } : {}), ...(op === "put" ? { fields } : {}) }
    this.state.outbox.push(m)
    return m
  }

  /** The next push body's mutations: the outbox not yet confirmed, oldest first, at most `max`. */
  pending(max = 1000): Mutation[] {
    return this.state.outbox.filter((m) => m.mid > this.state.pushedUpTo).slice(0, max)
  }

  onPushed(res: Pick<PushResponse, "lastMutationId">): void {
    this.state.pushedUpTo = Math.max(this.state.pushedUpTo, res.lastMutationId)
  }

  /** Applies one pull page; returns true when caught up. */
  onPulled(res: PullResponse): boolean {
    if (res.resetRequired) {
      this.state.base.clear()
      this.state.cursor = ""
      return false
    }
    for (const row of res.rows) {
      const id = rowId(row.table, row.key)
      if (row.deleted) this.state.base.delete(id)
      else this.state.base.set(id, row)
    }
    this.state.cursor = res.cursor
    // Only a final page says that every change up to lastMutationId is already in `base`.
    if (!res.hasMore && res.lastMutationId !== undefined) this.acknowledge(res.lastMutationId)
    return !res.hasMore
  }

  /** Rows as the user sees them: pulled state plus the pending changes, through the same rules as the server. */
  view(): Map<string, { table: string; key: string; data: RowData }> {
    const rows = new Map<string, RowState & { table: string; key: string }>()
    for (const [id, r] of this.state.base) rows.set(id, { table: r.table, key: r.key, version: r.version, deleted: r.deleted, data: r.data })
    for (const m of this.state.outbox) {
      const def = this.tables[m.table]
      if (!def) continue
      const id = rowId(m.table, m.key)
      const current = rows.get(id)
      const result = mergeMutation(def, current, m, { role: null })
      if (result.kind !== "write") continue
      rows.set(id, { table: m.table, key: m.key, version: current?.version ?? 0, deleted: result.deleted, data: result.data })
    }
    const out = new Map<string, { table: string; key: string; data: RowData }>()
    for (const [id, r] of rows) if (!r.deleted && r.data) out.set(id, { table: r.table, key: r.key, data: r.data })
    return out
  }

  private acknowledge(lastMutationId: number): void {
    this.state.outbox = this.state.outbox.filter((m) => m.mid > lastMutationId)
    this.state.pushedUpTo = Math.max(this.state.pushedUpTo, lastMutationId)
  }
}
