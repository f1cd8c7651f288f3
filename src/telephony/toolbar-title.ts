import type { TFunction } from "i18next"

import { visibleState, type PhoneState, type SoftphoneView } from "~src/domain/telephony"
import { formatPhone } from "~src/features/customer-card/format"

/**
 * The toolbar button's tooltip: the state in the agent's words (the dock's own, `softphone.state.*`), and during a
 * call who is on the line (the customer's company, else the number as the dock writes it) and whether the microphone
 * is off or the call on hold. It said "Comptoir · in-call" in every language and nothing of mute or hold.
 */
export function toolbarTitle(state: PhoneState, caller: SoftphoneView["caller"], t: TFunction, agentCountry: string): string {
  const parts = ["Comptoir", t(`softphone.state.${visibleState(state)}`)]
  const call = state.call
  if (call) {
    const chosen = caller?.callId === call.id ? caller.candidates.find((c) => c.id === caller.customerId) : undefined
    const number = call.number ? formatPhone(call.number, agentCountry) : ""
    const who = chosen ? (number ? `${chosen.company} (${number})` : chosen.company) : number || call.displayName
    if (who) parts.push(who)
    if (call.phase !== "ended" && call.muted) parts.push(t("softphone.dock.mutedChip"))
    if (call.phase !== "ended" && call.onHold) parts.push(t("softphone.dock.heldChip"))
  }
  return parts.join(" · ")
}

/** The ringing call's system notification: who (the one customer, how many, else the caller's name) and the number as the dock writes it. */
export function ringingNotice(number: string, displayName: string, candidates: readonly { company: string }[], t: TFunction, agentCountry: string): { title: string; message: string } {
  const who = candidates.length === 1 ? candidates[0]!.company : candidates.length > 1 ? t("softphone.notify.customers", { count: candidates.length }) : displayName || t("softphone.notify.unknown")
  return { title: `☎ ${who}`, message: formatPhone(number, agentCountry) }
}
