/**
 * `{{contact.first_name}}` and friends, filled from the call's customer. A missing value is a visible gap in
 * the text (the agent sees "[first name]" and asks), never "undefined" or an empty hole in a sentence.
 */
export const KNOWN_VARIABLES = [
  "contact.first_name",
  "contact.last_name",
  "contact.role",
  "customer.company",
  "customer.code",
  "customer.city",
  "customer.sales_rep",
  "agent.name",
  "agent.company",
  "invoice.number",
  "invoice.amount_due",
  "invoice.due_date",
  "invoice.days_overdue",
  "quote.number",
  "quote.total"
] as const
export type VariableName = (typeof KNOWN_VARIABLES)[number]

export type VariableValues = Partial<Record<VariableName, string | null | undefined>>

export type Segment = { text: string } | { gap: VariableName | string }

const PLACEHOLDER = /\{\{\s*([a-z_]+\.[a-z_]+)\s*\}\}/g

export function variablesIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}

/** The text cut into plain parts and filled values, with a gap where a value is missing or unknown. */
export function fillTemplate(text: string, values: VariableValues): Segment[] {
  const out: Segment[] = []
  let last = 0
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0
    if (at > last) out.push({ text: text.slice(last, at) })
    const name = m[1]!
    const v = (values as Record<string, string | null | undefined>)[name]
    out.push(typeof v === "string" && v.trim() !== "" ? { text: v } : { gap: name })
    last = at + m[0].length
  }
  if (last < text.length) out.push({ text: text.slice(last) })
  return mergeText(out)
}

/** Plain text for copying: gaps shown in brackets with the variable's words ("[contact first name]"). */
export function segmentsToText(segments: readonly Segment[]): string {
  return segments.map((s) => ("text" in s ? s.text : `[${s.gap.replace(/[._]/g, " ")}]`)).join("")
}

function mergeText(segs: Segment[]): Segment[] {
  const out: Segment[] = []
  for (const s of segs) {
    const prev = out[out.length - 1]
    if (prev && "text" in prev && "text" in s) prev.text += s.text
    else out.push({ ...s })
  }
  return out
}
