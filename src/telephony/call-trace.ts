/**
 * Bench-only (issue #9): where an outgoing call's set-up spends its time, stamped the same way in the extension's
 * offscreen document (a build with PLASMO_PUBLIC_CALL_TRACE=1) and in the bench's bare sip.js page
 * (bench/bare-sipjs-page.ts). Nothing here runs in a normal build: `installCallTrace` is only called behind that flag.
 *
 * The stamps come from patches of the page's own APIs (getUserMedia, RTCPeerConnection, WebSocket), so both sides
 * are stamped by the same code at the same points, plus the explicit `traceStep` calls of each side. A probe also
 * measures how late the page's main thread runs a task posted to it (a MessageChannel message every 2 ms of the
 * set-up): what other work on that thread (in Chrome, every extension page shares its renderer's main thread) costs
 * the call.
 */
export interface CallTrace {
  /** Each step's time (performance.timeOrigin + performance.now(), ms: comparable with Date.now() across pages). */
  steps: { step: string; at: number }[]
  /** Main-thread lag probes during the set-up: [posted at, ran after ms]. */
  lag: [number, number][]
}

let current: CallTrace | null = null
let installed = false
let probing = false

const now = () => performance.timeOrigin + performance.now()

/** Stamps a step of the call being traced (a no-op when no call is traced). */
export function traceStep(step: string): void {
  if (!current) return
  current.steps.push({ step, at: now() })
  // Also in a Chrome trace (the bench's BENCH_CHROME_TRACE): a user-timing mark on the trace's own clock.
  performance.mark(`call:${step}`)
}

/** A new call starts: the steps from here on are its own; the lag probe runs until `endCallTrace`. */
export function beginCallTrace(step: string): void {
  if (!installed) return
  current = { steps: [], lag: [] }
  traceStep(step)
  startProbe()
}

/** The call's trace, and none traced any more. */
export function endCallTrace(): CallTrace | null {
  const t = current
  current = null
  probing = false
  return t
}

function startProbe(): void {
  if (probing) return
  probing = true
  const channel = new MessageChannel()
  let posted = 0
  channel.port1.onmessage = () => {
    const ran = now()
    current?.lag.push([posted, ran - posted])
    if (!probing || !current) {
      channel.port1.close()
      return
    }
    setTimeout(() => {
      posted = now()
      channel.port2.postMessage(0)
    }, 2)
  }
  posted = now()
  channel.port2.postMessage(0)
}

function firstLine(data: unknown): string {
  if (typeof data !== "string") return "binary"
  const line = data.slice(0, data.indexOf("\r\n") >>> 0).trim()
  if (!line) return "keep-alive"
  // "INVITE sip:…" → "INVITE"; "SIP/2.0 200 OK" → "200"
  return line.startsWith("SIP/2.0 ") ? line.split(" ")[1]! : line.split(" ")[0]!
}

/** Patches getUserMedia, RTCPeerConnection and WebSocket of this page to stamp the traced call's steps. */
export function installCallTrace(): void {
  if (installed) return
  installed = true
  const media = navigator.mediaDevices
  if (media?.getUserMedia) {
    const gum = media.getUserMedia.bind(media)
    media.getUserMedia = (c?: MediaStreamConstraints) => {
      traceStep("getUserMedia called")
      return gum(c).then((s) => {
        traceStep("getUserMedia resolved")
        return s
      })
    }
  }
  const pc = globalThis.RTCPeerConnection?.prototype as (RTCPeerConnection & Record<string, unknown>) | undefined
  if (pc) {
    const wrap = (name: "createOffer" | "createAnswer" | "setLocalDescription" | "setRemoteDescription" | "addTrack") => {
      const orig = pc[name] as (...a: unknown[]) => unknown
      pc[name] = function (this: RTCPeerConnection, ...args: unknown[]) {
        traceStep(`${name} called`)
        const r = orig.apply(this, args)
        if (r instanceof Promise)
          return r.then((v) => {
            traceStep(`${name} resolved`)
            return v
          })
        return r
      } as never
    }
    for (const n of ["createOffer", "createAnswer", "setLocalDescription", "setRemoteDescription", "addTrack"] as const) wrap(n)
  }
  const Ws = globalThis.WebSocket
  if (Ws) {
    const send = Ws.prototype.send
    Ws.prototype.send = function (this: WebSocket, data: string | ArrayBufferLike | Blob | ArrayBufferView) {
      const what = firstLine(data)
      if (what !== "keep-alive") traceStep(`sent ${what}`)
      return send.call(this, data)
    }
    const Traced = function (this: unknown, url: string | URL, protocols?: string | string[]) {
      const ws = new Ws(url, protocols)
      // Before sip.js's own listener: the moment the message reaches the page's code.
      ws.addEventListener("message", (e: MessageEvent) => {
        const what = firstLine(e.data)
        if (what !== "keep-alive") traceStep(`received ${what}`)
      })
      return ws
    } as unknown as typeof WebSocket
    Object.assign(Traced, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 })
    Traced.prototype = Ws.prototype
    globalThis.WebSocket = Traced
  }
}
