import { useEffect, useState } from "react"

import { send } from "~src/messaging/send"

import type { SalesRepTeam } from "./sales-rep-pick"

const NO_TEAM: SalesRepTeam = { active: [], inactive: [] }

/**
 * The team's names for a sales-rep pick, asked of the background as the form opens (`team/reps`: the names it keeps,
 * so offline too, the names last known). `initial`: what the form came with (a quote's context), shown until the
 * answer; null, the pick waits. No answer at all: the names it came with, or none (the name is typed).
 */
export function useSalesRepTeam(initial: SalesRepTeam | null): SalesRepTeam | null {
  const [team, setTeam] = useState<SalesRepTeam | null>(initial)
  useEffect(() => {
    let live = true
    send("team/reps", {}).then(
      (r) => live && setTeam(r),
      () => live && setTeam((known) => known ?? NO_TEAM)
    )
    return () => {
      live = false
    }
  }, [])
  return team
}
