import { checkSchedule } from "~src/domain/documents/dunning"
import { checkLatePenalty } from "~src/domain/documents/late-penalty"
import { todayInFrance } from "~src/domain/documents/payment-terms"
import { defineHandler } from "~src/messaging/handler"

import { readSession, runSync } from "../../sync"
import { documentsDb } from "../quotes/documents"

/** Managers and admins only (the server refuses others too: the table's write roles). */
export const teamSellerSave = defineHandler("team/seller-save", async (req) => {
  const session = await readSession()
  if (!session || (session.user.role !== "manager" && session.user.role !== "admin")) return { ok: false, error: "manager-only" }
  const error = req.dunningSchedule ? checkSchedule(req.dunningSchedule) : null
  if (error) return { ok: false, error }
  // The penalty floor of today's half-year (the server checks it again: the row's schema).
  const penalty = checkLatePenalty(req.seller.latePenalty, todayInFrance())
  if (!penalty.ok) return { ok: false, error: penalty.message }
  const before = (await documentsDb.teamSettings.get("seller")) as { dunningSchedule?: unknown; riskOverdueDays?: unknown } | undefined
  // A sender that says nothing of them (an older options page) leaves the team's reminder days and threshold as they are.
  const dunningSchedule = req.dunningSchedule ?? before?.dunningSchedule
  const riskOverdueDays = req.riskOverdueDays ?? before?.riskOverdueDays
  await documentsDb.teamSettings.put({
    id: "seller",
    seller: req.seller,
    quoteValidityDays: req.validityDays,
    ...(dunningSchedule ? { dunningSchedule } : {}),
    ...(riskOverdueDays !== undefined ? { riskOverdueDays } : {}),
    updatedAt: Date.now()
  })
  void runSync(true).catch(() => undefined)
  return { ok: true }
})
