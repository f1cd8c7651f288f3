/**
 * BENCH_CHROME_TRACE=N (bench/softphone.bench.ts, a build made with PLASMO_PUBLIC_CALL_TRACE=1): a Chrome trace (CDP
 * `Tracing`, the whole browser) around N warm outgoing calls of ours, and what ran on the extension's renderer main
 * thread (the offscreen document, the dock and every other extension page share it) between the command reaching the
 * offscreen document and getUserMedia resolving there (the ~24 ms that getUserMedia takes longer than in the bare page),
 * and between the click and the dock's "in-call" commit. The windows come from user-timing marks: the page's click
 * (`bench:click`), the offscreen document's call steps (`call:<step>`, call-trace.ts) and the dock's (`dock:*`).
 * Work is attributed three ways: the trace's own events' self time (by name and page), the V8 sampling profiler's
 * samples (by script and function), and the top-level tasks (by what they are, with their longest).
 */

export interface TraceEvent {
  name: string
  cat?: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  id?: string
  args?: { name?: string; data?: Record<string, unknown> & { frame?: string; url?: string; functionName?: string; type?: string; frames?: { frame: string; url: string }[] } }
}

export const CHROME_TRACE_CATEGORIES = [
  "toplevel",
  "devtools.timeline",
  "v8.execute",
  "blink.user_timing",
  "disabled-by-default-devtools.timeline",
  "disabled-by-default-v8.cpu_profiler",
  "__metadata"
].join(",")

/** ms per label, summed over the traced calls, and the number of calls. */
export type Tally = Map<string, number>

export interface ChromeTraceSummary {
  calls: number
  windows: { gum: number[]; click: number[] }
  /** Per window: self time of the trace's events on the extension's main thread, by label. */
  selfGum: Tally
  selfClick: Tally
  /** Per window: V8 samples on that thread, by script · function. */
  samplesGum: Tally
  samplesClick: Tally
  /** Per window: the same samples by script only. */
  scriptsGum: Tally
  scriptsClick: Tally
  /** Per window: busy time of every thread (top-level tasks), by process/thread. */
  threadsGum: Tally
  threadsClick: Tally
  /** Per call: the top-level tasks on the extension's main thread inside the getUserMedia window, with their biggest inner event. */
  tasksGum: string[][]
}

export function emptySummary(): ChromeTraceSummary {
  return {
    calls: 0,
    windows: { gum: [], click: [] },
    selfGum: new Map(),
    selfClick: new Map(),
    samplesGum: new Map(),
    samplesClick: new Map(),
    scriptsGum: new Map(),
    scriptsClick: new Map(),
    threadsGum: new Map(),
    threadsClick: new Map(),
    tasksGum: []
  }
}

const add = (t: Tally, k: string, ms: number) => t.set(k, (t.get(k) ?? 0) + ms)
const base = (url: string | undefined) => (url ? (url.split("/").pop() ?? url).replace(/\.[0-9a-f]{8}\.js$/, ".js").replace(/\?.*$/, "") : "")
const TOP = new Set(["ThreadControllerImpl::RunTask", "RunTask"])

/** Adds one traced call to `into`; returns a line saying what was found, or why not. */
export function summarizeCall(events: TraceEvent[], into: ChromeTraceSummary): string {
  const markTs = (name: string, after = 0) => events.filter((e) => e.name === name && e.ts >= after).sort((a, b) => a.ts - b.ts)[0]
  const click = markTs("bench:click")
  const start = markTs("call:request received", click?.ts ?? 0)
  const gum = start ? markTs("call:getUserMedia resolved", start.ts) : undefined
  const inCallView = start ? events.find((e) => e.name === "dock:view in-call" && e.ts >= start.ts) : undefined
  const inCallCommit = inCallView ? markTs("dock:commit", inCallView.ts) : undefined
  if (!click || !start || !gum || !inCallCommit) return `marks missing: click ${!!click}, start ${!!start}, getUserMedia ${!!gum}, in-call commit ${!!inCallCommit}`
  const main = { pid: start.pid, tid: start.tid }
  const frames = new Map<string, string>()
  for (const e of events) {
    const d = e.args?.data
    if (d?.frames) for (const f of d.frames) frames.set(f.frame, base(f.url))
    if (e.name === "FrameCommittedInBrowser" && d?.frame && d.url) frames.set(d.frame, base(d.url))
  }
  const threadName = new Map<string, string>()
  const processName = new Map<number, string>()
  for (const e of events) {
    if (e.ph !== "M") continue
    if (e.name === "thread_name") threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? "?")
    if (e.name === "process_name") processName.set(e.pid, e.args?.name ?? "?")
    if (e.name === "process_labels") processName.set(e.pid, `${processName.get(e.pid) ?? ""} ${(e.args as { labels?: string })?.labels ?? ""}`)
  }
  into.calls++
  const windows: [number, number, "gum" | "click"][] = [
    [start.ts, gum.ts, "gum"],
    [click.ts, inCallCommit.ts, "click"]
  ]
  into.windows.gum.push((gum.ts - start.ts) / 1000)
  into.windows.click.push((inCallCommit.ts - click.ts) / 1000)

  // Self time of the main thread's complete events, clipped to each window.
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === "X" && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const label = (e: TraceEvent): string => {
    const d = e.args?.data
    const page = d?.frame ? (frames.get(d.frame) ?? "frame?") : ""
    if (e.name === "FunctionCall") return `JS ${base(d?.url)}${d?.functionName ? ` ${d.functionName}` : ""}${page ? ` [${page}]` : ""}`
    if (e.name === "EventDispatch") return `EventDispatch ${d?.type ?? ""}${page ? ` [${page}]` : ""}`
    if (e.name === "TimerFire" || e.name === "FireAnimationFrame") return `${e.name}${page ? ` [${page}]` : ""}`
    if (/Layout|Paint|Style|Commit|Layer|HitTest|Parse|Recalc/.test(e.name)) return `${e.name}${page ? ` [${page}]` : ""}`
    return e.name
  }
  const selfs = selfTimes(onMain)
  for (const [t0, t1, w] of windows) {
    const tally = w === "gum" ? into.selfGum : into.selfClick
    for (const x of selfs) {
      const s = Math.max(x.s, t0)
      const en = Math.min(x.en, t1)
      if (en <= s || x.self <= 0) continue
      // Self time clipped in proportion to the event's overlap with the window.
      add(tally, label(x.e), ((x.self * (en - s)) / (x.en - x.s)) / 1000)
    }
  }

  // Top-level tasks of every thread (busy time per thread), and the main thread's tasks in the getUserMedia window.
  // Outermost tasks only (a RunTask inside a ThreadControllerImpl::RunTask is the same task).
  const outer: TraceEvent[] = []
  const endOf = new Map<string, number>()
  for (const e of events.filter((x) => x.ph === "X" && x.dur && TOP.has(x.name)).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)) {
    const key = `${e.pid}:${e.tid}`
    if ((endOf.get(key) ?? -1) > e.ts) continue
    endOf.set(key, e.ts + e.dur!)
    outer.push(e)
  }
  for (const [t0, t1, w] of windows) {
    const tally = w === "gum" ? into.threadsGum : into.threadsClick
    for (const e of outer) {
      const s = Math.max(e.ts, t0)
      const en = Math.min(e.ts + e.dur!, t1)
      if (en <= s) continue
      const who = e.pid === main.pid && e.tid === main.tid ? "extension renderer main thread" : `${(processName.get(e.pid) ?? String(e.pid)).trim()}/${threadName.get(`${e.pid}:${e.tid}`) ?? e.tid}`
      add(tally, who, (en - s) / 1000)
    }
  }
  const tasks: string[] = []
  for (const e of outer) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ts + e.dur! <= start.ts || e.ts >= gum.ts || e.dur! < 500) continue
    const inner = selfs.filter((x) => x.s >= e.ts && x.en <= e.ts + e.dur! && !TOP.has(x.e.name))
    const by = new Map<string, number>()
    for (const x of inner) add(by, label(x.e), x.self / 1000)
    const top = [...by].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([k, v]) => `${k} ${v.toFixed(1)}`)
    tasks.push(`+${((e.ts - start.ts) / 1000).toFixed(1)} ${(e.dur! / 1000).toFixed(1)} ms: ${top.join("; ")}`)
  }
  into.tasksGum.push(tasks)

  // The V8 sampling profiler on that thread (Profile + ProfileChunk events share an id per profiled thread).
  const profiles = events.filter((e) => e.name === "Profile" && e.pid === main.pid && e.tid === main.tid)
  for (const p of profiles) {
    const nodes = new Map<number, { url: string; fn: string }>()
    let t = Number((p.args?.data as { startTime?: number })?.startTime ?? p.ts)
    const chunks = events.filter((e) => e.name === "ProfileChunk" && e.id === p.id && e.pid === p.pid).sort((a, b) => a.ts - b.ts)
    for (const c of chunks) {
      const d = c.args?.data as { cpuProfile?: { nodes?: { id: number; callFrame: { url?: string; functionName?: string } }[]; samples?: number[] }; timeDeltas?: number[] } | undefined
      for (const n of d?.cpuProfile?.nodes ?? []) nodes.set(n.id, { url: base(n.callFrame.url), fn: n.callFrame.functionName || "(anonymous)" })
      const samples = d?.cpuProfile?.samples ?? []
      const deltas = d?.timeDeltas ?? []
      for (let k = 0; k < samples.length; k++) {
        const prev = t
        t += deltas[k] ?? 0
        const dt = t - prev
        const n = nodes.get(samples[k]!)
        if (!n || n.fn === "(idle)") continue
        for (const [t0, t1, w] of windows) {
          if (t < t0 || t > t1) continue
          const ms = Math.min(dt, 2000) / 1000
          add(w === "gum" ? into.samplesGum : into.samplesClick, `${n.url || "(native)"} ${n.fn}`, ms)
          add(w === "gum" ? into.scriptsGum : into.scriptsClick, n.url || n.fn, ms)
        }
      }
    }
  }
  return `window: command → getUserMedia resolved ${((gum.ts - start.ts) / 1000).toFixed(1)} ms, click → in-call commit ${((inCallCommit.ts - click.ts) / 1000).toFixed(1)} ms, ${profiles.length} profile(s) on the main thread`
}

export function printSummary(s: ChromeTraceSummary): Record<string, unknown> {
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
  const top = (t: Tally, n: number) => [...t].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, +(v / s.calls).toFixed(2)] as const)
  const show = (title: string, t: Tally, n: number) => {
    console.log(`    ${title}`)
    for (const [k, v] of top(t, n)) console.log(`      ${v.toFixed(2).padStart(6)} ms  ${k.slice(0, 110)}`)
  }
  console.log(`  Chrome trace of ${s.calls} warm calls (ms per call, mean over the calls):`)
  console.log(`   window "command in the offscreen document → getUserMedia resolved", median ${med(s.windows.gum).toFixed(1)} ms:`)
  show("busy time per thread (top-level tasks)", s.threadsGum, 8)
  show("the extension's main thread, trace events' self time", s.selfGum, 15)
  show("the extension's main thread, V8 samples by script", s.scriptsGum, 8)
  show("the extension's main thread, V8 samples by function", s.samplesGum, 20)
  console.log(`   window "click → the dock's in-call commit", median ${med(s.windows.click).toFixed(1)} ms:`)
  show("busy time per thread (top-level tasks)", s.threadsClick, 10)
  show("the extension's main thread, trace events' self time", s.selfClick, 15)
  show("the extension's main thread, V8 samples by script", s.scriptsClick, 8)
  show("the extension's main thread, V8 samples by function", s.samplesClick, 20)
  console.log("   main-thread tasks in the getUserMedia window, first 3 calls:")
  for (const t of s.tasksGum.slice(0, 3)) console.log(`      ${t.join(" | ")}`)
  return {
    calls: s.calls,
    windows: s.windows,
    gum: { threads: top(s.threadsGum, 12), self: top(s.selfGum, 30), scripts: top(s.scriptsGum, 12), functions: top(s.samplesGum, 40) },
    click: { threads: top(s.threadsClick, 12), self: top(s.selfClick, 30), scripts: top(s.scriptsClick, 12), functions: top(s.samplesClick, 40) },
    tasksGum: s.tasksGum
  }
}

/** Each complete event's self time (its duration less its children's), from main-thread events sorted by start. */
export function selfTimes(onMain: readonly TraceEvent[]): { e: TraceEvent; s: number; en: number; self: number }[] {
  const stack: { e: TraceEvent; end: number; child: number }[] = []
  const selfs: { e: TraceEvent; s: number; en: number; self: number }[] = []
  const closeUntil = (ts: number) => {
    while (stack.length && stack[stack.length - 1]!.end <= ts) {
      const top = stack.pop()!
      selfs.push({ e: top.e, s: top.e.ts, en: top.end, self: top.e.dur! - top.child })
      if (stack.length) stack[stack.length - 1]!.child += top.e.dur!
    }
  }
  for (const e of onMain) {
    closeUntil(e.ts)
    stack.push({ e, end: e.ts + e.dur!, child: 0 })
  }
  closeUntil(Infinity)
  return selfs
}
