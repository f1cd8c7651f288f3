import { foldText } from "../search/fold-text"

/** What the rule reads of a customer: its company name and its contacts' names. */
export interface NameCandidate {
  id: string
  company: string
  contacts: readonly { firstName: string; lastName: string }[]
}

export interface StrictNameMatch {
  id: string
  /** The whole name was a contact's first and last name (typo: one edit away), or the company's name. */
  via: "contact" | "company"
  typo: boolean
}

/**
 * The display name of a mail's sender, matched against customers by the strict rule: a wrong card is worse than
 * no card, so a name brings a customer only when it is the WHOLE name of exactly one contact (first and last name,
 * in either order, accents and case folded, at most one typo over the whole name), or exactly one customer's
 * company name (folded). A lone first name, a street, "Sales Agent" or a name shared by two customers bring
 * nothing. An exact contact match wins over a one-typo one ("Jean Dupont" is not ambiguous because a "Jean
 * Dupond" exists elsewhere); two exact ones, or two one-typo ones, are ambiguous: nothing.
 */
export function strictNameMatch(name: string, candidates: readonly NameCandidate[]): StrictNameMatch | null {
  const folded = foldText(name)
  if (folded.length < 3) return null
  const companies = new Set<string>()
  const exact = new Set<string>()
  const typos = new Set<string>()
  for (const c of candidates) {
    if (foldText(c.company) === folded) companies.add(c.id)
    // A person's name is two words at least: a single word ("Marie", "Martin") is shared by too many people.
    if (!folded.includes(" ")) continue
    for (const p of c.contacts) {
      const first = foldText(p.firstName)
      const last = foldText(p.lastName)
      if (first === "" || last === "") continue
      const d = Math.min(editDistanceAtMost1(folded, `${first} ${last}`), editDistanceAtMost1(folded, `${last} ${first}`))
      if (d === 0) exact.add(c.id)
      else if (d === 1) typos.add(c.id)
    }
  }
  if (exact.size === 1) return { id: [...exact][0]!, via: "contact", typo: false }
  if (exact.size > 1) return null
  if (typos.size === 1 && companies.size === 0) return { id: [...typos][0]!, via: "contact", typo: true }
  if (typos.size > 1) return null
  if (companies.size === 1) return { id: [...companies][0]!, via: "company", typo: false }
  return null
}

/**
 * 0 when equal, 1 when one insertion, deletion, substitution or swap of two neighbours apart, 2 for anything
 * farther: the rule only needs to know "at most one typo", in one linear pass.
 */
export function editDistanceAtMost1(a: string, b: string): 0 | 1 | 2 {
  if (a === b) return 0
  const la = a.length
  const lb = b.length
  if (Math.abs(la - lb) > 1) return 2
  let i = 0
  while (i < la && i < lb && a[i] === b[i]) i++
  if (la === lb) {
    // One substitution, or two neighbours swapped.
    if (a.slice(i + 1) === b.slice(i + 1)) return 1
    if (i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2)) return 1
    return 2
  }
  // One insertion or deletion.
  return la > lb ? (a.slice(i + 1) === b.slice(i) ? 1 : 2) : a.slice(i) === b.slice(i + 1) ? 1 : 2
}

/** The same person written twice (the user's own name in two places), folded. */
export function sameName(a: string, b: string): boolean {
  const fa = foldText(a)
  return fa !== "" && fa === foldText(b)
}
