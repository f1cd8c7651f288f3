import { OFFSCREEN_TARGET, type OffscreenCommand, type OffscreenReply } from "./offscreen-protocol"
import type { ProviderHost } from "./provider-host"

export const OFFSCREEN_PATH = "tabs/offscreen.html"

/**
 * The controller's way to the provider host: Chrome's offscreen document (WebRTC does not exist in a service
 * worker), made when a command needs it and reached by message; or, in Firefox, the host in the background event
 * page itself (src/telephony/background-host.ts), called directly.
 */
export class HostLink {
  /** The offscreen document answered a command: skip asking the browser whether it exists before each one. */
  private offscreenUp = false
  private creating: Promise<void> | null = null

  /** `local`: the provider host in the background itself (Firefox), else null (Chrome's offscreen document). */
  constructor(private readonly local: ProviderHost | null) {}

  /** Whether the host runs in this very page and has a provider started (Firefox's event page). */
  localStarted(): boolean {
    return this.local?.started() ?? false
  }

  /** The page is going: the host in it ends its calls toward the other side (Firefox; Chrome's offscreen document is another page). */
  leave(): void {
    this.local?.leave()
  }

  /** Whether the host is there: the offscreen document exists, or Firefox's host has a provider started. */
  async up(): Promise<boolean> {
    if (this.local) return this.local.started()
    const url = chrome.runtime.getURL(OFFSCREEN_PATH)
    const contexts = await chrome.runtime.getContexts({
      contextTypes: ["OFFSCREEN_DOCUMENT" as chrome.runtime.ContextType],
      documentUrls: [url]
    })
    return contexts.length > 0
  }

  /** No provider here any more (none, or the system dialer): the host stopped, the offscreen document closed. */
  async stop(): Promise<void> {
    this.offscreenUp = false
    if (!(await this.up())) return
    if (this.local) await this.local.run({ op: "stop" }).catch(() => undefined)
    else await chrome.offscreen.closeDocument().catch(() => undefined)
  }

  async run(command: OffscreenCommand): Promise<unknown> {
    if (this.local) return this.local.run(command)
    if (!this.offscreenUp) await this.ensureOffscreen()
    // A document just created may not listen yet: retry "no receiving end" for a short while.
    for (let attempt = 0; ; attempt++) {
      try {
        const reply = (await chrome.runtime.sendMessage({ target: OFFSCREEN_TARGET, command })) as OffscreenReply | undefined
        if (!reply) throw new Error("no answer from the softphone")
        this.offscreenUp = true
        if (!reply.ok) throw new Error(reply.error)
        return reply.data
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e)
        if (this.offscreenUp && /Receiving end does not exist|no answer from the softphone/.test(msg)) {
          // It was there and may be gone (closed, crashed; an open popup answers nothing): create it again if so.
          this.offscreenUp = false
          await this.ensureOffscreen()
          continue
        }
        if (attempt < 40 && /Receiving end does not exist|no answer from the softphone/.test(msg)) {
          await new Promise((r) => setTimeout(r, 50))
          continue
        }
        throw e
      }
    }
  }

  private async ensureOffscreen(): Promise<void> {
    if (await this.up()) return
    this.creating ??= chrome.offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ["USER_MEDIA" as chrome.offscreen.Reason, "WEB_RTC" as chrome.offscreen.Reason],
        justification: "The softphone: SIP/WebRTC calls with the microphone, kept registered for incoming calls."
      })
      .finally(() => (this.creating = null))
    await this.creating
  }
}
