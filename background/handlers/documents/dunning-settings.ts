import { checkSchedule } from "~src/domain/documents/dunning"
import { defineHandler } from "~src/messaging/handler"

import { DUNNING_KEY, dunningSchedule } from "./shared"

export const documentsDunningSettings = defineHandler("documents/dunning-settings", async (req) => {
  if (req.schedule) {
    const error = checkSchedule(req.schedule)
    if (error) return { schedule: await dunningSchedule(), error }
    await chrome.storage.local.set({ [DUNNING_KEY]: req.schedule })
  }
  return { schedule: await dunningSchedule() }
})
