import type { QuoteFrameEvent } from "./quote-frame-messages"

/**
 * What the quote form needs to know when it is framed over a page (quote-frame-app.tsx sets the host): whom to
 * tell it inserted into the reply (the overlay then closes on the page's compose box). In the workspace tab there
 * is no host, and no message.
 */
let host: ((event: QuoteFrameEvent) => void) | null = null

export function setFrameHost(post: (event: QuoteFrameEvent) => void): void {
  host = post
}

export function notifyFrameHost(event: QuoteFrameEvent): void {
  host?.(event)
}
