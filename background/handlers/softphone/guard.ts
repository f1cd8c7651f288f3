import type { ActiveCall, CallPhase } from "~src/domain/telephony"
import type { MessageContext } from "~src/messaging/handler"
import { OFFSCREEN_PATH } from "~src/telephony/host-link"

/** Content scripts relay pages: what they may do is checked where it is allowed (requirePageOrThisCall). */
export function requireExtensionPage(ctx: MessageContext): void {
  if (!ctx.url?.startsWith(chrome.runtime.getURL(""))) throw new Error("only the extension's own pages may do this")
}

export function requireOffscreen(ctx: MessageContext): void {
  if (ctx.url?.split("?")[0] !== chrome.runtime.getURL(OFFSCREEN_PATH)) throw new Error("only the softphone document reports its state")
}

/**
 * An extension page, or the page panel acting on the call under way: the call's id as the panel was told it, in
 * a phase where the action means something (a page must not answer a call that has stopped ringing, nor hang up
 * a call it names wrongly). The click itself was the agent's (the panel ignores scripted clicks: `isTrusted`).
 */
export function requirePageOrThisCall(ctx: MessageContext, callId: string, call: ActiveCall | null, phases: readonly CallPhase[]): void {
  if (ctx.sender === "page") return
  if (!call || call.id !== callId) throw new Error("that call is not under way any more")
  if (!phases.includes(call.phase)) throw new Error(`the call is ${call.phase}`)
}
