/**
 * Text as it may be kept and sent to the team server: no C0 control character but tab and line feed (a NUL
 * cannot be stored by PostgreSQL, and the others are invisible noise from copy-paste and exports), carriage
 * returns turned into line feeds, and half of a character (an unpaired UTF-16 surrogate, a cut emoji) replaced
 * by U+FFFD, the replacement character, which JSON and PostgreSQL accept. Used wherever text enters: import
 * cells, forms, values read from pages (the dispatcher cleans every request).
 *
 * A scan first: clean text (nearly all of it) is returned as is, without a copy.
 */
export function cleanText(s: string): string {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 32) {
      if (c !== 9 && c !== 10) return rewrite(s, i)
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && isLow(s.charCodeAt(i + 1))) i++
      else return rewrite(s, i)
    }
  }
  return s
}

function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff
}

function rewrite(s: string, from: number): string {
  let out = s.slice(0, from)
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c < 32) {
      if (c === 9 || c === 10) out += s[i]
      else if (c === 13) {
        if (s.charCodeAt(i + 1) !== 10) out += "\n"
      }
      // Any other control character is dropped.
    } else if (c >= 0xd800 && c <= 0xdfff) {
      if (c <= 0xdbff && isLow(s.charCodeAt(i + 1))) {
        out += s[i]! + s[i + 1]!
        i++
      } else out += "\ufffd"
    } else out += s[i]
  }
  return out
}

/**
 * `cleanText` over every string of a JSON-like value (object keys included), for a whole request or record.
 * Returns the same object when nothing changed.
 */
export function cleanTextDeep<T>(value: T): T {
  return cleanValue(value, 0) as T
}

const MAX_DEPTH = 64

function cleanValue(value: unknown, depth: number): unknown {
  if (typeof value === "string") return cleanText(value)
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return value
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    for (let i = 0; i < value.length; i++) {
      const v = cleanValue(value[i], depth + 1)
      if (v !== value[i]) (copy ??= value.slice())[i] = v
    }
    return copy ?? value
  }
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value
  let changed = false
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) {
    const ck = cleanText(k)
    const cv = cleanValue(v, depth + 1)
    if (ck !== k || cv !== v) changed = true
    out[ck] = cv
  }
  return changed ? out : value
}
