import { useCallback, useEffect, useState, type ReactNode } from "react"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { openScriptFor } from "~src/features/call-script/use-scripts"
import { CustomerCard } from "~src/features/customer-card/customer-card"
import { drawQuoteInPlace, loadInPlaceQuote, useLoadedInPlaceQuote, warmInPlaceQuote } from "~src/features/quotes/in-place-quote-loader"
import { useInPlaceQuoteOpen } from "~src/features/quotes/in-place-quote-state"
import { setInPlaceQuoteForm } from "~src/features/quotes/open-quote-form"
import type { PanelView } from "~src/messaging/contract"
import { send } from "~src/messaging/send"
import { AppShell, useSettings } from "~src/ui/app-shell"
import { CallUnderWayFromSoftphone } from "~src/features/softphone/call-under-way-softphone"

import { readView, viewKey } from "./view-store"

/**
 * The browser's side panel: Comptoir's docked home. Its sections, top to bottom: the cards of the active tab (what
 * that tab's in-page panel shows), then the slots later features fill: the softphone (src/features/softphone) and
 * the running call script. A slot left empty renders nothing.
 */
export interface SidePanelSlots {
  /** The softphone's component, mounted as is (see sidepanel/index.tsx). */
  softphone?: ReactNode
  /** The call script running beside a call. */
  callScript?: ReactNode
}

export function SidePanelApp(slots: SidePanelSlots) {
  return (
    <AppShell ownsDocument>
      <CallUnderWayFromSoftphone>
        <SidePanel {...slots} />
      </CallUnderWayFromSoftphone>
    </AppShell>
  )
}

function SidePanel({ softphone, callScript }: SidePanelSlots) {
  const { t } = useTranslation()
  // New quote on any card of this page (the tab's cards, the dock's caller card, the call's outcome form) draws the
  // form here, in place of the cards: no tab opened (src/features/quotes/in-place-quote.tsx).
  // The editor is its own chunk, loaded once a card shows (ActiveTabCards); a click before that waits for it.
  useEffect(() => {
    setInPlaceQuoteForm(drawQuoteInPlace, warmInPlaceQuote)
    return () => setInPlaceQuoteForm(null)
  }, [])
  const quoteOpen = useInPlaceQuoteOpen()
  const quote = useLoadedInPlaceQuote()
  return (
    <main className="c-side" data-comptoir="side-panel">
      <header className="c-side-header">
        <h1>{t("panelUi.side.title")}</h1>
        <button type="button" className="c-button c-button-secondary" onClick={() => void chrome.runtime.openOptionsPage()}>
          {t("panelUi.side.options")}
        </button>
      </header>
      {softphone ? (
        <section className="c-side-section" data-comptoir="side-panel-softphone" aria-label={t("panelUi.side.softphone")}>
          {softphone}
        </section>
      ) : null}
      {quote ? <quote.InPlaceQuote surface="side-panel" backLabel={t("panelUi.side.quoteBack")} /> : null}
      {/* Hidden, not unmounted, while a quote is shown: Back finds the cards as they were left. */}
      <div hidden={quoteOpen}>
        {callScript ? (
          <section className="c-side-section" data-comptoir="side-panel-script" aria-label={t("panelUi.side.callScript")}>
            {callScript}
          </section>
        ) : null}
        <ActiveTabCards />
      </div>
    </main>
  )
}

interface FollowedTab {
  id: number
  title: string
  url: string
}

function followed(tab: chrome.tabs.Tab | undefined): FollowedTab | null {
  return tab?.id === undefined ? null : { id: tab.id, title: tab.title ?? "", url: tab.url ?? "" }
}

const lastAccessed = (tab: chrome.tabs.Tab) => (tab as { lastAccessed?: number }).lastAccessed ?? 0

/**
 * The tab whose cards are shown. In the real side panel: its window's active tab, followed as the user switches.
 * Opened as a tab itself (a pinned tab, or the tests: headless Chromium shows no side panel), it follows the web tab
 * the user was on last, never itself.
 */
function useFollowedTab(): FollowedTab | null | undefined {
  const [tab, setTab] = useState<FollowedTab | null | undefined>(undefined)
  useEffect(() => {
    let live = true
    let current: number | null = null
    let selfTab: number | undefined
    let ownWindow: number | undefined
    const follow = (t: FollowedTab | null) => {
      if (!live) return
      current = t?.id ?? null
      setTab(t)
    }
    const pick = async () => {
      const [self, win] = await Promise.all([chrome.tabs.getCurrent(), chrome.windows.getCurrent()])
      selfTab = self?.id
      ownWindow = win.id
      if (selfTab === undefined) {
        const [active] = await chrome.tabs.query({ active: true, windowId: ownWindow })
        return follow(followed(active))
      }
      const others = (await chrome.tabs.query({})).filter((x) => x.id !== selfTab)
      others.sort((a, b) => lastAccessed(b) - lastAccessed(a) || Number(b.active) - Number(a.active))
      follow(followed(others[0]))
    }
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (info.tabId === selfTab) return
      if (selfTab === undefined && info.windowId !== ownWindow) return
      void chrome.tabs.get(info.tabId).then((x) => follow(followed(x)), () => undefined)
    }
    const onUpdated = (tabId: number, _change: unknown, x: chrome.tabs.Tab) => {
      if (tabId === current) follow(followed(x))
    }
    const onRemoved = (tabId: number) => {
      if (tabId === current) void pick()
    }
    void pick()
    chrome.tabs.onActivated.addListener(onActivated)
    chrome.tabs.onUpdated.addListener(onUpdated)
    chrome.tabs.onRemoved.addListener(onRemoved)
    return () => {
      live = false
      chrome.tabs.onActivated.removeListener(onActivated)
      chrome.tabs.onUpdated.removeListener(onUpdated)
      chrome.tabs.onRemoved.removeListener(onRemoved)
    }
  }, [])
  return tab
}

/** The view a tab's panel published, kept current; undefined while reading, null when the tab has none. */
function useTabView(tabId: number | null | undefined): PanelView | null | undefined {
  const [view, setView] = useState<PanelView | null | undefined>(undefined)
  useEffect(() => {
    if (tabId === undefined || tabId === null) return setView(tabId === null ? null : undefined)
    let live = true
    const key = viewKey(tabId)
    const load = () => void readView(tabId).then((v) => live && setView(v), () => live && setView(null))
    load()
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === "session" && key in changes) load()
    }
    chrome.storage.onChanged.addListener(onChanged)
    return () => {
      live = false
      chrome.storage.onChanged.removeListener(onChanged)
    }
  }, [tabId])
  return view
}

const openScript = (c: Customer) => void openScriptFor(c).catch(() => undefined)

function hostOf(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return ""
  }
}

function ActiveTabCards() {
  const { t } = useTranslation()
  const settings = useSettings()
  const tab = useFollowedTab()
  const view = useTabView(tab === undefined ? undefined : (tab?.id ?? null))
  const onOpen = useCallback((c: Customer) => void send("customers/opened", { customerId: c.id }).catch(() => undefined), [])
  const page = (tab?.url ? view?.title : "") || tab?.title || hostOf(tab?.url ?? "")
  // A card's New quote will want the quote editor: its loading starts once the cards are drawn, not with the page
  // (the side panel opens without it, and the click still finds it loaded).
  const cardsShown = !!tab?.url && !!view && view.matches.length > 0
  useEffect(() => {
    if (cardsShown) void loadInPlaceQuote().catch(() => undefined)
  }, [cardsShown])

  let body: ReactNode
  if (tab === undefined || view === undefined) body = null
  else if (tab === null) body = <p className="c-empty">{t("panelUi.side.noTab")}</p>
  // No URL: a page Comptoir has no access to, so no content script of ours runs there, whatever a past page of
  // that tab published (the browser tells tab URLs only where the extension has host access).
  // One of Comptoir's own pages (the workspace, the options): no in-page panel there, and nothing to enable.
  else if (tab.url.startsWith(chrome.runtime.getURL(""))) body = <p className="c-empty" data-comptoir="side-panel-own-page">{t("panelUi.side.ownPage")}</p>
  else if (view === null || tab.url === "") body = <p className="c-empty" data-comptoir="side-panel-inactive">{t("panelUi.side.inactive")}</p>
  else if (view.matches.length === 0) body = <p className="c-empty" data-comptoir="side-panel-empty">{t("panel.matches.empty")}</p>
  else
    body = (
      <>
        {view.matches.map((m) => (
          <CustomerCard
            key={m.customer.id}
            customer={m.customer}
            matchedBy={m.matchedBy}
            matchedValues={m.matchedValues}
            agentCountry={settings.defaultCountry}
            onOpen={onOpen}
            onOpenScript={openScript}
          />
        ))}
        {view.total > view.matches.length ? <p className="c-muted">{t("panelUi.side.more", { count: view.total - view.matches.length })}</p> : null}
      </>
    )

  return (
    <section className="c-side-section" data-comptoir="side-panel-tab" data-tab-id={tab?.id ?? ""} aria-label={t("panelUi.side.thisTab")}>
      <div className="c-section-title">
        {t("panelUi.side.thisTab")}
        {view && tab?.url ? (
          <span className="c-badge c-side-count" data-comptoir="match-count">
            {t("panel.matches.badge", { count: view.total })}
          </span>
        ) : null}
      </div>
      {page ? (
        <p className="c-muted c-side-page" data-comptoir="side-panel-page" title={tab?.url || view?.url}>
          {page}
        </p>
      ) : null}
      {body}
    </section>
  )
}
