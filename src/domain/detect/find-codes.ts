export interface CodeMatch {
  start: number
  end: number
  /** Upper-cased: the lookup key form (customer.schema.ts `codeKey`). */
  code: string
}

/**
 * Finds customer codes with the user's pattern (settings.schema.ts `compileCodePattern`). The pattern is the
 * user's, so an empty match or a non-global RegExp must not loop or throw.
 */
export function findCodes(text: string, re: RegExp): CodeMatch[] {
  // matchAll works on a copy, so the shared RegExp's lastIndex is never left dirty between callers.
  const global = re.global ? re : new RegExp(re.source, re.flags + "g")
  const out: CodeMatch[] = []
  for (const m of text.matchAll(global)) {
    const raw = m[0]
    if (raw.length === 0) continue
    out.push({ start: m.index, end: m.index + raw.length, code: raw.toUpperCase() })
  }
  return out
}
