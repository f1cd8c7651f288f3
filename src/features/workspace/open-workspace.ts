import { routeHash } from "./route"

/** Opens the workspace at `path` in a new tab, from an extension page (content scripts send `workspace/open`). */
export async function openWorkspace(path = ""): Promise<void> {
  await chrome.tabs.create({ url: chrome.runtime.getURL(`tabs/workspace.html${routeHash(path)}`) })
}
