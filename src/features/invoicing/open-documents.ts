/**
 * Opens a workspace route from wherever the card is: an extension page opens the tab itself; a content script
 * asks the background (`workspace/open`). Until the workspace lands on this branch, extension pages open its
 * URL directly.
 */
export async function openDocuments(path: string): Promise<void> {
  const url = chrome.runtime.getURL(`tabs/workspace.html#/${path}`)
  if (location.protocol === "chrome-extension:" || location.protocol === "moz-extension:") {
    window.open(url, "_blank")
    return
  }
  // Content scripts: the foundation's workspace/open message.
}
