/**
 * The pages the quote form may be framed in (`web_accessible_resources[].matches` in package.json's manifest, a
 * test checks they agree): any http(s) page, the same patterns as the manifest's optional host permissions, so that
 * a site the agent adds at run time (their CRM) gets the form over its page as the webmails do.
 *
 * Why so wide is safe (README, "Security"): the frame is exposed only at Chrome's per-session dynamic URL
 * (`use_dynamic_url`; the extension's fixed id is refused), which only Comptoir's content script puts in a page, and
 * it runs only on the sites the agent enabled. A page elsewhere cannot find the frame, so it can neither tell that
 * Comptoir is installed nor load the form's bundle into the extension's process; a page that learns the URL gets
 * an empty frame without a ticket (quote-frame-tickets.ts), and the background issues tickets only to pages of a
 * site Comptoir still holds the permission for (background/handlers/quotes/frame.ts).
 */
export const QUOTE_FRAME_HOSTS = ["https://*/*", "http://*/*"] as const

/** Whether a page's URL is one the frame may go over: a web page (not a file, an extension's or the browser's page). */
export function framingAllowed(url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== ""
}
