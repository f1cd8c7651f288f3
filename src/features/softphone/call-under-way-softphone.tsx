import type { ReactNode } from "react"

import { CallUnderWay, underWayNumber } from "./call-under-way"
import { useSoftphoneSelect } from "./use-softphone"

/**
 * An extension page's call buttons (its cards', its dock's history) told of the call under way, from the softphone's
 * view; only they render again when a call starts or ends, not the page under this.
 */
export function CallUnderWayFromSoftphone({ children }: { children: ReactNode }) {
  const number = useSoftphoneSelect((view) => underWayNumber(view?.state.call))
  return <CallUnderWay.Provider value={number}>{children}</CallUnderWay.Provider>
}
