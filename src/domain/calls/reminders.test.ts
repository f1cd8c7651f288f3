import { describe, expect, it } from "vitest"

import { CallLog } from "./call-log.schema"
import { CALLBACK_PREFIX, reminderPlan } from "./reminders"

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
