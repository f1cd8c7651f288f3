import { describe, expect, it } from "vitest"

import { talkSecondsOf } from "~src/domain/calls/outcome-form"
import { MARKER_HEARTBEAT_MS } from "~src/domain/telephony"

import { beatDuringTheTalk, callTheCustomer, outcomeSavedOnce, registers, relaunchRegistered, ringsWithTheCallersCard, theOnlyCallLogged, useLabAndProfile } from "./call-across-restart"

/**
 * Firefox restarted in the middle of a call: the browser's process killed (a crash, or the machine shut down
 * under it) and Firefox started again on the same profile. The build is installed in the profile (a temporary
 * add-on goes with the browser), through the real SIP lab. The call went with the browser, and with it
 * `storage.session`'s view of it: only the call marker in `storage.local` (call-marker.ts) is left to log it.
 */

const bench = useLabAndProfile()

describe("Firefox ESR restarted during a call (the add-on installed in the profile)", () => {
  it("the call the browser took with it is in the call history at the next start, cut, talk time as far as it was seen, to log once; the softphone registers again by itself", async () => {
    const { dock, callId, number, customerId } = await callTheCustomer(bench)
    const seen = await beatDuringTheTalk(dock)
    expect(seen).toMatchObject({ callId, direction: "outbound", number, customerId })
    expect(seen!.seenAt - seen!.answeredAt!).toBeGreaterThan(MARKER_HEARTBEAT_MS / 2)

    // The browser dies in the middle of the call; the lab's phone is hung up (no BYE came from a dead browser).
    await bench.firefox.kill()
    await bench.lab.command("hangup").catch(() => undefined)
    const next = await relaunchRegistered(bench, registers(bench), "restarted")

    // The cut call is in the call history, once: ended as failed at the last moment it was seen up, to the customer.
    expect(await theOnlyCallLogged(next)).toMatchObject({
      id: callId,
      direction: "outbound",
      number,
      customerId,
      endReason: "failed",
      answeredAt: seen!.answeredAt,
      endedAt: seen!.seenAt,
      durationMs: seen!.seenAt - seen!.answeredAt!
    })

    // Its outcome form opens by itself and says why it is there, with the talk time up to the last sign of the line.
    expect(talkSecondsOf({ answeredAt: seen!.answeredAt, endedAt: seen!.seenAt })).toBeGreaterThan(MARKER_HEARTBEAT_MS / 2000)
    await outcomeSavedOnce(next, { callId, number, customerId, answeredAt: seen!.answeredAt!, endedAt: seen!.seenAt }, "firefox-restart-cut-call.png")

    await ringsWithTheCallersCard(bench, next)
    await next.close()
  }, 120_000)
})
