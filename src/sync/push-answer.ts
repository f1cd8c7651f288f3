import * as z from "zod"

import { PushResponse, ServerRow } from "~src/domain/sync/protocol"
import type { TableRegistry } from "~src/domain/sync/tables"

/** The answer with the rows it gives as stored read one by one (`readPushAnswer`). */
const AnswerCore = PushResponse.extend({ numbered: z.array(z.unknown()).optional(), rewritten: z.array(z.unknown()).optional() })

export interface PushAnswer {
  /** The answer, without the rows that failed their check. */
  res: PushResponse
  /** What was wrong with the first row left out, or null. */
  badRow: string | null
}

/**
 * Reads a push's answer. Its core (the acknowledged id, the refused changes) failing the contract refuses it whole:
 * it throws, and nothing is acknowledged. A row it gives as stored (`numbered`, `rewritten`) is written over the
 * device's own at once, so each must be a row of its table as the server's schema has it, the row its key names,
 * at the push's version; one that is not is left out (the pull brings the team's row) and named in `badRow`,
 * for the caller to report once the rest is acknowledged. Refusing the whole answer for it would lose its refused
 * changes: the next push is a replay the server skips, and its answer names none.
 */
export function readPushAnswer(x: unknown, tables: TableRegistry): PushAnswer {
  const core = AnswerCore.parse(x)
  let badRow: string | null = null
  const checked = (list: "numbered" | "rewritten"): ServerRow[] | undefined => {
    const raw = core[list]
    if (raw === undefined) return undefined
    const kept: ServerRow[] = []
    for (const r of raw) {
      const problem = rowProblem(r, core.version, tables)
      if (problem === null) kept.push(r as ServerRow)
      else badRow ??= `${list} ${problem}`
    }
    return kept
  }
  const numbered = checked("numbered")
  const rewritten = checked("rewritten")
  const { numbered: _n, rewritten: _r, ...rest } = core
  return { res: { ...rest, ...(numbered ? { numbered } : {}), ...(rewritten ? { rewritten } : {}) }, badRow }
}

function rowProblem(raw: unknown, version: number, tables: TableRegistry): string | null {
  const named = raw as { table?: unknown; key?: unknown } | null
  const where = `${String(named?.table)}/${String(named?.key)}`
  const shape = ServerRow.safeParse(raw)
  if (!shape.success) return `${where}: ${issueText(shape.error.issues[0]!)}`
  const row = shape.data
  if (row.version !== version) return `${where} is at version ${row.version}, the push wrote ${version}`
  const def = tables[row.table]
  // A table this device does not keep is not written: nothing to check.
  if (!def || row.data === null) return null
  if (row.data.id !== row.key) return `${where} holds the row ${String(row.data.id)}`
  const r = def.schema.safeParse(row.data)
  return r.success ? null : `${where}: ${issueText(r.error.issues[0]!)}`
}

function issueText(issue: { path: PropertyKey[]; message: string }): string {
  return `${issue.path.map(String).join(".") || "(record)"}: ${issue.message}`
}
