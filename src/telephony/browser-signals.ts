import type { TFunction } from "i18next"

import { loadSettings, SETTINGS_KEY as APP_SETTINGS_KEY } from "~src/features/settings/settings-store"
import { createI18n, resolveLanguage } from "~src/i18n"
import { visibleState, type PhoneState, type SoftphoneView } from "~src/domain/telephony"

import { ringingNotice, toolbarTitle } from "./toolbar-title"

type AgentWords = { t: TFunction; country: string }

/**
 * What the browser itself shows of the softphone, outside the extension's pages: the toolbar button's badge and
 * tooltip, and the ringing call's system notification (their words in toolbar-title.ts). Each API call's failure is
 * ignored: a badge left behind is no reason to fail the call event that moved it.
 */
export class BrowserSignals {
  /** The toolbar's last update (the page being stopped waits for it). */
  private shown: Promise<void> = Promise.resolve()
  /** The agent's language and country, read once (and again after a change of settings). */
  private words: Promise<AgentWords> | null = null

  /** `current`: the view last published, painted again in the agent's new language. */
  constructor(current: () => SoftphoneView | null) {
    // Optional: the controller is also built where there is no chrome (the handlers' meta-test imports it).
    globalThis.chrome?.storage?.onChanged?.addListener((changes, area) => {
      // The agent changed the UI's language (or country): the tooltip speaks it from now on.
      if (area === "local" && APP_SETTINGS_KEY in changes) {
        this.words = null
        if (current()) this.shown = this.shown.then(() => this.paint(current()!.state, current()!.caller))
      }
    })
  }

  /** Not awaited by the publication: the next event's need not wait for the toolbar (its updates keep their order). */
  show(state: PhoneState, caller: SoftphoneView["caller"]): void {
    this.shown = this.shown.then(() => this.paint(state, caller))
  }

  /** Once the updates `show` queued are on the toolbar. */
  settled(): Promise<void> {
    return this.shown
  }

  /** Paints one after the other: two overlapping (registering, then registered) left the badge's "…" under "Ready for calls". */
  private painting: Promise<void> = Promise.resolve()

  /** The toolbar at once, outside `show`'s order (Firefox stopping the page: see SoftphoneController.suspending). */
  paint(state: PhoneState, caller: SoftphoneView["caller"]): Promise<void> {
    const next = this.painting.then(() => this.paintNow(state, caller))
    this.painting = next.catch(() => undefined)
    return next
  }

  private async paintNow(state: PhoneState, caller: SoftphoneView["caller"]): Promise<void> {
    const v = visibleState(state)
    const look: Record<string, [string, string]> = {
      idle: ["", "#666666"],
      registering: ["…", "#888888"],
      registered: ["", "#1a7f37"],
      reconnecting: ["…", "#b35900"],
      error: ["!", "#c62828"],
      "ringing-in": ["☎", "#c62828"],
      "ringing-out": ["☎", "#1565c0"],
      "in-call": ["●", "#1a7f37"],
      ended: ["", "#666666"]
    }
    const [text, color] = look[v] ?? ["", "#666666"]
    await chrome.action.setBadgeText({ text }).catch(() => undefined)
    await chrome.action.setBadgeBackgroundColor({ color }).catch(() => undefined)
    const { t, country } = await this.agentWords()
    await chrome.action.setTitle({ title: toolbarTitle(state, caller, t, country) }).catch(() => undefined)
  }

  /**
   * The system notification of a ringing call, in the agent's language (it said "2 customers" and "Unknown caller"
   * in the French UI) and with the number as the dock writes it.
   */
  async ringing(callId: string, number: string, displayName: string, candidates: readonly { company: string }[]): Promise<void> {
    if (!chrome.notifications) return
    const { t, country } = await this.agentWords()
    const icon = chrome.runtime.getManifest().icons?.["128"] ?? Object.values(chrome.runtime.getManifest().icons ?? {})[0] ?? ""
    await chrome.notifications
      // Named after the call: its end clears it (it asks for interaction, so it would stay on screen).
      .create(`softphone-${callId}`, {
        type: "basic",
        iconUrl: chrome.runtime.getURL(icon),
        ...ringingNotice(number, displayName, candidates, t, country),
        requireInteraction: true,
        priority: 2
      })
      .catch(() => undefined)
  }

  /** The call's end takes its notification away (not awaited: nothing waits on the screen for it). */
  ringingOver(callId: string): void {
    void chrome.notifications?.clear(`softphone-${callId}`).catch(() => undefined)
  }

  private agentWords(): Promise<AgentWords> {
    return (this.words ??= loadSettings().then(
      (s) => ({ t: createI18n(resolveLanguage(s.language, globalThis.navigator?.language)).t, country: s.defaultCountry }),
      () => ({ t: createI18n(resolveLanguage(null, globalThis.navigator?.language)).t, country: "FR" })
    ))
  }
}

/** Opens where the caller's card shows (the notification's click): the popup when the browser allows it, else the softphone tab. */
export async function openCallerCard(): Promise<void> {
  try {
    await chrome.action.openPopup()
  } catch {
    await chrome.tabs.create({ url: chrome.runtime.getURL("tabs/softphone.html") })
  }
}
