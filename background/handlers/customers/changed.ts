import { defineHandler } from "~src/messaging/handler"

import { baseChanged } from "../../services"
import { runSync } from "../../sync"

export const customersChanged = defineHandler("customers/changed", async () => {
  baseChanged()
  // The import's changes are in the outbox already (same transaction): push them now, not at the next alarm.
  void runSync(true).catch(() => undefined)
  return { ok: true as const }
})
