import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"

export const outcomePending = defineHandler("outcome/pending", async () => ({ drafts: await callOutcomes().pending() }))
