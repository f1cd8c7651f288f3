/**
 * Whether the page is a webmail whose reading pane fills the right of the window (Gmail, Outlook on the web,
 * Roundcube): there the open panel at its default place covers the end of the message's lines, so it starts as a
 * slim tab on the right edge and opens when the agent asks (see lookup-overlay.tsx).
 */
export type Webmail = "gmail" | "outlook" | "roundcube"

const OUTLOOK_HOSTS = new Set(["outlook.live.com", "outlook.office.com", "outlook.office365.com", "outlook.cloud.microsoft"])

/**
 * Gmail and Outlook by their hosts. Roundcube is self-hosted (any origin): by its own markup, the body's
 * `task-mail` class (every skin's layout writes `task-<task>`) and one of its mail views' elements.
 */
export function knownWebmail(host: string, doc: Document): Webmail | null {
  if (host === "mail.google.com") return "gmail"
  if (OUTLOOK_HOSTS.has(host)) return "outlook"
  if (doc.body?.classList.contains("task-mail") && doc.querySelector("#messagelist, #messagecontframe, #messagebody") !== null) return "roundcube"
  return null
}
