import { defineHandler } from "~src/messaging/handler"
import { toSyncError } from "~src/sync/sync-errors"

import { baseChanged } from "../../services"
import { runSync, syncEngine, syncStatus } from "../../sync"

export const conflictsResolve = defineHandler("conflicts/resolve", async ({ id, choice }) => {
  try {
    const r = await syncEngine().resolveConflict(id, choice)
    if (r.requeued) {
      baseChanged()
      void runSync(true).catch(() => undefined)
    }
    return { ok: r.resolved, ...(r.resolved ? {} : { error: "this refused change was already answered" }), status: await syncStatus() }
  } catch (e) {
    return { ok: false, error: toSyncError(e).message, status: await syncStatus() }
  }
})
