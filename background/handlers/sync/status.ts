import { defineHandler } from "~src/messaging/handler"

import { syncStatus } from "../../sync"

export const syncStatusHandler = defineHandler("sync/status", () => syncStatus())
