import { describe, expect, it } from "vitest"

import { CallLog } from "./call-log.schema"
import { CALLBACK_PREFIX, lateCallbacks, reminderPlan } from "./reminders"

const NOW = Date.UTC(2026, 11, 2, 9, 0)
const log = (over: Partial<CallLog>) =>
  CallLog.parse({ id: "l1", direction: "outbound", number: null, customerId: "cu1", startedAt: NOW - 60_000, durationSeconds: 60, outcome: "call-back", callbackAt: NOW + 3_600_000, agent: "Agent1@Demo.test", createdAt: NOW, ...over })

describe("call-back reminders on each of the agent's devices", () => {
  it("sets one alarm per call-back of the signed-in agent still to come, named after its log", () => {
    const plan = reminderPlan({ logs: [log({}), log({ id: "l2", agent: "someone@demo.test" }), log({ id: "l3", callbackAt: NOW - 1 })], agent: "agent1@demo.test", now: NOW, alarms: [] })
    expect(plan).toEqual({ create: [{ name: `${CALLBACK_PREFIX}l1`, when: NOW + 3_600_000 }], clear: [] })
  })

  it("leaves an alarm already set at the right time alone, and moves one whose time changed", () => {
    const same = reminderPlan({ logs: [log({})], agent: "agent1@demo.test", now: NOW, alarms: [{ name: `${CALLBACK_PREFIX}l1`, scheduledTime: NOW + 3_600_000 }] })
    expect(same.create).toEqual([])
    const moved = reminderPlan({ logs: [log({})], agent: "agent1@demo.test", now: NOW, alarms: [{ name: `${CALLBACK_PREFIX}l1`, scheduledTime: NOW + 60_000 }] })
    expect(moved.create).toEqual([{ name: `${CALLBACK_PREFIX}l1`, when: NOW + 3_600_000 }])
  })

  it("rings the correction's call-back, not the corrected one's", () => {
    const plan = reminderPlan({
      logs: [log({}), log({ id: "l2", correctsId: "l1", callbackAt: NOW + 7_200_000 })],
      agent: "agent1@demo.test",
      now: NOW,
      alarms: [{ name: `${CALLBACK_PREFIX}l1`, scheduledTime: NOW + 3_600_000 }, { name: `${CALLBACK_PREFIX}unknown`, scheduledTime: NOW + 1 }]
    })
    expect(plan).toEqual({ create: [{ name: `${CALLBACK_PREFIX}l2`, when: NOW + 7_200_000 }], clear: [`${CALLBACK_PREFIX}l1`] })
  })

  it("sets nothing without a signed-in agent (nobody to remind on a device outside a team)", () => {
    expect(reminderPlan({ logs: [log({ agent: "" })], agent: "", now: NOW, alarms: [] }).create).toEqual([])
  })
})

describe("call-backs whose time passed while the device was off", () => {
  const late = (over: Partial<CallLog>) => log({ startedAt: NOW - 3 * 3_600_000, callbackAt: NOW - 3_600_000, ...over })
  const agent = "agent1@demo.test"

  it("lists the agent's call-back that fell due an hour ago, which no alarm will ring any more", () => {
    const due = lateCallbacks({ logs: [late({})], agent, now: NOW, shown: new Set() })
    expect(due.map((l) => l.id)).toEqual(["l1"])
    // The alarms' plan has nothing for it: it is in the past.
    expect(reminderPlan({ logs: [late({})], agent, now: NOW, alarms: [] }).create).toEqual([])
  })

  it("shows it once per device: a reminder already shown here is not shown again", () => {
    expect(lateCallbacks({ logs: [late({})], agent, now: NOW, shown: new Set(["l1"]) })).toEqual([])
  })

  it("leaves out other agents' call-backs, those still to come, and those more than a week old", () => {
    const logs = [late({ id: "other", agent: "someone@demo.test" }), late({ id: "future", callbackAt: NOW + 60_000 }), late({ id: "old", startedAt: NOW - 9 * 86_400_000, callbackAt: NOW - 8 * 86_400_000 })]
    expect(lateCallbacks({ logs, agent, now: NOW, shown: new Set() })).toEqual([])
  })

  it("leaves out a call-back the customer was called again for since", () => {
    const logs = [late({}), log({ id: "l2", startedAt: NOW - 30 * 60_000, outcome: "order-taken", callbackAt: null })]
    expect(lateCallbacks({ logs, agent, now: NOW, shown: new Set() })).toEqual([])
  })

  it("follows corrections: the corrected call-back is replaced by its correction's time", () => {
    const logs = [late({}), late({ id: "l1b", correctsId: "l1", callbackAt: NOW - 10 * 60_000 })]
    expect(lateCallbacks({ logs, agent, now: NOW, shown: new Set() }).map((l) => l.id)).toEqual(["l1b"])
    const movedAway = [late({}), late({ id: "l1c", correctsId: "l1", callbackAt: NOW + 86_400_000 })]
    expect(lateCallbacks({ logs: movedAway, agent, now: NOW, shown: new Set() })).toEqual([])
  })

  it("lists several missed call-backs oldest first, and none without a signed-in agent", () => {
    const logs = [late({ id: "a", customerId: "cu1", callbackAt: NOW - 60_000 }), late({ id: "b", customerId: "cu2", callbackAt: NOW - 7_200_000 })]
    expect(lateCallbacks({ logs, agent, now: NOW, shown: new Set() }).map((l) => l.id)).toEqual(["b", "a"])
    expect(lateCallbacks({ logs, agent: "", now: NOW, shown: new Set() })).toEqual([])
  })
})
