import { nameKey } from "../customers/sales-rep"
import { memoize } from "./text"

/** The team's users an import checks its sales reps against: `active` may be reps, `inactive` only says why not. */
export interface ImportTeam {
  active: readonly string[]
  inactive?: readonly string[]
}

export type ReadRep = { name: string } | { unknown: "disabled" | "stranger" }

/**
 * Reads a file's sales rep as the active user it names (case, accents and spaces aside, written as the team spells
 * it), else says why it is none. Each spelling of the file is read once: a 100k-row file names a few reps.
 */
export function salesRepReader(team: ImportTeam): (written: string) => ReadRep {
  const activeByKey = new Map(team.active.map((n) => [nameKey(n), n.trim()]))
  const inactiveKeys = new Set((team.inactive ?? []).map(nameKey))
  return memoize((written: string): ReadRep => {
    const found = activeByKey.get(nameKey(written))
    return found ? { name: found } : { unknown: inactiveKeys.has(nameKey(written)) ? "disabled" : "stranger" }
  })
}
