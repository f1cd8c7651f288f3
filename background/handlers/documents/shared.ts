import { DocumentStore } from "~src/db/document-store"
import { checkSchedule, DEFAULT_DUNNING_SCHEDULE, type DunningSchedule } from "~src/domain/documents/dunning"
import { toIsoDate } from "~src/domain/documents/payment-terms"

import { services } from "../../services"
import { readSession } from "../../sync"

export const documents = new DocumentStore(services.db)

/** The device's today: lists and risk are read on the agent's calendar (the server sets issue dates itself). */
export function today(): string {
  return toIsoDate(new Date())
}

/** Who acts: the signed-in user; without a team server, this device alone (no manager to override). */
export async function me(): Promise<{ email: string; name: string; role: string }> {
  const s = await readSession()
  return s ? { email: s.user.email, name: s.user.name, role: s.user.role } : { email: "local", name: "", role: "agent" }
}

export const DUNNING_KEY = "dunningSchedule"

export async function dunningSchedule(): Promise<DunningSchedule> {
  const raw = (await chrome.storage.local.get(DUNNING_KEY))[DUNNING_KEY] as Partial<DunningSchedule> | undefined
  const s = { ...DEFAULT_DUNNING_SCHEDULE, ...(raw ?? {}) }
  return checkSchedule(s) === null ? s : DEFAULT_DUNNING_SCHEDULE
}
