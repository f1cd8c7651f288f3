import { describe, expect, it } from "vitest"

import { MIN_VISIBLE_MS, VisibilityGate, type GateState } from "./visibility-gate"

/** A clock the test moves by hand. */
function manualClock() {
  let now = 0
  let timers: { at: number; run: () => void }[] = []
  return {
    after(ms: number, run: () => void) {
      const t = { at: now + ms, run }
      timers.push(t)
      return () => (timers = timers.filter((x) => x !== t))
    },
    advance(ms: number) {
      now += ms
      const due = timers.filter((t) => t.at <= now)
      timers = timers.filter((t) => t.at > now)
      for (const t of due) t.run()
    }
  }
}

const seen = { intersecting: true, visible: true }
const covered = { intersecting: true, visible: false }
const hidden = { intersecting: false, visible: false }

function gateWithLog() {
  const clock = manualClock()
  const log: GateState[] = []
  const gate = new VisibilityGate(clock, (s) => log.push(s))
  return { clock, log, gate }
}

describe("the quote frame's visibility gate", () => {
  it("lets nothing act before the browser has said the frame is seen", () => {
    const { gate } = gateWithLog()
    expect(gate.current).toBe("checking")
    expect(gate.mayAct).toBe(false)
  })

  it("opens once the frame has been seen unobscured for MIN_VISIBLE_MS, not before", () => {
    const { clock, gate } = gateWithLog()
    gate.report(seen)
    clock.advance(MIN_VISIBLE_MS - 1)
    expect(gate.mayAct).toBe(false)
    clock.advance(1)
    expect(gate.mayAct).toBe(true)
  })

  it("counts from the first report that the frame is seen, not from the later ones", () => {
    const { clock, gate } = gateWithLog()
    gate.report(seen)
    clock.advance(300)
    gate.report(seen)
    clock.advance(MIN_VISIBLE_MS - 300)
    expect(gate.mayAct).toBe(true)
  })

  it("closes at once when the page draws over the frame, and says it is covered", () => {
    const { clock, gate, log } = gateWithLog()
    gate.report(seen)
    clock.advance(MIN_VISIBLE_MS)
    gate.report(covered)
    expect(gate.mayAct).toBe(false)
    expect(log).toEqual(["open", "covered"])
  })

  it("stays closed when the cover is taken away just before a click: the wait starts again", () => {
    const { clock, gate } = gateWithLog()
    gate.report(covered)
    gate.report(seen)
    clock.advance(100)
    expect(gate.mayAct).toBe(false)
    gate.report(covered)
    gate.report(seen)
    clock.advance(MIN_VISIBLE_MS - 1)
    expect(gate.mayAct).toBe(false)
    clock.advance(1)
    expect(gate.mayAct).toBe(true)
  })

  it("does not open from a wait begun before a cover came and went", () => {
    const { clock, gate } = gateWithLog()
    gate.report(seen)
    clock.advance(400)
    gate.report(covered)
    clock.advance(200)
    expect(gate.mayAct).toBe(false)
    expect(gate.current).toBe("covered")
  })

  it("says nothing of a cover while the frame is merely hidden (the overlay closed), and waits again when shown", () => {
    const { clock, gate } = gateWithLog()
    gate.report(seen)
    clock.advance(MIN_VISIBLE_MS)
    gate.report(hidden)
    expect(gate.current).toBe("checking")
    gate.report(seen)
    expect(gate.mayAct).toBe(false)
    clock.advance(MIN_VISIBLE_MS)
    expect(gate.mayAct).toBe(true)
  })

  it("stays closed for good in a browser that cannot tell whether the frame is covered", () => {
    const { clock, gate } = gateWithLog()
    gate.report(seen)
    gate.unsupported()
    clock.advance(MIN_VISIBLE_MS)
    gate.report(seen)
    clock.advance(MIN_VISIBLE_MS)
    expect(gate.current).toBe("unsupported")
    expect(gate.mayAct).toBe(false)
  })
})
