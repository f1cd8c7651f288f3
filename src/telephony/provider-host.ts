import { initialPhoneState, transition, type PhoneEvent, type PhoneState } from "~src/domain/telephony"

import type { OffscreenCommand } from "./offscreen-protocol"
import type { TelephonyProvider } from "./provider"
import { SipProvider } from "./sip-provider"
import { TwilioProvider, loadTwilioDevice } from "./twilio-provider"

/** Where each state change goes: a message to the background (Chrome), or the controller itself (Firefox). */
export type HostReport = (state: PhoneState, event: PhoneEvent | null) => void

export interface ProviderHost {
  /** Runs one command of the background's (the offscreen protocol's) and answers its data. */
  run(cmd: OffscreenCommand): Promise<unknown>
  /** The state as the host last folded it. */
  state(): PhoneState
  /** A provider is started (registered, registering, or in a call). */
  started(): boolean
  /**
   * The page that holds the provider is going (the browser quits, or Firefox unloads its event page): every call
   * is ended toward the other side now (SIP: a BYE, a CANCEL or a refusal; Twilio: its device destroyed), the
   * registration given up. Synchronous: the page may see no further task.
   */
  leave(): void
}

/**
 * Holds the provider where WebRTC and the microphone exist (Chrome's offscreen document, Firefox's background
 * event page): folds its events into the state, and reports each change.
 */
export function createProviderHost(report: HostReport): ProviderHost {
  let provider: TelephonyProvider | null = null
  let state: PhoneState = initialPhoneState
  const audio = document.createElement("audio")
  audio.autoplay = true
  document.body.appendChild(audio)

  const onEvent = (e: PhoneEvent) => {
    state = transition(state, e, Date.now())
    report(state, e)
  }

  const playRemote = (stream: MediaStream, sinkId: string | null) => {
    audio.srcObject = stream
    const withSink = audio as HTMLAudioElement & { setSinkId?: (id: string) => Promise<void> }
    if (sinkId && withSink.setSinkId) withSink.setSinkId(sinkId).catch(() => undefined)
    audio.play().catch(() => undefined)
  }

  // Back from sleep or a network change: re-register at once rather than at the next backoff step.
  addEventListener("online", () => {
    if (provider instanceof SipProvider) provider.networkBack()
  })

  async function run(cmd: OffscreenCommand): Promise<unknown> {
    if (cmd.op === "start") {
      provider?.dispose()
      state = initialPhoneState
      if (cmd.provider === "sip" && cmd.sip) {
        provider = new SipProvider({ settings: cmd.sip, devices: cmd.devices, playRemote })
      } else if (cmd.provider === "twilio" && cmd.twilio) {
        const { tokenUrl, sessionToken } = cmd.twilio
        const fetchToken = async () => {
          const r = await fetch(tokenUrl, { method: "POST", headers: { authorization: `Bearer ${sessionToken}` } })
          if (!r.ok) throw new Error(`token: HTTP ${r.status}`)
          return ((await r.json()) as { token: string }).token
        }
        // Beside the token route on the same server, with the same session: POST /telephony/twilio/presence.
        const presenceUrl = tokenUrl.replace(/\/token$/, "/presence")
        const reportPresence = async (registered: boolean) => {
          const r = await fetch(presenceUrl, {
            method: "POST",
            headers: { authorization: `Bearer ${sessionToken}`, "content-type": "application/json" },
            body: JSON.stringify({ registered }),
            // An unregister at the page's end (Firefox's event page going away) still reaches the server.
            keepalive: true
          })
          if (!r.ok) throw new Error(`presence: HTTP ${r.status}`)
        }
        provider = new TwilioProvider({ DeviceClass: await loadTwilioDevice(), fetchToken, reportPresence, devices: cmd.devices })
      } else throw new Error("no settings for this provider")
      provider.onEvent(onEvent)
      void provider.register()
      return { state }
    }
    if (cmd.op === "status") return { state }
    if (!provider) throw new Error("the softphone is not started")
    if (cmd.op === "stop") {
      const p = provider
      provider = null
      await p.unregister().catch(() => undefined)
      p.dispose()
      state = initialPhoneState
      report(state, null)
      return { state }
    }
    if (cmd.op === "call") {
      // A finished call stays on screen until the next one replaces it.
      if (state.call?.phase === "ended") state = transition(state, { type: "cleared" }, Date.now())
      const callId = await provider.call(cmd.number)
      return { callId }
    }
    if (cmd.op === "answer") return void (await provider.answer(cmd.callId))
    if (cmd.op === "decline") return void (await provider.decline(cmd.callId))
    if (cmd.op === "hangup") return void (await provider.hangup(cmd.callId))
    if (cmd.op === "mute") return void (await provider.mute(cmd.callId, cmd.muted))
    if (cmd.op === "hold") return void (await provider.hold(cmd.callId, cmd.onHold))
    if (cmd.op === "dtmf") return void (await provider.sendDtmf(cmd.callId, cmd.digits))
    if (cmd.op === "transfer") return void (await provider.transfer(cmd.callId, cmd.target))
    if (cmd.op === "stats") return await provider.stats(cmd.callId)
    return undefined
  }

  const leave = () => {
    const p = provider
    provider = null
    // dispose() sends what ends each call before its first await (sip.js writes to the WebSocket at once).
    p?.dispose()
  }

  return { run, state: () => state, started: () => provider !== null, leave }
}
