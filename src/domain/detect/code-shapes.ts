/*
 * Customer-code shapes learned from the team's own codes, so a page shows cards for "CL-01087" without anyone
 * writing a regular expression. A code is read as runs of letters, digits and separators: "CL-01087" has the
 * shape [A-Z]{2}-\d{5}. Codes of one shape (digit counts may vary: C-123 and C-12345 are one shape, \d{3,5}) are
 * grouped; shapes held by too few codes are outliers (a typo, a legacy code) and ignored; at most `maxShapes` are
 * kept, the most common first, so the page's pattern stays small and fast.
 *
 * The regex uses the letters themselves when a shape has few spellings of them (CL-\d{5} rather than
 * [A-Z]{2}-\d{5}): only codes of the base can give a card, and every code of the base has one of those spellings,
 * so nothing is lost and "FR-75001" or "EN-12345" in a page are not taken for codes.
 */

export interface CodeShape {
  /** The shape in words of classes, for display and tests: "[A-Z]{2}-\d{5}". */
  shape: string
  /** The regex source that finds codes of this shape in a page (no flags needed beyond "u"). */
  source: string
  /** Codes of the base with this shape. */
  count: number
}

export interface LearnShapesOptions {
  /** At most this many shapes (default 6). */
  maxShapes?: number
  /** A shape needs at least this share of the codes (default 2 %) and at least `minCount` codes (default 2). */
  minShare?: number
  minCount?: number
}

type Token = { kind: "letters"; text: string } | { kind: "digits"; length: number } | { kind: "sep"; text: string }

const TOKEN = /([A-Za-z]+)|(\d+)|([-_./ ])|(.)/gu
/** Literal letter spellings kept per position before falling back to a class. */
const MAX_SPELLINGS = 4

/** "CL-01087" → letters CL, sep -, digits 5; null for what cannot be a page-findable code (no digit, odd characters). */
export function tokenizeCode(code: string): Token[] | null {
  if (code.length < 3 || code.length > 40) return null
  const tokens: Token[] = []
  TOKEN.lastIndex = 0
  for (let m = TOKEN.exec(code); m !== null; m = TOKEN.exec(code)) {
    if (m[1] !== undefined) tokens.push({ kind: "letters", text: m[1] })
    else if (m[2] !== undefined) tokens.push({ kind: "digits", length: m[2].length })
    else if (m[3] !== undefined) tokens.push({ kind: "sep", text: m[3] })
    else return null
  }
  if (tokens.length > 7) return null
  if (tokens[0]?.kind === "sep" || tokens[tokens.length - 1]?.kind === "sep") return null
  // A code of digits only (12345) looks like a postal code, an amount or an order number on every page; a code
  // of letters only (DUPONT-INDUS, made from a company name) like any word. Neither is a shape to search pages for.
  if (!tokens.some((t) => t.kind === "digits") || !tokens.some((t) => t.kind === "letters")) return null
  if (tokens.reduce((n, t) => n + (t.kind === "digits" ? t.length : 0), 0) < 2) return null
  return tokens
}

interface Group {
  count: number
  tokens: Token[]
  /** Per digit token: shortest and longest run seen. */
  digits: Map<number, { min: number; max: number }>
  /** Per letter token: the spellings seen (up to MAX_SPELLINGS + 1), and whether any was lower-case. */
  letters: Map<number, { spellings: Set<string>; lower: boolean; upper: boolean }>
}

function skeleton(tokens: Token[]): string {
  return tokens.map((t) => (t.kind === "letters" ? `L${t.text.length}` : t.kind === "digits" ? "D" : `S${t.text}`)).join("|")
}

// Syntax characters only: with the "u" flag, escaping anything else ("\-") is an error.
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")

function letterClass(l: { lower: boolean; upper: boolean }): string {
  return l.lower && l.upper ? "[A-Za-z]" : l.lower ? "[a-z]" : "[A-Z]"
}

function describe(g: Group): { shape: string; source: string } {
  let shape = ""
  let source = ""
  g.tokens.forEach((t, i) => {
    if (t.kind === "sep") {
      shape += escape(t.text)
      source += escape(t.text)
    } else if (t.kind === "digits") {
      const d = g.digits.get(i)!
      const n = d.min === d.max ? `{${d.min}}` : `{${d.min},${d.max}}`
      shape += `\\d${n}`
      source += `\\d${n}`
    } else {
      const l = g.letters.get(i)!
      shape += `${letterClass(l)}{${t.text.length}}`
      source += l.spellings.size <= MAX_SPELLINGS ? ([...l.spellings].length === 1 ? escape([...l.spellings][0]!) : `(?:${[...l.spellings].sort().map(escape).join("|")})`) : `${letterClass(l)}{${t.text.length}}`
    }
  })
  return { shape, source }
}

/** The shapes of a base's codes, the most common first; outliers left out. */
export function learnCodeShapes(codes: Iterable<string>, opts: LearnShapesOptions = {}): CodeShape[] {
  const maxShapes = opts.maxShapes ?? 6
  const minShare = opts.minShare ?? 0.02
  const minCount = opts.minCount ?? 2
  const groups = new Map<string, Group>()
  let total = 0
  for (const code of codes) {
    total++
    const tokens = tokenizeCode(code)
    if (tokens === null) continue
    const key = skeleton(tokens)
    let g = groups.get(key)
    if (!g) {
      g = { count: 0, tokens, digits: new Map(), letters: new Map() }
      groups.set(key, g)
    }
    g.count++
    tokens.forEach((t, i) => {
      if (t.kind === "digits") {
        const d = g.digits.get(i)
        if (!d) g.digits.set(i, { min: t.length, max: t.length })
        else {
          d.min = Math.min(d.min, t.length)
          d.max = Math.max(d.max, t.length)
        }
      } else if (t.kind === "letters") {
        let l = g.letters.get(i)
        if (!l) g.letters.set(i, (l = { spellings: new Set(), lower: false, upper: false }))
        if (l.spellings.size <= MAX_SPELLINGS) l.spellings.add(t.text)
        if (t.text !== t.text.toUpperCase()) l.lower = true
        if (t.text !== t.text.toLowerCase()) l.upper = true
      }
    })
  }
  const need = Math.max(minCount, Math.ceil(total * minShare))
  return [...groups.values()]
    .filter((g) => g.count >= need)
    .sort((a, b) => b.count - a.count)
    .slice(0, maxShapes)
    .map((g) => ({ ...describe(g), count: g.count }))
}

/** The page's code pattern: the learned shapes, whole words only. null when there are none. */
export function compileCodeShapes(sources: readonly string[]): RegExp | null {
  if (sources.length === 0) return null
  try {
    return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${sources.map((s) => `(?:${s})`).join("|")})(?![\\p{L}\\p{N}_])`, "gu")
  } catch {
    return null
  }
}

/**
 * What the page looks for: the settings' pattern when the user wrote one (an override), else the default pattern
 * together with the shapes learned from the base.
 */
export function pagePattern(settingsPattern: string, defaultPattern: string, learned: readonly string[]): string {
  if (settingsPattern !== defaultPattern || learned.length === 0) return settingsPattern
  return `(?:${defaultPattern})|(?<![\\p{L}\\p{N}_])(?:${learned.map((s) => `(?:${s})`).join("|")})(?![\\p{L}\\p{N}_])`
}
