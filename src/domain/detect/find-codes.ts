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
  // exec on the shared RegExp, reset before and after: matchAll would clone the RegExp on every call (a page scan
  // calls this for thousands of text nodes), and lastIndex is never left dirty between callers.
  const global = re.global ? re : new RegExp(re.source, re.flags + "g")
  const out: CodeMatch[] = []
  global.lastIndex = 0
  try {
    for (let m = global.exec(text); m !== null; m = global.exec(text)) {
      const raw = m[0]
      if (raw.length === 0) {
        // Step past an empty match (by code point with the u flag), as matchAll does.
        global.lastIndex = m.index + (global.unicode && (text.codePointAt(m.index) ?? 0) > 0xffff ? 2 : 1)
        continue
      }
      out.push({ start: m.index, end: m.index + raw.length, code: raw.toUpperCase() })
    }
  } finally {
    global.lastIndex = 0
  }
  return out
}
