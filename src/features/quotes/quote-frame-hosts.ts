/**
 * The pages the quote form may be framed in (`web_accessible_resources[].matches` in package.json's manifest, a
 * test checks they agree): the webmails Comptoir runs on by default, and local pages (a self-hosted Roundcube,
 * the tests' fixtures). A site the agent enabled later (a CRM) is not listed, since the manifest's list is fixed:
 * there the card opens the workspace tab.
 */
export const QUOTE_FRAME_HOSTS = [
  "https://mail.google.com/*",
  "https://outlook.office.com/*",
  "https://outlook.office365.com/*",
  "https://outlook.live.com/*",
  "http://localhost/*",
  "http://127.0.0.1/*"
] as const

/** Whether a page's URL is under one of those patterns (scheme, exact host, any port, any path). */
export function framingAllowed(url: string): boolean {
  let u: URL
  try {
    u = new URL(url)
  } catch {
    return false
  }
  return QUOTE_FRAME_HOSTS.some((p) => {
    const m = /^(https?):\/\/([^/]+)\/\*$/.exec(p)
    return m !== null && u.protocol === `${m[1]}:` && u.hostname === m[2]
  })
}
