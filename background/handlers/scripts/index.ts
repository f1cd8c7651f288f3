import { CallScriptStore } from "~src/db/call-script-store"
import { defineHandler } from "~src/messaging/handler"

import { services } from "../../services"
import { readSession, runSync } from "../../sync"

/** The role comes from the signed-in session the background holds, never from the page asking. */
const store = new CallScriptStore(services.db, async () => (await readSession())?.user.role ?? null)

export const scriptsList = defineHandler("scripts/list", () => store.list())

export const scriptsSave = defineHandler("scripts/save", async (req) => {
  const r = await store.save(req.script, Date.now())
  if (r.ok) void runSync(true).catch(() => undefined)
  return r
})

export const scriptsDelete = defineHandler("scripts/delete", async (req) => {
  const r = await store.delete(req.id)
  if (r.ok) void runSync(true).catch(() => undefined)
  return r
})

export const scriptsHandlers = [scriptsList, scriptsSave, scriptsDelete] as const
