import { nameKey } from "../customers/sales-rep"
import { memoize } from "./text"

/** The team's users an import checks its sales reps against: `active` may be reps, `inactive` only says why not. */
export interface ImportTeam {
  active: readonly string[]
  inactive?: readonly string[]
  /** The active members' e-mails: a CRM's owner column often holds the owner's e-mail rather than a name. */
  people?: readonly { name: string; email: string }[]
}

export type ReadRep = { name: string } | { unknown: "disabled" | "stranger" }

/**
 * Reads a file's sales rep as the active user it names, by name (case, accents and spaces aside, written as the team
 * spells it) or by e-mail, else says why it is none. Each spelling of the file is read once: a 100k-row file names a few reps.
 */
export function salesRepReader(team: ImportTeam): (written: string) => ReadRep {
  const activeByKey = new Map(team.active.map((n) => [nameKey(n), n.trim()]))
  const inactiveKeys = new Set((team.inactive ?? []).map(nameKey))
  const activeNames = new Set(team.active.map(nameKey))
  // Only an active member's e-mail names a rep (the list may hold a name the team has since disabled).
  const activeByEmail = new Map((team.people ?? []).filter((p) => activeNames.has(nameKey(p.name))).map((p) => [p.email.trim().toLowerCase(), p.name.trim()]))
  return memoize((written: string): ReadRep => {
    const found = activeByKey.get(nameKey(written)) ?? activeByEmail.get(written.trim().toLowerCase())
    return found ? { name: found } : { unknown: inactiveKeys.has(nameKey(written)) ? "disabled" : "stranger" }
  })
}
