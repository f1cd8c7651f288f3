import { defineHandler } from "~src/messaging/handler"

import { readSession, runSync } from "../../sync"
import { documentsDb } from "../quotes/documents"

/** Managers and admins only (the server refuses others too: the table's write roles). */
export const teamSellerSave = defineHandler("team/seller-save", async (req) => {
  const session = await readSession()
  if (!session || (session.user.role !== "manager" && session.user.role !== "admin")) return { ok: false, error: "manager-only" }
  await documentsDb.teamSettings.put({ id: "seller", seller: req.seller, quoteValidityDays: req.validityDays, updatedAt: Date.now() })
  void runSync(true).catch(() => undefined)
  return { ok: true }
})
