import { defineHandler } from "~src/messaging/handler"

import { runSync, syncStatus } from "../../sync"

export const syncNow = defineHandler("sync/now", async () => {
  await runSync(true)
  return syncStatus()
})
