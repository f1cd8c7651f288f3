import { sendFromPage } from "~src/features/lookup-panel/page-messaging"

/**
 * Opens a workspace route from wherever the card is: inside the workspace, the route changes in place; another
 * extension page or a content script asks the background (`workspace/open`, a new tab of the extension's own).
 */
export async function openDocuments(path: string): Promise<void> {
  if (location.pathname.endsWith("/tabs/workspace.html")) {
    location.hash = `#/${path}`
    return
  }
  await sendFromPage("workspace/open", { path })
}
