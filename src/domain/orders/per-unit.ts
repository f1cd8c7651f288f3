/**
 * Quantities given per room, per person: "On a 4 salles… 2 flacons de gel par salle, plus 2 pour l'accueil", "a box
 * of gloves for each of our five dentists, and two for our hygienist". The line says the total (10 flacons, 7 boxes):
 * the count per unit times the units the mail counts, plus what it adds for one more place or person. Pure.
 */

const WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, un: 1, une: 1, two: 2, deux: 2, three: 3, trois: 3, four: 4, quatre: 4, five: 5, cinq: 5, six: 6, seven: 7, sept: 7,
  eight: 8, huit: 8, nine: 9, neuf: 9, ten: 10, dix: 10, eleven: 11, onze: 11, twelve: 12, douze: 12
}
const NUM = `\\d{1,3}|${Object.keys(WORDS).join("|")}`
const asNumber = (w: string): number => (/^\d+$/.test(w) ? Number(w) : (WORDS[w.toLowerCase()] ?? 0))
/** "salles" → "salle", "dentists" → "dentist": enough to match a counted noun with the one a line names. */
const stem = (w: string): string => w.toLowerCase().replace(/[sx]$/, "").replace(/e$/, "")

/** "On a 4 salles", "we have five dentists", "our 3 sites", "nos deux boutiques": how many of each the mail counts. */
const COUNTED = new RegExp(`\\b(?:on a|nous avons|il y a|we have|we ve got|there are|our|nos)\\s+(${NUM})\\s+([\\p{L}]{3,})`, "giu")
/** "… par salle", "… per room", "… for each of our (five) dentists", "… pour chacune des (4) salles". */
const PER = new RegExp(`\\s*(?:,\\s*)?\\b(?:par|per|pour chaque|pour chacune? des|for each(?: of)?(?: our| the| nos)?|each of(?: our)?)\\s+(?:(${NUM})\\s+)?([\\p{L}]{3,})`, "iu")
/** What the line adds for one more: "plus 2 pour l'accueil", "and two for our hygienist", "+ 1 for reception". */
const PLUS = new RegExp(`^\\s*,?\\s*(?:plus|and|et|\\+)\\s+(${NUM})\\s+(?:pour|for)\\s+(?:l['’]|le |la |les |our |the |nos |notre )?[\\p{L}]+`, "iu")

export function perUnit(lines: readonly string[]): string[] {
  const counts = new Map<string, number>()
  for (const l of lines) for (const m of l.matchAll(COUNTED)) if (asNumber(m[1]!) > 1) counts.set(stem(m[2]!), asNumber(m[1]!))
  return lines.map((line) => {
    const per = PER.exec(line)
    if (per === null) return line
    const units = per[1] !== undefined ? asNumber(per[1]) : counts.get(stem(per[2]!))
    if (units === undefined || units < 2) return line
    // The count the line gives is the last number or number word before "par …" in its sentence, not a measure.
    const head = line.slice(0, per.index)
    const from = Math.max(0, ...[...head.matchAll(/[.!?]\s/g)].map((m) => m.index + 2))
    const q = [...head.matchAll(new RegExp(`(?<![\\p{L}\\d])(${NUM})(?![\\p{L}\\d])`, "giu"))].filter((m) => m.index >= from && !/^\d+\s*(?:ml|cl|l|kg|g|m|mm|cm)\b/i.test(head.slice(m.index, m.index + m[0].length + 4))).pop()
    if (q === undefined) return line
    const rest = line.slice(per.index + per[0].length)
    const plus = PLUS.exec(rest)
    const total = asNumber(q[1]!) * units + (plus === null ? 0 : asNumber(plus[1]!))
    return `${head.slice(0, q.index)}${total}${head.slice(q.index + q[0].length)}${plus === null ? rest : rest.slice(plus[0].length)}`
  })
}
