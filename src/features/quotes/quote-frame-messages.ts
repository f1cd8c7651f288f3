/**
 * Between the quote form over a page (the framed extension page, `tabs/quote-frame.html`), the background and the
 * page's content script. Not contract entries: the contract is what the background answers; these are the
 * background speaking to a frame or a content script, like `panel/toggle`.
 * - to the attached frame (its tab, its frameId only): a new route;
 * - to the page's content script (its top frame): hide the overlay of this ticket (the agent closed the form or
 *   inserted into the reply: the frame said so with `quote-frame/event`), or this ticket was refused (the worker
 *   restarted and forgot it: the workspace tab instead). Through the background, not `postMessage`: the page's
 *   own scripts neither hear nor send these.
 */
export const QUOTE_FRAME_ROUTE_MESSAGE = "quote-frame/route"
export const QUOTE_FRAME_HIDE_MESSAGE = "quote-frame/hide"
export const QUOTE_FRAME_REFUSED_MESSAGE = "quote-frame/refused"

export type QuoteFrameEvent = "close" | "inserted"

/** A message from the background to the page's content script about the overlay of `ticket`. */
export function overlayMessage(message: unknown): { kind: "hide" | "refused"; ticket: string } | null {
  const m = message as { type?: unknown; payload?: { ticket?: unknown } } | null
  if (typeof m !== "object" || m === null || typeof m.payload?.ticket !== "string") return null
  if (m.type === QUOTE_FRAME_HIDE_MESSAGE) return { kind: "hide", ticket: m.payload.ticket }
  if (m.type === QUOTE_FRAME_REFUSED_MESSAGE) return { kind: "refused", ticket: m.payload.ticket }
  return null
}
