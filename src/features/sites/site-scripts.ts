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

function lookupScriptFiles(): { js: string[]; css: string[] } {
  const scripts = chrome.runtime.getManifest().content_scripts ?? []
  const entry = scripts.find((s) => s.js?.some((f) => /(^|\/)lookup\./.test(f))) ?? scripts[0]
  return { js: entry?.js ?? [], css: entry?.css ?? [] }
}

export async function enableSite(pattern: string, tabId?: number): Promise<{ ok: boolean; error?: string }> {
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
  if (tabId !== undefined) {
    try {
      await chrome.scripting.executeScript({ target: { tabId }, files: js })
    } catch (e) {
      return { ok: true, error: `enabled; reload the page to start (${String(e)})` }
    }
  }
  return { ok: true }
}

export async function disableSite(pattern: string): Promise<void> {
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

/** Brings registrations back in line with the settings and the permissions the user still grants. */
export async function reconcileSites(): Promise<void> {
  const settings = await loadSettings()
  const keep: string[] = []
  for (const pattern of settings.enabledSites) {
    if (await chrome.permissions.contains({ origins: [pattern] })) keep.push(pattern)
  }
  const registered = await chrome.scripting.getRegisteredContentScripts()
  const wantedIds = new Set(keep.map(scriptIdOf))
  const stale = registered.filter((r) => r.id.startsWith(PREFIX) && !wantedIds.has(r.id)).map((r) => r.id)
  if (stale.length > 0) await chrome.scripting.unregisterContentScripts({ ids: stale })
  if (keep.length !== settings.enabledSites.length) await saveSettings({ enabledSites: keep })
  for (const pattern of keep) await enableSite(pattern)
}
