/**
 * Bounds shared by the contract (zod, background and extension pages) and the content script, which must not import
 * the contract's schemas (zod would double its bundle): plain numbers only here.
 */

/** Cards of one tab's in-page panel that travel to the side panel (its first ones, in its order). */
export const PANEL_VIEW_MAX_CARDS = 50

/** A workspace route (`quotes/new?customer=c-9`): letters, digits and `-_./?=&%`, what a message may ask it to open. */
export const ROUTE_PATH = /^[A-Za-z0-9][A-Za-z0-9\-_./?=&%]{0,299}$/

/** An opened message's text (each of plain, HTML as text, an attachment's text) sent to "orders/extract". */
export const ORDER_MAIL_MAX_TEXT = 200_000
export const ORDER_MAIL_MAX_ATTACHMENTS = 5
