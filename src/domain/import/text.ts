// eslint-disable-next-line no-control-regex -- any ASCII value, controls included, folds by lower-casing
const ASCII = /^[\x00-\x7f]*$/

/**
 * Folds text for comparisons that people expect to be forgiving: "Société", "SOCIETE" and "societe" are the
 * same header; "Œuvre" and "oeuvre" the same company word.
 */
export function fold(s: string): string {
  // Plain ASCII needs no Unicode normalisation, and the accented values of a file (first names, cities,
  // countries) repeat: the normalisation otherwise tops an import's profile.
  if (ASCII.test(s)) return s.toLowerCase()
  let folded = foldCache.get(s)
  if (folded === undefined) {
    folded = s
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/œ/g, "oe")
      .replace(/æ/g, "ae")
      .replace(/ß/g, "ss")
    if (foldCache.size >= 20_000) foldCache.clear()
    foldCache.set(s, folded)
  }
  return folded
}

const foldCache = new Map<string, string>()

/** A key with only letters and digits: "N° TVA" → "ntva", "E-mail" → "email", "Tél." → "tel". */
export function compactKey(s: string): string {
  return fold(s).replace(/[^a-z0-9]+/g, "")
}

/** Folded and with runs of spaces collapsed: how two spellings of one company name are compared. */
export function looseKey(s: string): string {
  return fold(s).replace(/[^\p{L}\p{N}]+/gu, " ").trim()
}

// Spreadsheet users protect cells that start with = + - @ with a leading apostrophe (and our export does the
// same against formula injection); the apostrophe is not part of the value.
const PROTECTED = /^'(?=[=+\-@])/
// The same protection inside a value, after a separator or a line break (export.ts writes it there).
const INNER_PROTECTED = /([,;\r\n][\s"]*)'(?=[=+\-@])/g

function unprotect(value: string): string {
  const v = value.charCodeAt(0) === 39 ? value.replace(PROTECTED, "") : value
  return v.includes("'") ? v.replace(INNER_PROTECTED, "$1") : v
}

// Any Unicode space (NBSP and the narrow NBSP French Excel puts in numbers included) becomes a plain space.
const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g

/** A cell as a value: trimmed, inner whitespace collapsed, spreadsheet protection removed. */
export function cleanCell(raw: string | undefined): string {
  if (raw === undefined || raw === "") return ""
  const value = hasUnusualSpace(raw) ? raw.replace(SPACES, " ").trim() : raw.trim()
  return unprotect(value)
}

/**
 * Whether a value holds whitespace other than single plain spaces, the only case where cleaning has work to
 * do. A character loop: the equivalent regular expression, run on every cell, was 8 % of a 100k-row import.
 */
function hasUnusualSpace(s: string): boolean {
  let previousSpace = false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c === 32) {
      if (previousSpace) return true
      previousSpace = true
      continue
    }
    previousSpace = false
    if (c < 32) return true
    if (c > 126 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff)) return true
  }
  return false
}

// Placeholders CRM and spreadsheet exports write in empty optional cells; reading them as values would
// reject valid rows ("NC" is not an email, "-" is not a phone).
const PLACEHOLDERS = new Set(["-", "--", "---", "—", "–", "n/a", "na", "n.a.", "nc", "n.c.", "n/c", "néant", "neant", "aucun", "aucune", "none", "null", "nil", "?", "/", "."])

export function isPlaceholder(value: string): boolean {
  return value.length <= 7 && PLACEHOLDERS.has(value.toLowerCase())
}

const H_SPACES = /[\t\v\f \u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g

/** Like cleanCell but keeps line breaks (an address written on two lines in one cell stays on two lines). */
export function cleanMultilineCell(raw: string | undefined): string {
  if (raw === undefined || raw === "") return ""
  if (!raw.includes("\n") && !raw.includes("\r")) return cleanCell(raw)
  return raw
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(H_SPACES, " ").trim())
    .filter((l) => l !== "")
    .join("\n")
    .replace(/^'(?=[=+\-@])/gm, "")
    .replace(INNER_PROTECTED, "$1")
}

/** Shortens a value quoted in a rejection reason so a 10 kB cell does not flood the report. */
export function quote(value: string, max = 60): string {
  const v = value.length > max ? value.slice(0, max - 1) + "…" : value
  return `"${v}"`
}

/**
 * Remembers a pure reader's answers for the spellings a file repeats (amounts, terms, languages). Bounded:
 * forgets everything past `max` entries rather than growing with a file of unique values.
 */
export function memoize<T>(read: (text: string) => T, max = 5000): (text: string) => T {
  const seen = new Map<string, T>()
  return (text) => {
    let value = seen.get(text)
    if (value === undefined) {
      value = read(text)
      if (seen.size >= max) seen.clear()
      seen.set(text, value)
    }
    return value
  }
}
