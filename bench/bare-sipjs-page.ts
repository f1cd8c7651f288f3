/**
 * The bench's baseline: a bare web page with sip.js and nothing else (no extension, no offscreen document, no
 * messages), registered to the same lab. It shows the same two things the softphone shows: "in-call" after a
 * click, and the caller's number as soon as an INVITE arrives.
 */
import { Invitation, Inviter, Registerer, RegistererState, SessionState, UserAgent } from "sip.js"

import { beginCallTrace, endCallTrace, installCallTrace, traceStep } from "../src/telephony/call-trace"
import { earlyIceHandlerFactory } from "../src/telephony/early-ice"
import { WarmPeerConnections } from "../src/telephony/warm-peer"

/**
 * The same sip.js configuration as the extension's SipProvider, so that the ratio measures the extension's
 * overhead and not a setting: the same ICE completion strategy (src/telephony/early-ice.ts). BARE_STOCK_ICE
 * (set by the bench with BENCH_BARE_ICE=stock) gives sip.js's own wait for complete gathering instead.
 */
declare const BARE_STOCK_ICE: boolean
/**
 * BARE_WARM (BENCH_BARE_WARM=1): the bare page also starts each call on a connection gathered in advance, as the
 * extension does since 3 Dec (src/telephony/warm-peer.ts): what a bare page doing the same would take.
 */
declare const BARE_WARM: boolean
/** BARE_TRACE (BENCH_CALL_TRACE=1): each call's steps stamped as in a traced build of the extension (src/telephony/call-trace.ts). */
declare const BARE_TRACE: boolean
if (BARE_TRACE) installCallTrace()
const warm = BARE_WARM ? new WarmPeerConnections({ iceServers: [] }) : undefined

const state = document.createElement("div")
state.id = "state"
state.dataset.state = "idle"
const caller = document.createElement("div")
caller.id = "caller"
document.body.append(state, caller)

let ua: UserAgent
let current: Invitation | Inviter | null = null

async function start(user: string): Promise<void> {
  ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${user}@127.0.0.1`),
    transportOptions: { server: "ws://127.0.0.1:8088" },
    ...(BARE_STOCK_ICE ? {} : { sessionDescriptionHandlerFactory: earlyIceHandlerFactory(undefined, warm) }),
    sessionDescriptionHandlerFactoryOptions: { iceGatheringTimeout: 500, peerConnectionConfiguration: { iceServers: [] } },
    logLevel: "warn",
    delegate: {
      onInvite: (inv) => {
        current = inv
        // What a screen pop shows at the least: who is calling, rendered at once.
        const row = document.createElement("p")
        row.dataset.caller = inv.remoteIdentity.uri.user ?? ""
        row.textContent = `${inv.remoteIdentity.displayName ?? ""} ${inv.remoteIdentity.uri.user ?? ""}`
        caller.replaceChildren(row)
        state.dataset.state = "ringing-in"
      }
    }
  })
  await ua.start()
  const reg = new Registerer(ua, { expires: 300 })
  const done = new Promise<void>((ok) => reg.stateChange.addListener((s) => s === RegistererState.Registered && ok()))
  await reg.register()
  await done
  warm?.start()
  state.dataset.state = "registered"
}

async function call(number: string): Promise<void> {
  beginCallTrace("call()")
  const inviter = new Inviter(ua, UserAgent.makeURI(`sip:${number}@127.0.0.1`)!, { sessionDescriptionHandlerOptions: { constraints: { audio: true, video: false } } })
  current = inviter
  state.dataset.state = "ringing-out"
  // What the callee's phone said last (180: it rings), for the bench's click → "ringing" (bench/softphone-ringing.ts).
  delete state.dataset.progress
  inviter.stateChange.addListener((s) => {
    if (s === SessionState.Established) {
      traceStep("Established")
      state.dataset.state = "in-call"
    }
    if (s === SessionState.Terminated) state.dataset.state = "ended"
  })
  await inviter.invite({
    requestDelegate: {
      onProgress: (response) => {
        const code = response.message.statusCode
        if (code !== undefined && code > 100) state.dataset.progress = String(code)
      }
    }
  })
}

async function hangup(): Promise<void> {
  const s = current
  current = null
  if (!s) return
  if (s.state === SessionState.Established) await s.bye()
  else if (s instanceof Invitation) await s.reject()
  else await s.cancel()
  caller.replaceChildren()
  // The next call's 180 is its own: the echo agent's 180 of this one must not count for it.
  delete state.dataset.progress
  state.dataset.state = "ended"
}

Object.assign(window, { bare: { start, call, hangup, trace: endCallTrace } })
