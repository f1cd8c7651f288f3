export interface EmailMatch {
  start: number
  end: number
  /** Lower-cased: the lookup key form (customer.schema.ts `emailKey`). */
  email: string
}

// The practical subset of RFC 5322 that people write in mails and CRMs: quoted local parts and IP-literal domains
// never show up there, and allowing ' { } = would glue quotes and markup to the address.
const LOCAL = "[\\p{L}\\p{N}_%+\\-]+(?:\\.[\\p{L}\\p{N}_%+\\-]+)*"
const LABEL = "[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\-]{0,61}[\\p{L}\\p{N}])?"
const EMAIL = new RegExp(
  // Not glued to a longer local part on the left ("x.@", "@@"), and the top-level domain is letters only and ends
  // the word: "a@b" has none, "jean@x.fr." keeps its full stop out, "logo@2x.png" is handled below.
  `(?<![\\p{L}\\p{N}_%+\\-.@])(${LOCAL})@((?:${LABEL}\\.)+\\p{L}{2,24})(?![\\p{L}\\p{N}_\\-@]|\\.[\\p{L}\\p{N}])`,
  "gu"
)

/** Retina image names (logo@2x.png) look like addresses; no mail domain ends like that. */
const FILE_SUFFIXES = new Set(["png", "jpg", "jpeg", "gif", "svg", "webp", "avif", "bmp", "ico", "css", "js"])

export function findEmails(text: string): EmailMatch[] {
  if (!text.includes("@")) return []
  const out: EmailMatch[] = []
  EMAIL.lastIndex = 0
  for (let m = EMAIL.exec(text); m !== null; m = EMAIL.exec(text)) {
    const local = m[1] ?? ""
    const domain = m[2] ?? ""
    if (local.length > 64 || m[0].length > 254) continue
    const tld = domain.slice(domain.lastIndexOf(".") + 1).toLowerCase()
    if (FILE_SUFFIXES.has(tld)) continue
    out.push({ start: m.index, end: m.index + m[0].length, email: m[0].toLowerCase() })
  }
  return out
}
