/**
 * The dock's test world, shared by its jsdom tests: the background stubbed (its first read of the view, what each
 * test answers to the rest), the background's publications through storage, the dock rendered in English.
 * Registers its own beforeEach / afterEach: call `dockWorld` at a test file's top level.
 */
import { act, cleanup, render } from "@testing-library/react"
import type { ReactNode } from "react"
import { I18nextProvider } from "react-i18next"
import { afterEach, beforeEach, vi } from "vitest"

import { initialPhoneState, transition, VIEW_KEY, type PhoneState, type SoftphoneView } from "~src/domain/telephony"
import { createI18n } from "~src/i18n"

import { CallUnderWayFromSoftphone } from "./call-under-way-softphone"
import { SoftphoneDock } from "./softphone-dock"

export const registered = transition(initialPhoneState, { type: "registered" }, 0)

export function viewOf(state: PhoneState, updatedAt: number, caller: SoftphoneView["caller"] = null): SoftphoneView {
  return {
    state,
    caller,
    capabilities: { incoming: true, hold: true, dtmf: true, transfer: true, media: true },
    configured: true,
    lastCall: null,
    updatedAt
  }
}

type Listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => void
export type Message = { type: string; payload?: unknown }

export interface DockWorld {
  /** The background publishing a view (JSON through storage, as in the browser). */
  published(view: SoftphoneView): void
  /** The dock rendered as a page mounts it (told of the call under way), its first read of the view answered; `beside`: what the page shows with it. */
  dock(beside?: ReactNode): Promise<HTMLElement>
}

/**
 * `openedOn`: the view the dock reads when it opens; `reply`: the background's answer to every other message
 * (a refusal unless the test says otherwise).
 */
export function dockWorld(openedOn: () => SoftphoneView, reply: (m: Message) => unknown = () => ({ ok: false, error: "not in this test" })): DockWorld {
  let listeners = new Set<Listener>()
  beforeEach(() => {
    vi.useFakeTimers()
    listeners = new Set()
    vi.stubGlobal("chrome", {
      runtime: {
        sendMessage: vi.fn(async (m: Message) => (m.type === "softphone/state" ? { ok: true, data: openedOn() } : reply(m))),
        getURL: (p: string) => `chrome-extension://test/${p}`,
        onMessage: { addListener: () => undefined, removeListener: () => undefined }
      },
      storage: {
        onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
        local: { get: async () => ({}) },
        session: { get: async () => ({}) }
      }
    })
  })
  afterEach(() => {
    cleanup()
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })
  return {
    published(view) {
      const newValue = JSON.parse(JSON.stringify(view)) as unknown
      act(() => listeners.forEach((l) => l({ [VIEW_KEY]: { newValue } }, "session")))
    },
    async dock(beside) {
      const page = render(
        <I18nextProvider i18n={createI18n("en")}>
          <CallUnderWayFromSoftphone>
            <SoftphoneDock agentCountry="FR" beside={beside} />
          </CallUnderWayFromSoftphone>
        </I18nextProvider>
      )
      await act(async () => {
        await vi.advanceTimersByTimeAsync(0)
      })
      return page.container
    }
  }
}

/**
 * The background's answer to softphone/call, given when the test says (`held.answer`: the INVITE out), as the real
 * one is; `held.calls`, the calls asked. A call a test left being placed is refused at its end, before the dock is
 * taken away (call after `dockWorld`: its afterEach runs first). `reply` goes in dockWorld's.
 */
export function heldCalls(): { held: { readonly calls: unknown[]; answer: (reply: unknown) => void }; reply: (m: Message) => Promise<unknown> } {
  const held = { calls: [] as unknown[], answer: (_reply: unknown): void => undefined }
  beforeEach(() => {
    held.calls.length = 0
    held.answer = () => undefined
  })
  afterEach(async () => {
    await act(async () => held.answer({ ok: false, error: "the test is over" }))
  })
  const reply = (m: Message) => {
    held.calls.push(m.payload)
    return new Promise<unknown>((resolve) => (held.answer = resolve))
  }
  return { held, reply }
}
