/**
 * The tickets of the quote form over the page (issue #10). A web page may frame any web-accessible extension
 * page, so the framed quote form shows nothing until it presents a ticket the background gave the page's content
 * script (`quote-frame/open`); the content script puts it in the frame's URL, inside a closed shadow root the
 * page's scripts cannot read. The background then takes the ticket only from a frame of the same tab, once
 * (`quote-frame/attach`), and speaks to that frame alone (by its frameId). A frame the page made itself, with no
 * ticket or a ticket already taken, never gets a customer, a form or an Issue button.
 *
 * Pure bookkeeping (no chrome.*): the handlers in background/handlers/quotes/frame.ts use it.
 */
export interface FrameTicket {
  id: string
  tabId: number
  /** The origin of the page whose content script asked for it (a frame elsewhere in the tab is refused). */
  pageOrigin: string
  createdAt: number
  /** Set when the framed page took it; then only that frame hears the routes. */
  frameId: number | null
  /** The route to show (`quotes/new?customer=…`); null while a frame waits hidden (preloaded). */
  path: string | null
}

/** A ticket not taken by a frame within this time is dropped (a frame loads in well under a second). */
export const UNATTACHED_TTL_MS = 30_000
/** A page keeps at most this many tickets (one overlay, plus one being replaced). */
export const MAX_TICKETS_PER_TAB = 3

export type AttachRefusal = "unknown-ticket" | "other-tab" | "taken" | "not-a-frame" | "other-origin"

export class FrameTickets {
  private readonly byId = new Map<string, FrameTicket>()

  constructor(
    private readonly now: () => number = () => Date.now(),
    private readonly newId: () => string = randomTicketId,
    /** Told of every ticket that goes (its tab closed, the limit per tab, expired): what was kept for it goes too. */
    private readonly onDrop: (id: string) => void = () => undefined
  ) {}

  /** A ticket for a page's overlay; the oldest of that tab's go past the limit. */
  issue(tabId: number, pageOrigin: string, path: string | null): FrameTicket {
    this.expire()
    const mine = [...this.byId.values()].filter((t) => t.tabId === tabId).sort((a, b) => a.createdAt - b.createdAt)
    for (const old of mine.slice(0, Math.max(0, mine.length - MAX_TICKETS_PER_TAB + 1))) this.drop(old.id)
    const ticket: FrameTicket = { id: this.newId(), tabId, pageOrigin, createdAt: this.now(), frameId: null, path }
    this.byId.set(ticket.id, ticket)
    return ticket
  }

  /** The ticket a content script holds, if it is that tab's. */
  ofTab(id: string, tabId: number): FrameTicket | null {
    this.expire()
    const t = this.byId.get(id)
    return t && t.tabId === tabId ? t : null
  }

  /**
   * A framed page presents its ticket: taken once, from a frame (not the top) of the tab it was given to, under
   * the page that asked for it (`ancestorOrigin`: the frame's `location.ancestorOrigins[0]` where the browser has it).
   */
  attach(id: string, tabId: number | undefined, frameId: number | undefined, ancestorOrigin: string | null): FrameTicket | AttachRefusal {
    this.expire()
    const t = this.byId.get(id)
    if (!t) return "unknown-ticket"
    if (tabId === undefined || t.tabId !== tabId) return "other-tab"
    if (frameId === undefined || frameId <= 0) return "not-a-frame"
    if (t.frameId !== null) return "taken"
    if (ancestorOrigin !== null && ancestorOrigin !== t.pageOrigin) return "other-origin"
    t.frameId = frameId
    return t
  }

  /** The ticket a frame took (the frame tells what the agent did). */
  ofFrame(tabId: number | undefined, frameId: number | undefined): FrameTicket | null {
    for (const t of this.byId.values()) if (t.tabId === tabId && t.frameId !== null && t.frameId === frameId) return t
    return null
  }

  /** The tab closed or navigated away: its tickets go with it. */
  dropTab(tabId: number): void {
    for (const [id, t] of this.byId) if (t.tabId === tabId) this.drop(id)
  }

  /** Drops the tickets no frame took in time (also done by every other call; this is for a worker left idle). */
  expire(): void {
    const now = this.now()
    for (const [id, t] of this.byId) if (t.frameId === null && now - t.createdAt > UNATTACHED_TTL_MS) this.drop(id)
  }

  private drop(id: string): void {
    this.byId.delete(id)
    this.onDrop(id)
  }
}

/** 128 random bits, URL-safe. */
export function randomTicketId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("")
}
