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

/** One attachment above 10 MB is not a purchase order a person wrote; it would also weigh on the message bus. */
export const ORDER_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
/** All the attachments of one message together (base64 adds a third: ~27 MB, under Chrome's 64 MiB per message). */
export const ORDER_ATTACHMENTS_MAX_TOTAL_BYTES = 20 * 1024 * 1024
/** The attachments the order capture reads, and why one the message shows was not read (the review says it). */
export const ORDER_ATTACHMENT_KINDS = ["pdf", "csv", "xlsx", "ods"] as const
export const ORDER_UNREAD_REASONS = ["type", "link", "size", "count", "fetch", "damaged", "empty", "unpacked"] as const
