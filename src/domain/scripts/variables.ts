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
  "quote.total",
  "greeting"
] as const
export type VariableName = (typeof KNOWN_VARIABLES)[number]

/** A value said differently in each language (`{{greeting}}`): the text being filled picks its own. */
export type ByLanguage = { fr: string; en: string }

export type VariableValues = Partial<Record<VariableName, string | ByLanguage | null | undefined>>

export type Segment = { text: string } | { gap: VariableName | string }

// `{{contact.first_name}}`, or a bare name for what belongs to no record (`{{greeting}}`).
const PLACEHOLDER = /\{\{\s*([a-z_]+(?:\.[a-z_]+)?)\s*\}\}/g

export function variablesIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!)
}

/**
 * The text cut into plain parts and filled values, with a gap where a value is missing or unknown. `language`: the
 * text's own, for a value said in each language (English when not given).
 */
export function fillTemplate(text: string, values: VariableValues, language: "fr" | "en" = "en"): Segment[] {
  const out: Segment[] = []
  let last = 0
  for (const m of text.matchAll(PLACEHOLDER)) {
    const at = m.index ?? 0
    if (at > last) out.push({ text: text.slice(last, at) })
    const name = m[1]!
    const raw = (values as Record<string, string | ByLanguage | null | undefined>)[name]
    const v = raw !== null && typeof raw === "object" ? raw[language] : raw
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
