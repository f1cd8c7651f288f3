import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

import type { BrowserContext } from "@playwright/test"

import { BUILD_DIR, launchWithExtension, serviceWorkerOf } from "./launch"

/**
 * A site the agent added (their CRM: an optional host permission granted at run time). Headless Chromium cannot
 * accept a permission prompt (microsoft/playwright#32755), so the grant is written where Chrome keeps it, in the
 * profile's Preferences, between two launches: the same record Chrome writes when the user says yes. The site's
 * names resolve to 127.0.0.1 for this browser only.
 */
export function addedSiteArgs(hosts: string[]): string[] {
  return [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1`).join(", ")}`]
}

/** Records `pattern` as granted to the extension in a closed profile (Chrome's own record of a "yes"). */
export function grantInProfile(profileDir: string, extensionId: string, pattern: string): void {
  const prefsPath = join(profileDir, "Default", "Preferences")
  const prefs = JSON.parse(readFileSync(prefsPath, "utf8")) as { extensions: { settings: Record<string, Record<string, { explicit_host?: string[]; scriptable_host?: string[] }>> } }
  const ext = prefs.extensions.settings[extensionId]!
  for (const set of ["granted_permissions", "active_permissions"]) {
    const perms = ext[set]!
    perms.explicit_host = [...(perms.explicit_host ?? []), pattern]
    perms.scriptable_host = [...(perms.scriptable_host ?? []), pattern]
  }
  writeFileSync(prefsPath, JSON.stringify(prefs))
}

/**
 * The built extension in a fresh profile where `host` (over http, any port) is a site the agent added: installed in
 * a first launch, granted, launched again; returns once Comptoir registered its content script there.
 * `otherHosts` resolve too, and are not granted.
 */
export async function launchWithAddedSite(profileDir: string, host: string, otherHosts: string[] = [], buildDir = BUILD_DIR): Promise<{ context: BrowserContext; extensionId: string }> {
  const args = addedSiteArgs([host, ...otherHosts])
  const first = await launchWithExtension(profileDir, args, buildDir)
  const extensionId = new URL((await serviceWorkerOf(first)).url()).host
  await first.close()
  const pattern = `http://${host}/*`
  grantInProfile(profileDir, extensionId, pattern)
  const context = await launchWithExtension(profileDir, args, buildDir)
  const sw = await serviceWorkerOf(context)
  const until = Date.now() + 10_000
  while (!(await sw.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []))).includes(pattern)) {
    if (Date.now() > until) throw new Error(`Comptoir did not start on ${pattern}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return { context, extensionId }
}
