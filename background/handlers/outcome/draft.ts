import { defineHandler } from "~src/messaging/handler"

import { callOutcomes } from "../../call-outcomes"

export const outcomeDraft = defineHandler("outcome/draft", async (req) => ({ draft: (await callOutcomes().draft(req.id)) ?? null }))
