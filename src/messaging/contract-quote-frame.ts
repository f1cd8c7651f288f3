import * as z from "zod"

const QUOTE_FRAME_PATH = /^quotes\/new\?customer=[A-Za-z0-9\-_.%]{1,100}(&(contact|call)=[A-Za-z0-9\-_.%]{1,100})*$/
const TICKET = /^[0-9a-f]{32}$/

/**
 * The messages of the quote form over the page (issue #10), and of a card's new quote made ready for the workspace
 * tab. Part of the one contract (`contract.ts` spreads them in); their senders are declared there.
 */
export const quoteFrameContract = {
  /**
   * The quote form over the page (issue #10, src/features/quotes/quote-frame-tickets.ts): a page's content script
   * asks for a ticket for its overlay's frame, with the route to show (null: a frame preloaded hidden), or hands a
   * new route to the frame its ticket already opened. `shown`: an attached frame took the route. `warm`: a
   * preloaded frame's route to draw once, unseen, and drop (the first real opening then runs warm code). `prepare`: the
   * page's cards' new quotes, whose lookups the background makes now and keeps fresh for the click.
   */
  "quote-frame/open": {
    request: z.object({
      path: z.string().regex(QUOTE_FRAME_PATH, "not a new quote's route").max(300).nullable(),
      ticket: z.string().regex(TICKET, "not a ticket").nullable(),
      warm: z.string().regex(QUOTE_FRAME_PATH, "not a new quote's route").max(300).nullable().optional(),
      /** The new quotes of the page's cards, looked up now for the click (with no route only). */
      prepare: z.array(z.string().regex(QUOTE_FRAME_PATH, "not a new quote's route").max(300)).max(12).optional()
    }),
    response: z.object({ ticket: z.string(), shown: z.boolean() })
  },
  /**
   * The framed quote form presents its ticket (once); it gets the route (if any yet), its handoff and the page's
   * origin, or, preloaded with no route yet, the route to warm up on (`warm`, with its handoff).
   */
  "quote-frame/attach": {
    request: z.object({ ticket: z.string().regex(TICKET, "not a ticket"), ancestorOrigin: z.string().max(300).nullable() }),
    response: z.object({ path: z.string().nullable(), warm: z.string().nullable(), handoff: z.unknown(), pageOrigin: z.string() })
  },
  /**
   * A card whose New quote opens the workspace tab (no overlay there: a narrow window, Firefox, the side panel)
   * asks for its new quote's lookups now, kept fresh for the click (background/handlers/quotes/prepared-handoffs.ts):
   * the click then hands an open workspace tab its route without waiting for them.
   */
  "quotes/prepare": {
    request: z.object({ paths: z.array(z.string().regex(QUOTE_FRAME_PATH, "not a new quote's route").max(300)).min(1).max(12) }),
    response: z.object({ ok: z.literal(true) })
  },
  /**
   * The side panel opens a card's New quote in place (src/features/quotes/in-place-quote.tsx; the softphone tab too): the new quote's
   * lookups as the click's route takes them (the ones kept since the card showed while fresh, else made now). The
   * handoff is checked by the page as any other (`keepQuoteHandoff`); null: the form looks up by itself.
   */
  "quotes/handoff": {
    request: z.object({ path: z.string().regex(QUOTE_FRAME_PATH, "not a new quote's route").max(300) }),
    response: z.object({ handoff: z.unknown() })
  },
  /** What the agent did in the framed quote form (Escape, close, inserted into the reply): the page's overlay hides. */
  "quote-frame/event": { request: z.object({ event: z.enum(["close", "inserted"]) }), response: z.object({ ok: z.literal(true) }) }
} as const
