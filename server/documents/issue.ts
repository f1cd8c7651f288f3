import { dueDate, type PaymentTerms } from "../../src/domain/documents/payment-terms"
import { totalsMismatch, type TotalsLine } from "../../src/domain/documents/totals"
import { formatDocumentNumber, NUMBERED_FROM, type DocumentType } from "../../src/domain/documents/workflow"
import type { MergeResult, RowState } from "../../src/domain/sync/merge"
import type { RowData } from "../../src/domain/sync/protocol"
import type { Queryable } from "../db/db"

/** Fields that may still change once a document left draft: its status and the record of who moved it. */
const AFTER_ISSUE: Record<DocumentType, ReadonlySet<string>> = {
  quote: new Set(["status", "history", "updatedAt"]),
  order: new Set(["status", "history", "updatedAt", "riskOverride"]),
  invoice: new Set(["status", "history", "updatedAt"]),
  "credit-note": new Set(["status", "history", "updatedAt"])
}

/** Today in France, where the numbering year and the invoice date are read. */
export function todayInParis(now = Date.now()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(now))
}

/**
 * The server's part in a document's life, after the workflow merge accepted the write (same transaction, under
 * the team row lock the push took first):
 * - once out of draft, only the status and its history change (an issued invoice is corrected by a credit note);
 * - a number is never written by a client;
 * - when the document reaches the status that numbers it (quote sent, order confirmed, invoice or credit note
 *   issued), the totals are recomputed from the lines and a mismatch refused, the date becomes today's, an
 *   invoice's due date follows from its terms, and the next number of the team, type and year is taken.
 * A refusal is a conflict like the others: the device keeps its version and shows it with the reason.
 */
export async function applyDocumentRules(tx: Queryable, teamId: string, type: DocumentType, before: RowState | undefined, result: MergeResult, now = Date.now()): Promise<MergeResult> {
  if (result.kind !== "write" || result.deleted || !result.data) return result
  const data = result.data
  const prev = before && !before.deleted && before.data ? before.data : null
  const prevStatus = prev ? String(prev.status) : null

  if (prev && prevStatus !== "draft") {
    const changed = Object.keys({ ...prev, ...data }).filter((k) => !AFTER_ISSUE[type].has(k) && canonical(prev[k]) !== canonical(data[k]))
    if (changed.length) {
      const fix = type === "invoice" ? "; a credit note corrects an issued invoice" : ""
      return conflict("illegal-transition", `a ${prevStatus} ${type} cannot be edited (${changed.slice(0, 5).join(", ")})${fix}`)
    }
    return result
  }

  const issuing = data.status === NUMBERED_FROM[type]
  if (!issuing) {
    if (data.number !== null && data.number !== undefined) return conflict("invalid", "document numbers are given by the server when the document is issued")
    return result
  }

  const lines = (data.lines as { quantityMilli: number; unitPriceCents: number; discountBp: number; vatRateBp: number }[]).map(
    (l): TotalsLine => ({ quantityMilli: l.quantityMilli, unitPriceCents: l.unitPriceCents, discountBp: l.discountBp, vatRateBp: l.vatRateBp })
  )
  let wrong: string[]
  try {
    wrong = totalsMismatch(lines, { totalExclVatCents: Number(data.totalExclVatCents), totalVatCents: Number(data.totalVatCents), totalInclVatCents: Number(data.totalInclVatCents) })
  } catch (e) {
    return conflict("invalid", `the lines cannot be totalled: ${e instanceof Error ? e.message : String(e)}`)
  }
  if (wrong.length) return conflict("invalid", `the totals do not match the lines (${wrong.join("; ")}): recompute them before issuing`)

  const today = todayInParis(now)
  const issued: RowData = { ...data, date: today }
  if (type === "quote" && typeof data.validUntil === "string" && data.validUntil < today) return conflict("invalid", `the quote is valid until ${data.validUntil}, before today: give it a new validity date`)
  if (type === "invoice") issued.dueDate = dueDate(today, data.paymentTerms as PaymentTerms)

  const year = Number(today.slice(0, 4))
  const [seq] = await tx.query<{ last: number }>(
    `INSERT INTO document_numbers (team_id, doc_type, year, last) VALUES ($1, $2, $3, 1)
     ON CONFLICT (team_id, doc_type, year) DO UPDATE SET last = document_numbers.last + 1
     RETURNING last`,
    [teamId, type, year]
  )
  issued.number = formatDocumentNumber(type, year, seq!.last)
  return { kind: "write", deleted: false, data: issued }
}

function conflict(reason: "invalid" | "illegal-transition", message: string): MergeResult {
  return { kind: "conflict", reason, message }
}

/** JSON with object keys sorted: jsonb stores keys in its own order, so two equal values can print differently. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`
  if (v !== null && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(",")}}`
  }
  return JSON.stringify(v) ?? "undefined"
}
