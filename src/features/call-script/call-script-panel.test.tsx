// @vitest-environment jsdom
import { cleanup, render } from "@testing-library/react"
import { I18nextProvider } from "react-i18next"
import { afterEach, describe, expect, it, vi } from "vitest"

import { startRun } from "~src/domain/scripts/script-engine"
import { shippedScripts } from "~src/domain/scripts/script-library"
import type { CallScript } from "~src/domain/scripts/script.schema"
import { initialPhoneState, transition, type PhoneEvent, type SoftphoneView } from "~src/domain/telephony"
import { createI18n } from "~src/i18n"

import { CallScriptPanel } from "./call-script-panel"

/** The published view the panel reads, set by each test. */
let view: SoftphoneView | null = null

vi.mock("~src/features/softphone/use-softphone", () => ({
  useSoftphoneSelect: <T,>(select: (v: SoftphoneView | null) => T) => select(view),
  useCallSetUp: () => true,
  CALL_SETUP_MOUNT_HOLD_MS: 300
}))
vi.mock("./use-scripts", () => ({
  useScriptLibrary: () => ({ scripts: shippedScripts() }),
  useAgent: () => ({ name: null, company: null }),
  useCardScript: () => null,
  closeCardScript: async () => undefined,
  // The run as a new call starts it (the real one keeps it in chrome.storage.session).
  useCallRun: (_callId: string, scripts: readonly CallScript[], proposed: { scriptId: string; language: "fr" | "en" }) => {
    const script = scripts.find((s) => s.id === proposed.scriptId)
    return [script ? startRun(script, proposed.language) : null, () => undefined]
  }
}))

function viewAfter(events: PhoneEvent[]): SoftphoneView {
  let state = transition(initialPhoneState, { type: "registered" }, 0)
  events.forEach((e, i) => (state = transition(state, e, 1000 * (i + 1))))
  return { state, caller: null, capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true }, configured: true, lastCall: null, updatedAt: 1 }
}

const shown = () => render(<I18nextProvider i18n={createI18n("fr")}><CallScriptPanel /></I18nextProvider>).container.querySelector('[data-comptoir="script-runner"]')

afterEach(() => {
  cleanup()
  view = null
})

describe("the call script beside a call", () => {
  it("is shown during an answered call and stays once it ended (its last answers can still be clicked)", () => {
    view = viewAfter([{ type: "incoming", callId: "a1", number: "+33144319244" }, { type: "answered", callId: "a1" }])
    expect(shown()).not.toBeNull()
    cleanup()
    view = viewAfter([{ type: "incoming", callId: "a1", number: "+33144319244" }, { type: "answered", callId: "a1" }, { type: "ended", callId: "a1", reason: "hangup-remote" }])
    expect(shown()).not.toBeNull()
  })

  it("is not shown beside a missed call, nor an outgoing call nobody answered: there was no one to talk to", () => {
    view = viewAfter([{ type: "incoming", callId: "m1", number: "+33144319244" }, { type: "ended", callId: "m1", reason: "cancelled" }])
    expect(shown()).toBeNull()
    cleanup()
    view = viewAfter([{ type: "outgoing", callId: "o1", number: "+33199000486" }, { type: "ended", callId: "o1", reason: "busy" }])
    expect(shown()).toBeNull()
  })
})
