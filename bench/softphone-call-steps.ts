/**
 * The softphone bench's step table (BENCH_CALL_TRACE=1; bench/softphone.bench.ts): each outgoing call's set-up
 * stamped the same way in the offscreen document and in the bare page (src/telephony/call-trace.ts).
 */
import type { CallTrace } from "~src/telephony/call-trace"

import { pct } from "./softphone-stats"

export interface TracedCall {
  /** The click (ours) or the call() (bare), and the in-call shown, Date.now() in the page. */
  t0: number
  shownAt: number
  trace: CallTrace
  /** The dock's storage events and React commits (ours), absolute ms. */
  dock: { kind: string; phase?: string | null; at: number }[]
}

/**
 * The step table (BENCH_CALL_TRACE=1): each step's time since the side's start of the call in the page that sets it
 * up (ours: the offscreen document has the command; bare: call()), p50 / p95 over the warm calls; and how late that
 * page's main thread ran the probe's tasks between that start and Established (a task posted every ~2 ms).
 */
export function printCallTraces(ours: TracedCall[], bare: TracedCall[], results: Record<string, unknown>): void {
  const startOf = (c: TracedCall) => c.trace.steps[0]!.at
  const stepTimes = (calls: TracedCall[]) => {
    const by = new Map<string, number[]>()
    for (const c of calls) {
      const seen = new Set<string>()
      for (const { step, at } of c.trace.steps) {
        if (seen.has(step)) continue
        seen.add(step)
        by.set(step, [...(by.get(step) ?? []), at - startOf(c)])
      }
      by.set("in-call shown", [...(by.get("in-call shown") ?? []), c.shownAt - startOf(c)])
    }
    return by
  }
  const [o, b] = [stepTimes(ours), stepTimes(bare)]
  const names = [...new Set([...o.keys(), ...b.keys()])].sort((x, y) => pct(o.get(x) ?? b.get(x)!, 50) - pct(o.get(y) ?? b.get(y)!, 50))
  const f = (xs: number[] | undefined) => (xs && xs.length ? `${pct(xs, 50).toFixed(1)} / ${pct(xs, 95).toFixed(1)}` : "—")
  console.log(`  the set-up step by step (ms since the command reached the offscreen document / since the bare page's call(), p50 / p95; ${ours.length} / ${bare.length} warm calls):`)
  console.log(`    ${"step".padEnd(36)} ${"ours".padEnd(16)} bare`)
  console.log(`    ${"click → offscreen has the command".padEnd(36)} ${f(ours.map((c) => startOf(c) - c.t0))}`)
  for (const n of names) console.log(`    ${n.padEnd(36)} ${f(o.get(n)).padEnd(16)} ${f(b.get(n))}`)
  const lag = (calls: TracedCall[]) =>
    calls.map((c) => {
      const est = c.trace.steps.find((s) => s.step === "Established")?.at ?? Infinity
      const l = c.trace.lag.filter(([at]) => at >= startOf(c) && at <= est).map(([, d]) => d)
      return { total: l.reduce((a, x) => a + Math.max(0, x - 1), 0), max: Math.max(0, ...l), late: l.filter((x) => x > 4).length }
    })
  const [lo, lb] = [lag(ours), lag(bare)]
  console.log(
    `    main thread, start → Established: lag beyond 1 ms summed p50 ${f(lo.map((x) => x.total))} ms ours, ${f(lb.map((x) => x.total))} bare; longest wait ${f(lo.map((x) => x.max))} vs ${f(lb.map((x) => x.max))} ms; probes late > 4 ms ${f(lo.map((x) => x.late))} vs ${f(lb.map((x) => x.late))}`
  )
  // The dock's work while the call is set up (same renderer process, same main thread as the offscreen document).
  const dockSteps = ours.map((c) => {
    const rel = (at: number) => at - startOf(c)
    const ringing = c.dock.find((e) => e.kind === "view" && e.phase === "ringing-out" && e.at >= c.t0)
    const ringingCommit = ringing ? c.dock.find((e) => e.kind === "commit" && e.at >= ringing.at) : undefined
    const est = c.trace.steps.find((s) => s.step === "Established")?.at ?? Infinity
    const commitsBefore = c.dock.filter((e) => e.kind === "commit" && e.at >= c.t0 && e.at <= est).length
    return { view: ringing ? rel(ringing.at) : NaN, commit: ringingCommit ? rel(ringingCommit.at) : NaN, commitsBefore }
  })
  console.log(
    `    the dock meanwhile: "ringing-out" reaches it ${f(dockSteps.map((d) => d.view).filter((x) => !Number.isNaN(x)))} ms, its commit ${f(dockSteps.map((d) => d.commit).filter((x) => !Number.isNaN(x)))} ms, dock commits before Established ${f(dockSteps.map((d) => d.commitsBefore))}`
  )
  const raw = (c: TracedCall) => ({
    clickToStart: startOf(c) - c.t0,
    steps: c.trace.steps.map((x) => [x.step, +(x.at - startOf(c)).toFixed(1)]),
    lateProbes: c.trace.lag.filter(([, d]) => d > 3).map(([at, d]) => [+(at - startOf(c)).toFixed(1), +d.toFixed(1)]),
    dock: c.dock.filter((e) => e.at >= c.t0).map((e) => [e.kind + (e.phase ? ` ${e.phase}` : ""), +(e.at - startOf(c)).toFixed(1)]),
    shown: c.shownAt - startOf(c)
  })
  results.callTraceRaw = { ours: ours.map(raw), bare: bare.map(raw) }
  results.callTrace = { ours: Object.fromEntries([...o].map(([k, v]) => [k, v])), bare: Object.fromEntries([...b].map(([k, v]) => [k, v])), lagOurs: lo, lagBare: lb, dock: dockSteps, clickToOffscreen: ours.map((c) => startOf(c) - c.t0) }
}