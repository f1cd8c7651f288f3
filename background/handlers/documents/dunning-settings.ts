import { checkSchedule } from "~src/domain/documents/dunning"
import { defineHandler } from "~src/messaging/handler"

import { readSession, runSync } from "../../sync"
import { documentsDb } from "../quotes/documents"
import { dunningSchedule, teamSettingsRow } from "./shared"

/** The team's reminder days; a manager's change goes into the team's settings row and reaches everyone by sync. */
export const documentsDunningSettings = defineHandler("documents/dunning-settings", async (req) => {
  const session = await readSession()
  const mayEdit = session !== null && (session.user.role === "manager" || session.user.role === "admin")
  if (req.schedule) {
    const error = checkSchedule(req.schedule) ?? (mayEdit ? null : "only a manager sets the team's reminder days")
    if (error) return { schedule: await dunningSchedule(), error, mayEdit }
    const row = await teamSettingsRow()
    if (!row?.seller) return { schedule: await dunningSchedule(), error: "fill in the seller identity first (options page)", mayEdit }
    await documentsDb.teamSettings.put({ ...row, dunningSchedule: req.schedule, updatedAt: Date.now() })
    void runSync(true).catch(() => undefined)
  }
  return { schedule: await dunningSchedule(), mayEdit }
})
