import type { MessageContext } from "~src/messaging/handler"
import { OFFSCREEN_PATH } from "~src/telephony/controller"

/** Content scripts relay pages: they may place a call and read the state, nothing else. */
export function requireExtensionPage(ctx: MessageContext): void {
  if (!ctx.url?.startsWith(chrome.runtime.getURL(""))) throw new Error("only the extension's own pages may do this")
}

export function requireOffscreen(ctx: MessageContext): void {
  if (ctx.url?.split("?")[0] !== chrome.runtime.getURL(OFFSCREEN_PATH)) throw new Error("only the softphone document reports its state")
}
