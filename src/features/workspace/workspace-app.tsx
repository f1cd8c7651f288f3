import { useEffect, useState } from "react"
import { flushSync } from "react-dom"
import { useTranslation } from "react-i18next"

import { keepQuoteHandoff } from "~src/features/quotes/quote-handoff"
import { AppShell } from "~src/ui/app-shell"
import { PageTitle } from "~src/ui/page-title"
import { CallUnderWayFromSoftphone } from "~src/features/softphone/call-under-way-softphone"

import { parseRoute, routeHash, type WorkspaceRoute } from "./route"
import { WORKSPACE_ROUTE_MESSAGE, type WorkspaceRouteReply } from "./route-message"
import { hasUnsavedWork } from "./unsaved-work"
import { WORKSPACE_SECTIONS } from "./sections"

/** The full-tab page where the work lives (DESIGN.md, "Surfaces"): a left navigation, one route per section. */
export function WorkspaceApp() {
  return (
    <AppShell ownsDocument>
      <CallUnderWayFromSoftphone>
        <Workspace />
      </CallUnderWayFromSoftphone>
    </AppShell>
  )
}

function useRoute(): WorkspaceRoute {
  const [route, setRoute] = useState(() => ({ hash: location.hash, route: parseRoute(location.hash) }))
  useEffect(() => {
    // This tab's own id, to bring itself to the front when a route is handed to it (below).
    let ownTab: number | undefined
    void chrome.tabs?.getCurrent?.()?.then(
      (tab) => (ownTab = tab?.id),
      () => undefined
    )
    // (The hash the background's route already drew is not drawn twice.)
    const onChange = () => setRoute((now) => (now.hash === location.hash ? now : { hash: location.hash, route: parseRoute(location.hash) }))
    window.addEventListener("hashchange", onChange)
    // A card's "New quote" in a page: the background hands this open tab the route (background/handlers/workspace/open.ts).
    const onMessage = (message: unknown, sender: chrome.runtime.MessageSender, sendResponse: (reply: WorkspaceRouteReply) => void) => {
      const m = message as { type?: unknown; payload?: { path?: unknown; handoff?: unknown } } | null
      if (m?.type !== WORKSPACE_ROUTE_MESSAGE) return false
      // Only the background (no tab); a content script's message also reaches extension pages.
      if (sender.id !== chrome.runtime.id || sender.tab) return false
      const path = m.payload?.path
      if (typeof path !== "string" || hasUnsavedWork()) {
        sendResponse({ taken: false })
        return false
      }
      // The benchmark splits a card's click → form into the background's part and this tab's (bench/quote.bench.ts).
      performance.mark("comptoir:workspace-route")
      const target = routeHash(path)
      // A new quote's handoff: what its form would ask for first, there before the route changes. (The same
      // route again changes nothing on screen: no handoff is kept for a later visit to find stale.)
      // The tab asks to be brought to the front before it draws: the renderer of hidden extension pages runs at a
      // lower priority (Chrome backgrounds it, nice 5 on Linux), and under load the draw took 2–7× its CPU time in
      // waits. Asked here, the browser raises it while the form is drawn; the background's own request (kept) comes
      // only after this reply reached it (bench/README.md, "tab10b"). Nothing new is painted before this task ends,
      // as when the background's request arrived during the draw.
      if (ownTab !== undefined) Promise.resolve(chrome.tabs.update(ownTab, { active: true })).catch(() => undefined)
      keepQuoteHandoff(target, location.hash === target ? null : m.payload?.handoff)
      const changed = location.hash !== target
      if (changed) location.hash = target
      // Answered first: the background brings the tab to the front meanwhile.
      sendResponse({ taken: true })
      // Drawn now, in this message's task: its hashchange event, then React's scheduled render, would each queue
      // behind whatever the tab has queued (a tab just opened is still busy), and the tab shows the form later.
      if (changed) flushSync(onChange)
      return false
    }
    chrome.runtime.onMessage.addListener(onMessage)
    return () => {
      window.removeEventListener("hashchange", onChange)
      chrome.runtime.onMessage.removeListener(onMessage)
    }
  }, [])
  return route.route
}

function Workspace() {
  const { t } = useTranslation()
  const route = useRoute()
  const section = WORKSPACE_SECTIONS.find((s) => s.id === route.section) ?? WORKSPACE_SECTIONS[0]!
  return (
    <PageTitle name={t(section.labelKey)}>
      <div className="c-workspace" data-comptoir="workspace" data-section={section.id}>
        <nav className="c-workspace-nav" aria-label={t("workspace.nav.label")}>
          <strong className="c-workspace-brand">Comptoir</strong>
          <ul>
            {WORKSPACE_SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={routeHash(s.id)} aria-current={s.id === section.id ? "page" : undefined} data-comptoir={`nav-${s.id}`}>
                  {t(s.labelKey)}
                </a>
              </li>
            ))}
          </ul>
          <button type="button" className="c-button c-button-secondary" onClick={() => void chrome.runtime.openOptionsPage()}>
            {t("workspace.nav.settings")}
          </button>
        </nav>
        <main className="c-workspace-main">
          <section.Component key={section.id} path={route.section === section.id ? route.path : []} />
        </main>
      </div>
    </PageTitle>
  )
}
