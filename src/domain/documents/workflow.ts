/**
 * The life of a sales document. The same table is checked in the extension (to offer only legal actions) and
 * on the server (which refuses an illegal transition with the reason). Paid / partly paid are not statuses:
 * they follow from the payments recorded against an issued invoice (see payments.ts).
 */
export type DocumentType = "quote" | "order" | "invoice" | "credit-note"

export const STATUSES = {
  quote: ["draft", "sent", "accepted", "refused", "expired", "cancelled"],
  order: ["draft", "confirmed", "invoiced", "cancelled"],
  invoice: ["draft", "issued"],
  "credit-note": ["draft", "issued"]
} as const satisfies Record<DocumentType, readonly string[]>

export type DocumentStatus<T extends DocumentType = DocumentType> = (typeof STATUSES)[T][number]

const TRANSITIONS: { [T in DocumentType]: Partial<Record<DocumentStatus<T>, readonly DocumentStatus<T>[]>> } = {
  quote: {
    draft: ["sent", "cancelled"],
    sent: ["accepted", "refused", "expired", "cancelled"],
    // A customer who comes back after the validity date: the agent re-sends (a new validity date), not "accept".
    expired: ["sent"]
  },
  order: {
    draft: ["confirmed", "cancelled"],
    confirmed: ["invoiced", "cancelled"]
  },
  // An issued invoice is never edited nor cancelled: a credit note corrects it (French and EN 16931 rules).
  invoice: { draft: ["issued"] },
  "credit-note": { draft: ["issued"] }
}

/** Statuses whose document carries a number given by the server. */
export const NUMBERED_FROM: { [T in DocumentType]: DocumentStatus<T> } = {
  quote: "sent",
  order: "confirmed",
  invoice: "issued",
  "credit-note": "issued"
}

export type TransitionCheck =
  | { ok: true }
  | { ok: false; reason: "unknown-status"; type: DocumentType; from: string; to: string }
  | { ok: false; reason: "illegal-transition"; type: DocumentType; from: string; to: string; allowed: string[] }

export function checkTransition(type: DocumentType, from: string, to: string): TransitionCheck {
  const known = STATUSES[type] as readonly string[]
  if (!known.includes(from) || !known.includes(to)) return { ok: false, reason: "unknown-status", type, from, to }
  const allowed = ((TRANSITIONS[type] as Record<string, readonly string[] | undefined>)[from] ?? []) as readonly string[]
  if (!allowed.includes(to)) return { ok: false, reason: "illegal-transition", type, from, to, allowed: [...allowed] }
  return { ok: true }
}

/** The transition table as the sync layer's workflow rule reads it. */
export function transitionsOf(type: DocumentType): Record<string, readonly string[]> {
  return { ...(TRANSITIONS[type] as Record<string, readonly string[]>) }
}

export function allowedNext(type: DocumentType, from: string): string[] {
  return [...(((TRANSITIONS[type] as Record<string, readonly string[] | undefined>)[from] ?? []) as readonly string[])]
}

/** Whether a document in this status may still have its lines, customer or terms changed. */
export function isEditable(type: DocumentType, status: string): boolean {
  return status === "draft" && (STATUSES[type] as readonly string[]).includes(status)
}

/** A sent quote past its validity date is expired (checked by date, not by a job that might not run). */
export function effectiveQuoteStatus(status: DocumentStatus<"quote">, validUntil: string | null, today: string): DocumentStatus<"quote"> {
  return status === "sent" && validUntil !== null && validUntil < today ? "expired" : status
}

const PREFIX: Record<DocumentType, string> = { quote: "DEV", order: "CMD", invoice: "FAC", "credit-note": "AV" }

/** `DEV-2026-00001`: per team, type and year, without gaps (the server gives `sequence` when it issues). */
export function formatDocumentNumber(type: DocumentType, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError("sequence starts at 1")
  return `${PREFIX[type]}-${year}-${String(sequence).padStart(5, "0")}`
}
