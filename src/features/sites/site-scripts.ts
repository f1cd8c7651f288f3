import { saveSettings } from "~src/features/settings/settings-save"
import { loadSettings } from "~src/features/settings/settings-store"

/**
 * Sites the user enables at run time get the same content script the manifest declares for webmail, through
 * chrome.scripting: the host permission is optional and asked for one origin at a time.
 */
const PREFIX = "comptoir-site-"

function scriptIdOf(pattern: string): string {
  return PREFIX + pattern.replace(/[^a-zA-Z0-9]/g, "_")
}

/**
 * A manifest file as `scripting` takes it, a path in the package: Firefox's `getManifest()` gives the content
 * scripts' files as full moz-extension:// URLs, which its `registerContentScripts` and `executeScript` refuse
 * ("must be a relative URL"); Chrome gives the manifest's own paths.
 */
function packagePath(file: string): string {
  return file.replace(/^[a-z-]+:\/\/[^/]+\//, "")
}

function lookupScriptFiles(): { js: string[]; css: string[] } {
  const scripts = chrome.runtime.getManifest().content_scripts ?? []
  const entry = scripts.find((s) => s.js?.some((f) => /(^|\/)lookup\./.test(f))) ?? scripts[0]
  return { js: (entry?.js ?? []).map(packagePath), css: (entry?.css ?? []).map(packagePath) }
}

/**
 * One site change at a time: the popup's "enable" and the permission event it causes both enable the same
 * site, and two registrations of one script id, or two read-modify-writes of the settings, would collide.
 */
let chain: Promise<unknown> = Promise.resolve()
function serial<T>(op: () => Promise<T>): Promise<T> {
  const run = chain.then(op)
  chain = run.catch(() => undefined)
  return run
}

export function enableSite(pattern: string, tabId?: number): Promise<{ ok: boolean; error?: string }> {
  return serial(() => enableSiteNow(pattern, tabId))
}

async function enableSiteNow(pattern: string, tabId?: number): Promise<{ ok: boolean; error?: string }> {
  const granted = await chrome.permissions.contains({ origins: [pattern] })
  if (!granted) return { ok: false, error: "permission not granted" }
  const { js, css } = lookupScriptFiles()
  if (js.length === 0) return { ok: false, error: "no content script in the manifest" }
  const id = scriptIdOf(pattern)
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] })
  if (existing.length === 0) {
    await chrome.scripting.registerContentScripts([{ id, matches: [pattern], js, css, runAt: "document_idle", persistAcrossSessions: true }])
  }
  const settings = await loadSettings()
  if (!settings.enabledSites.includes(pattern)) await saveSettings({ enabledSites: [...settings.enabledSites, pattern] })
  // Start at once in the tab the user is looking at, without a reload.
  if (tabId !== undefined) return startLookupIn(tabId)
  return { ok: true }
}

/**
 * Runs the lookup's content script in a tab that has none yet (its site just granted): the manifest's own
 * scripts start only with the next page load.
 */
export async function startLookupIn(tabId: number): Promise<{ ok: boolean; error?: string }> {
  try {
    // Chrome may itself run a withheld site's scripts once it is granted: never a second overlay.
    const [probe] = await chrome.scripting.executeScript({ target: { tabId }, func: () => document.getElementById("comptoir-overlay") !== null })
    if (probe?.result === true) return { ok: true }
    await chrome.scripting.executeScript({ target: { tabId }, files: lookupScriptFiles().js })
    return { ok: true }
  } catch (e) {
    return { ok: true, error: `enabled; reload the page to start (${String(e)})` }
  }
}

export function disableSite(pattern: string): Promise<void> {
  return serial(() => disableSiteNow(pattern))
}

async function disableSiteNow(pattern: string): Promise<void> {
  const id = scriptIdOf(pattern)
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [id] })
  if (existing.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [id] })
  const settings = await loadSettings()
  await saveSettings({ enabledSites: settings.enabledSites.filter((p) => p !== pattern) })
  try {
    await chrome.permissions.remove({ origins: [pattern] })
  } catch {
    // Already removed by the user in the browser's own settings.
  }
}

/**
 * The sites the manifest itself asks for (webmail, localhost). Granted at install, but a user may withhold them
 * (Chrome's site access "on click", Firefox's add-on permissions), and then the popup asks again.
 */
export function builtinSitePatterns(): string[] {
  return ((chrome.runtime.getManifest().host_permissions ?? []) as string[]).filter((p) => p.startsWith("http"))
}

/**
 * Origins the user granted beyond the manifest's own: through the popup, or through Chrome's own site-access
 * menu (the puzzle icon, chrome://extensions), which Comptoir learns of only from the permissions it holds.
 */
async function grantedSitePatterns(): Promise<string[]> {
  const builtin = new Set(builtinSitePatterns())
  const { origins = [] } = await chrome.permissions.getAll()
  return origins.filter((o) => /^https?:\/\/[^/*]+\/\*$/.test(o) && !builtin.has(o))
}

/** Site access granted outside the popup: Comptoir starts there as if enabled from the popup. */
export function adoptGrantedSites(origins: readonly string[] = []): Promise<void> {
  return serial(async () => {
    const granted = new Set(await grantedSitePatterns())
    for (const o of origins) if (granted.has(o)) await enableSiteNow(o)
  })
}

/** Brings registrations back in line with the settings and the permissions the user still grants. */
export function reconcileSites(): Promise<void> {
  return serial(reconcileSitesNow)
}

async function reconcileSitesNow(): Promise<void> {
  const settings = await loadSettings()
  const keep: string[] = []
  for (const pattern of settings.enabledSites) {
    if (await chrome.permissions.contains({ origins: [pattern] })) keep.push(pattern)
  }
  for (const pattern of await grantedSitePatterns()) if (!keep.includes(pattern)) keep.push(pattern)
  const registered = await chrome.scripting.getRegisteredContentScripts()
  const wantedIds = new Set(keep.map(scriptIdOf))
  const stale = registered.filter((r) => r.id.startsWith(PREFIX) && !wantedIds.has(r.id)).map((r) => r.id)
  if (stale.length > 0) await chrome.scripting.unregisterContentScripts({ ids: stale })
  if (keep.length !== settings.enabledSites.length || keep.some((p) => !settings.enabledSites.includes(p))) await saveSettings({ enabledSites: keep })
  for (const pattern of keep) await enableSiteNow(pattern)
}
