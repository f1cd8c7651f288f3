import { describe, expect, it } from "vitest"

import { CallLog } from "~src/domain/calls/call-log.schema"

import { lateNotificationText } from "./callback-notifications"

// 4 March 2031 at 10:00 on this machine's clock, whatever its time zone: the notification shows the agent's own time.
const dueAt = new Date(2031, 2, 4, 10, 0).getTime()

const lateCallBack = (notes: string) => ({
  customer: null,
  log: CallLog.parse({
    id: "log-1",
    callId: "call-1",
    direction: "outbound",
    number: "+33612345678",
    customerId: null,
    startedAt: dueAt - 86_400_000,
    durationSeconds: 60,
    outcome: "call-back",
    callbackAt: dueAt,
    notes,
    agent: "agent@example.com",
    createdAt: 1
  })
})

describe("the notification of a call-back that was missed", () => {
  it("gives its time in French as the rest of the interface does, to the minute", () => {
    const { title, message } = lateNotificationText([lateCallBack("Rappeler pour le devis")], "fr")
    expect(title).toContain("+33612345678")
    expect(message).toBe("prévu le 04/03/2031 10:00 · Rappeler pour le devis")
  })

  it("gives its time in English with the month in letters, so no one reads 4 March as April 3", () => {
    expect(lateNotificationText([lateCallBack("")], "en").message).toBe("due 4 Mar 2031, 10:00")
  })
})
