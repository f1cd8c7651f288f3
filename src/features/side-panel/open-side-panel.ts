import { useEffect, useState } from "react"

interface FirefoxSidebar {
  open(): Promise<void>
}

/** The window an extension page (the popup) belongs to, read ahead: the click must not wait for it. */
export function useSidePanelWindow(): number | null {
  const [windowId, setWindowId] = useState<number | null>(null)
  useEffect(() => {
    // A page of a browser without the windows API (a test's stub) has no side panel to open either.
    void chrome.windows?.getCurrent().then(
      (w) => setWindowId(w.id ?? null),
      () => undefined
    )
  }, [])
  return windowId
}

/**
 * Opens the browser's side panel from an extension page's click handler: both browsers accept it only while the
 * user's click is being handled, so nothing is awaited before the call. Chrome: chrome.sidePanel (116+); Firefox:
 * its sidebar (sidebarAction).
 */
export function openSidePanelFromClick(windowId: number | null): Promise<void> {
  const sidebar = (globalThis as { browser?: { sidebarAction?: FirefoxSidebar } }).browser?.sidebarAction
  if (typeof chrome.sidePanel?.open === "function" && windowId !== null) return chrome.sidePanel.open({ windowId })
  if (sidebar) return sidebar.open()
  return Promise.reject(new Error("this browser has no side panel for extensions"))
}
