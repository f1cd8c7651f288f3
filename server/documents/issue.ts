import { dueDate, type PaymentTerms } from "../../src/domain/documents/payment-terms"
import { FRENCH_VAT_RATES_BP, totalsMismatch, type TotalsLine } from "../../src/domain/documents/totals"
import { formatDocumentNumber, NUMBERED_FROM, type DocumentType } from "../../src/domain/documents/workflow"
import type { MergeResult, RowState } from "../../src/domain/sync/merge"
import type { RowData } from "../../src/domain/sync/protocol"
import type { Queryable } from "../db/db"

/** Fields that may still change once a document left draft: its status and the record of who moved it. */
const AFTER_ISSUE: Record<DocumentType, ReadonlySet<string>> = {
  // A quote re-sent after it expired gets a new validity date (and is checked again like a first sending).
  quote: new Set(["status", "history", "updatedAt", "validUntil"]),
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
    // The history is a record: entries are added, never rewritten.
    const before = Array.isArray(prev.history) ? prev.history : []
    const after = Array.isArray(data.history) ? data.history : []
    if (after.length < before.length || before.some((h, i) => canonical(h) !== canonical(after[i]))) {
      return conflict("illegal-transition", `the history of a ${prevStatus} ${type} can only grow`)
    }
    if (data.validUntil !== prev.validUntil && !(type === "quote" && prevStatus === "expired" && data.status === "sent")) {
      return conflict("illegal-transition", "only a quote re-sent after it expired gets a new validity date")
    }
    if (type === "quote" && prevStatus === "expired" && data.status === "sent" && typeof data.validUntil === "string" && data.validUntil < todayInParis(now)) {
      return conflict("invalid", `the quote is valid until ${data.validUntil}, before today: give it a new validity date`)
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
  // What the totals cannot tell: a rate France does not have, or a negative line outside a credit note.
  const badRate = lines.find((l) => !(FRENCH_VAT_RATES_BP as readonly number[]).includes(l.vatRateBp))
  if (badRate) return conflict("invalid", `the VAT rate ${badRate.vatRateBp / 100} % is not a French rate (20, 10, 5.5, 2.1 or 0 %)`)
  if (type !== "credit-note" && lines.some((l) => l.quantityMilli <= 0)) return conflict("invalid", `a ${type} has positive quantities only: a credit note corrects an invoice`)
  if (type === "credit-note" && lines.some((l) => l.quantityMilli >= 0)) return conflict("invalid", "a credit note's quantities are negative")
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
