import { refusedChangeView } from "~src/domain/sync/refused-change"
import { defineHandler } from "~src/messaging/handler"

import { syncEngine } from "../../sync"

export const conflictsList = defineHandler("conflicts/list", async () => ({
  conflicts: (await syncEngine().conflicts(50)).map(refusedChangeView)
}))
