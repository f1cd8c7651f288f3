import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import type { Settings } from "~src/domain/settings/settings.schema"
import { EMPTY_BASE_PROFILE, type BaseProfile } from "~src/domain/detect/base-profile"
import { CardTextContext, CustomerCard } from "~src/features/customer-card/customer-card"
import { formatPhone } from "~src/features/customer-card/format"
import { CaptureOrderButton } from "~src/features/order-capture/capture-button"
import type { FoundItem } from "~src/features/page-scan/page-scanner"
import { holdQuotePreload } from "~src/features/quotes/quote-overlay"
import { callButtonTitleKey, useCallButton } from "~src/features/softphone/call-under-way"
import { useCallPress } from "~src/features/softphone/use-call-press"
import { newCustomerPath, UnknownNumber } from "~src/features/softphone/unknown-number"
import type { CustomerMatch } from "~src/messaging/contract"
import { PANEL_VIEW_MAX_CARDS } from "~src/messaging/limits"
import { useDebouncedSearch } from "~src/ui/use-debounced-search"
import { AppShell, useSettings } from "~src/ui/app-shell"

import { loadBaseProfile, onBaseProfileChanged } from "./base-profile-store"
import { isPanelRepublish, isPanelToggle, sendFromPage } from "./page-messaging"
import { startPageSession, type PageSession } from "./page-session"
import { CallUnderWayFromBar, PanelCallSlot, shownCount, useCallerCardId, useRingingCallId } from "./panel-call"
import { placementOf, tabPosition, type Placement } from "./placement"
import { knownWebmail } from "./webmail"
import { WebmailTabName } from "./webmail-tab-name"
import { layoutFrame, useDragToMove, useElementSize, useSitePanelState, useTypingField, useViewport } from "./panel-frame"

const HOST_ID = "comptoir-overlay"
/** The side panel follows the in-page list after it settled: one message per change, not one per lookup batch. */
const PUBLISH_DELAY_MS = 120
const BADGE_SIZE = { width: 44, height: 44 }
const OPEN_SIZE = { width: 360, height: 480 }
/** Matches past this many show as one-line cards (a CRM list can hold hundreds of customers). */
const FULL_CARDS = 10
/**
 * Cards rendered at first, then this many more per step: one React commit of hundreds of cards is a long task
 * for the page (DOM, style and layout of the panel), a few dozen are not.
 */
const CARDS_PER_STEP = 40

/** Root of the page overlay. */
export function LookupOverlay() {
  return (
    <AppShell>
      <CallUnderWayFromBar>
        <ConnectedPanel />
      </CallUnderWayFromBar>
    </AppShell>
  )
}

function ConnectedPanel() {
  const profile = useBaseProfile()
  const settings = useSettings()
  // The scan waits for the base's profile (one storage read): starting without it would scan the page twice.
  return profile === null ? null : <LookupPanel settings={settings} profile={profile} />
}

/** The base's countries and code shapes, as the background last published them (base-profile-store.ts). */
function useBaseProfile(): BaseProfile | null {
  const [profile, setProfile] = useState<BaseProfile | null>(null)
  useEffect(() => {
    let live = true
    void loadBaseProfile()
      .catch(() => EMPTY_BASE_PROFILE)
      .then((p) => live && setProfile((prev) => prev ?? p))
    const off = onBaseProfileChanged((p) => setProfile(p))
    return () => {
      live = false
      off()
    }
  }, [])
  return profile
}

function LookupPanel({ settings, profile }: { settings: Settings; profile: BaseProfile }) {
  const { t, i18n } = useTranslation()
  const cardText = useMemo(() => ({ t, language: i18n.language }), [t, i18n.language])
  // "auto": open when the view has cards, the badge when it has none; "open"/"collapsed": what the user chose
  // (collapsed is remembered for the site, see useSitePanelState).
  const site = useSitePanelState(location.origin)
  // Read once: a webmail's markup is there at document_idle, and a page does not become one later.
  const [webmail] = useState(() => knownWebmail(location.hostname, document))
  const [mode, setMode] = useState<"auto" | "open" | "collapsed">("auto")
  const [matches, setMatches] = useState<CustomerMatch[]>([])
  const [recent, setRecent] = useState<CustomerMatch[]>([])
  const [highlight, setHighlight] = useState<string | null>(null)
  // Softphone (issue #9): the number last clicked on the page, offered to call (known customer or not).
  const [clickedPhone, setClickedPhone] = useState<string | null>(null)
  const [query, setQuery] = useState("")
  const [error, setError] = useState<string | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const pendingMeasure = useRef<string[]>([])
  // Cards beyond this are not rendered yet (see CARDS_PER_STEP); grows after each commit until all are.
  const [shown, setShown] = useState(CARDS_PER_STEP)

  // The user's choice on this page wins over the stored one. Only a choice made with cards on screen is remembered
  // for the site: opening the badge of an empty page to search, then closing it, says nothing about the cards.
  const matchesRef = useRef(matches)
  matchesRef.current = matches
  const updateSite = site.update
  // On a webmail an opening is for this page only: the next mail would be covered by a panel opened once to read
  // one card (the tab is the default there, see effectiveMode).
  const setCollapsedPersist = useCallback(
    (value: boolean) => {
      const withCards = matchesRef.current.length > 0
      setMode(value ? (withCards ? "collapsed" : "auto") : "open")
      if (withCards && (value || webmail === null)) updateSite({ collapsed: value })
    },
    [updateSite, webmail]
  )
  // An incoming call opens the panel on its card (issue #9's screen-pop), whatever the user chose for the site.
  const ringingId = useRingingCallId()
  useEffect(() => {
    if (ringingId !== null) setMode("open")
  }, [ringingId])
  // A webmail's reading pane fills the right of the window, where the open panel would cover the end of the
  // message's lines: there the cards wait behind the slim tab (the sender's company on it) until the agent asks,
  // by the tab, the shortcut, a click on a number, or a call ringing.
  const effectiveMode = mode === "auto" && (site.collapsed === true || webmail !== null) ? "collapsed" : mode
  const open = effectiveMode === "open" || (effectiveMode === "auto" && matches.length > 0)
  const collapsed = !open

  // The page's scan and lookups (page-session.ts), started once: a change of the settings or of the base profile
  // (an import, a team sync) reconfigures them in place, so "Seen recently" and the cards on screen stay.
  const session = useRef<PageSession | null>(null)
  const first = useRef({ settings, profile })
  const onActivate = useRef<(item: FoundItem, hit: CustomerMatch | undefined) => void>(() => undefined)
  onActivate.current = (item, hit) => {
    setCollapsedPersist(false)
    setClickedPhone(item.kind === "phone" ? item.value : null)
    if (hit) setHighlight(hit.customer.id)
    else {
      // A number no customer has is said so above the list (ClickedNumber); a searched "+33…" found no one either.
      if (item.kind !== "phone") setQuery(item.value)
      setHighlight(null)
    }
  }
  useEffect(() => {
    const started = startPageSession(document, first.current.settings, first.current.profile, {
      // A transition: React renders the cards in short slices and the page stays responsive. A few new cards are
      // rendered at once (a number added to the page); a long list grows a step at a time.
      show: (all) =>
        startTransition(() => {
          setMatches(all.onPage)
          setRecent(all.recent)
          setShown((n) => Math.min(Math.max(n, all.onPage.length), n + CARDS_PER_STEP))
        }),
      onMark: (mark) => pendingMeasure.current.push(mark),
      onError: (e) => setError(String(e)),
      onActivate: (item, hit) => onActivate.current(item, hit)
    })
    session.current = started
    return () => {
      session.current = null
      started.stop()
    }
  }, [])
  useEffect(() => {
    session.current?.configure(settings, profile)
  }, [settings, profile])

  // The rest of a long list, a step at a time, each in its own task.
  useEffect(() => {
    if (shown >= matches.length) return
    const timer = setTimeout(() => startTransition(() => setShown((n) => n + CARDS_PER_STEP)), 0)
    return () => clearTimeout(timer)
  }, [shown, matches.length])

  // "From a detected number to a rendered card": measured here, after React committed the cards, all of them.
  useEffect(() => {
    if (shown < matches.length) return
    for (const mark of pendingMeasure.current.splice(0)) {
      try {
        performance.measure("comptoir:lookup", mark)
        performance.clearMarks(mark)
      } catch {
        // The mark was cleared by the page: nothing to measure.
      }
    }
  }, [matches, shown])

  const openRef = useRef(open)
  openRef.current = open
  // The search field exists once the panel is open: focused after that render, not before.
  const focusSearchOnOpen = useRef(false)
  useEffect(() => {
    if (open && focusSearchOnOpen.current) {
      focusSearchOnOpen.current = false
      searchRef.current?.focus()
    }
  })
  const published = useRef<string | null>(null)
  const [republish, setRepublish] = useState(0)
  useEffect(() => {
    const listener = (message: unknown, _sender: unknown, reply: (r: unknown) => void) => {
      if (isPanelToggle(message)) {
        const next = !openRef.current
        setCollapsedPersist(!next)
        focusSearchOnOpen.current = next
      } else if (isPanelRepublish(message)) {
        // The tab navigated (a single-page app's route change looks like one to the background): say we are here.
        published.current = null
        setRepublish((n) => n + 1)
        reply({ ok: true })
      }
    }
    chrome.runtime.onMessage.addListener(listener)
    return () => chrome.runtime.onMessage.removeListener(listener)
  }, [setCollapsedPersist])

  const results = useDebouncedSearch(
    query,
    (q) => sendFromPage("search/query", { query: q, limit: 8 }).then((r) => r.customers),
    80,
    (e) => setError(String(e))
  )

  useEffect(() => {
    if (!highlight) return
    const el = bodyRef.current?.querySelector(`[data-customer-id="${CSS.escape(highlight)}"]`)
    el?.scrollIntoView({ block: "nearest" })
  }, [highlight, collapsed])

  const onOpen = useCallback((c: Customer) => void sendFromPage("customers/opened", { customerId: c.id }).catch(() => undefined), [])
  const highlightIndex = highlight === null ? -1 : matches.findIndex((m) => m.customer.id === highlight)
  const visible = matches.length <= shown && highlightIndex < shown ? matches : matches.slice(0, Math.max(shown, highlightIndex + 1))

  // The side panel shows the same cards for this tab: the list is published once it settled, and again on each change.
  useEffect(() => {
    const timer = setTimeout(() => {
      const first = matches.slice(0, PANEL_VIEW_MAX_CARDS)
      const signature = `${matches.length}|${first.map((m) => `${m.customer.id}:${m.matchedBy}:${m.matchedValues.join(",")}`).join(";")}`
      if (signature === published.current) return
      published.current = signature
      sendFromPage("panel/view", { title: document.title.slice(0, 300), matches: first, total: matches.length }).catch(() => {
        published.current = null
      })
    }, PUBLISH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [matches, republish])

  // Shape and place: the badge when there is nothing to show (or the user collapsed it), the panel otherwise, where
  // the user put it on this site, inside the viewport, never over the field the user is typing in.
  const frameRef = useRef<HTMLElement>(null)
  const viewport = useViewport()
  const size = useElementSize(frameRef, BADGE_SIZE)
  const lastOpenSize = useRef(OPEN_SIZE)
  if (open && size.width > BADGE_SIZE.width * 2) lastOpenSize.current = size
  const typingField = useTypingField(HOST_ID)
  const onPlace = useCallback((placement: Placement | null) => updateSite({ placement }), [updateSite])
  const tab = webmail !== null
  const tabStart = useMemo(
    () => (tab ? placementOf({ ...tabPosition(size, viewport), ...size }, viewport) : undefined),
    [tab, size, viewport]
  )
  const mover = useDragToMove({ frameRef, placement: site.placement, size, viewport, onPlace, start: collapsed ? tabStart : undefined })
  const layout = layoutFrame({
    placement: site.placement,
    open,
    size,
    openSize: lastOpenSize.current,
    viewport,
    // A ringing call is not hidden behind the badge because the agent was typing.
    typingField: ringingId === null ? typingField : null,
    dragAt: mover.dragAt,
    tab
  })
  const badge = collapsed || layout.yielding
  // The header counts the cards it shows: an incoming caller's card is one, even when the page names nobody.
  const callerId = useCallerCardId()
  const cardCount = shownCount(matches, callerId)
  const countLabel = !cardCount.caller
    ? t("panel.matches.count", { count: matches.length })
    : matches.length === 0
      ? t("panel.matches.callerOnly")
      : t("panel.matches.callerAnd", { count: matches.length })
  const [sideError, setSideError] = useState<string | null>(null)
  const openSidePanel = () => {
    setSideError(null)
    sendFromPage("sidepanel/open", {})
      .then((r) => (r.ok ? undefined : setSideError(r.error ?? "")))
      .catch((e: unknown) => setSideError(String(e)))
  }

  return (
    <CardTextContext.Provider value={cardText}>
      <section
        ref={frameRef}
        className="c-panel"
        data-comptoir="panel"
        data-collapsed={collapsed ? "true" : "false"}
        data-shape={badge ? (tab ? "tab" : "badge") : "open"}
        data-yielding={layout.yielding ? "true" : "false"}
        data-dragging={mover.dragAt ? "true" : "false"}
        style={{ left: layout.style.left, top: layout.style.top, visibility: site.loaded ? undefined : "hidden" }}
        aria-label={t("panel.header.title")}>
        {badge ? (
          <button
            type="button"
            className={tab ? "c-panel-tab" : "c-panel-badge"}
            data-comptoir="panel-toggle"
            data-drag-handle=""
            {...mover.handle}
            onKeyDown={mover.onKeyDown}
            onClick={() => {
              if (mover.consumeClick()) return
              setCollapsedPersist(false)
              // An empty panel is opened to search; one with cards to read them, and the page keeps the keyboard
              // (a webmail's arrow keys through its list, Delete, Reply).
              focusSearchOnOpen.current = matchesRef.current.length === 0
            }}
            aria-expanded={false}
            aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Home"
            aria-label={`${t("panel.header.expand")} — ${countLabel}. ${t("panelUi.move.help")}`}
            title={`${countLabel} — ${t("panelUi.move.help")}`}>
            <span className="c-panel-badge-mark" aria-hidden="true">
              C
            </span>
            {cardCount.count > 0 ? (
              <span className={tab ? "c-badge" : "c-badge c-panel-badge-count"} data-comptoir="match-count">
                {t("panel.matches.badge", { count: cardCount.count })}
              </span>
            ) : null}
            {tab ? <WebmailTabName company={matches[0]?.customer.company} count={cardCount.count} /> : null}
          </button>
        ) : (
          <header className="c-panel-header" {...mover.handle}>
            <h2>{t("panel.header.title")}</h2>
            {/* No "0": the list says it in words, and a "0" over a caller's card read as "nobody". */}
            {cardCount.count > 0 ? (
              <span className="c-badge" data-comptoir="match-count" title={countLabel}>
                {t("panel.matches.badge", { count: cardCount.count })}
              </span>
            ) : null}
            <button
              type="button"
              data-comptoir="panel-move"
              data-drag-handle=""
              onKeyDown={mover.onKeyDown}
              aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Home"
              aria-label={`${t("panelUi.move.label")}. ${t("panelUi.move.help")}`}
              title={t("panelUi.move.help")}>
              ✥
            </button>
            <button type="button" data-comptoir="open-side-panel" onClick={openSidePanel} aria-label={t("panelUi.sidePanel.open")} title={t("panelUi.sidePanel.open")}>
              ◨
            </button>
            <button
              type="button"
              onClick={() => setCollapsedPersist(!collapsed)}
              aria-expanded={!collapsed}
              aria-label={collapsed ? t("panel.header.expand") : t("panel.header.collapse")}
              data-comptoir="panel-toggle">
              {collapsed ? "▸" : "▾"}
            </button>
          </header>
        )}
        {badge ? null : sideError !== null ? (
          <p className="c-error c-panel-note" data-comptoir="side-panel-error">
            {sideError === "unsupported" ? t("panelUi.sidePanel.unsupported") : t("panelUi.sidePanel.failed", { error: sideError })}
          </p>
        ) : null}
        {badge ? null : (
          <div className="c-panel-body" ref={bodyRef}>
            <PanelCallSlot agentCountry={settings.defaultCountry} onOpen={onOpen} onLogCall={openSidePanel} />
            <input
              ref={searchRef}
              className="c-search"
              type="search"
              data-comptoir="search"
              placeholder={t("panel.search.placeholder")}
              aria-label={t("panel.search.label")}
              title={t("panel.search.label")}
              value={query}
              maxLength={200}
              onChange={(e) => setQuery(e.target.value)}
            />
            {error ? <p className="c-error">{t("panel.errors.background", { error })}</p> : null}
            <CaptureOrderButton />
            {clickedPhone ? (
              <ClickedNumber
                number={clickedPhone}
                customerId={matches.find((m) => m.matchedValues.includes(clickedPhone))?.customer.id}
                agentCountry={settings.defaultCountry}
                onError={(e) => setError(e)}
              />
            ) : null}
            {results ? (
              <>
                <div className="c-section-title">{t("panel.search.results")}</div>
                {results.length === 0 ? <p className="c-empty">{t("panel.search.noResults")}</p> : null}
                {results.map((c) => (
                  <div key={c.id} data-customer-id={c.id}>
                    <CustomerCard customer={c} agentCountry={settings.defaultCountry} onOpen={onOpen} />
                  </div>
                ))}
              </>
            ) : null}
            <div className="c-section-title">{t("panel.matches.title")}</div>
            {matches.length === 0 ? <p className="c-empty">{t("panel.matches.empty")}</p> : null}
            <div data-comptoir="on-page">
              {visible.map((m, i) => (
                <div key={m.customer.id} data-customer-id={m.customer.id}>
                  <CustomerCard
                    compact={i >= FULL_CARDS}
                    customer={m.customer}
                    matchedBy={m.matchedBy}
                    matchedValues={m.matchedValues}
                    highlight={highlight === m.customer.id}
                    agentCountry={settings.defaultCountry}
                    onOpen={onOpen}
                  />
                </div>
              ))}
            </div>
            {recent.length > 0 ? (
              <div data-comptoir="recent">
                <div className="c-section-title">{t("lookupPanel.recent.title")}</div>
                {recent.map((m) => (
                  <div key={m.customer.id} data-recent-id={m.customer.id}>
                    <CustomerCard compact customer={m.customer} agentCountry={settings.defaultCountry} onOpen={onOpen} />
                  </div>
                ))}
              </div>
            ) : null}
          </div>
        )}
      </section>
    </CardTextContext.Provider>
  )
}

/**
 * The number last clicked on the page: "Call" it; when no customer has it, the panel says so and offers to make one
 * ("New customer with this number", the workspace's form prefilled), as the caller card does for an unknown caller.
 */
function ClickedNumber({ number, customerId, agentCountry, onError }: { number: string; customerId: string | undefined; agentCountry: string; onError: (e: string) => void }) {
  const { t } = useTranslation()
  const { calling, error, press, hangUp } = useCallPress()
  // Another number's call on: off, and says why; this number's, pressed elsewhere: says it is the one (issue #9).
  const state = useCallButton(number)
  const titleKey = calling === number ? null : callButtonTitleKey(state)
  const call = (
    <>
      <button
        type="button"
        className={calling === number ? "c-button c-button-danger" : "c-button"}
        data-comptoir="call"
        data-number={number}
        data-call-state={state}
        aria-pressed={calling === number || state === "this-call"}
        disabled={titleKey !== null}
        title={titleKey === null ? undefined : t(titleKey)}
        // The quote form's preload does not start between the press and the click (quote-overlay.ts).
        onPointerDown={() => holdQuotePreload()}
        onClick={(e) => {
          // The page's scripts can reach this panel: only the agent's own click dials, or hangs up.
          if (!e.nativeEvent.isTrusted) return
          // "Calling…" hangs up (a wrong number), rather than dialling it a second time.
          if (calling === number) hangUp()
          else press({ number, customerId })
        }}>
        ☎ {calling === number ? `${t("softphone.state.ringing-out")} · ${t("softphone.action.hangup")}` : t("softphone.dock.callNumber", { number: formatPhone(number, agentCountry) })}
      </button>
      {error !== null ? (
        <p className="c-error" role="alert" data-comptoir="call-error">
          {t("softphone.dock.callFailed", { error })}
        </p>
      ) : null}
    </>
  )
  if (customerId) return call
  return (
    <UnknownNumber
      number={number}
      agentCountry={agentCountry}
      hook="number-unknown"
      onNewCustomer={() => void sendFromPage("workspace/open", { path: newCustomerPath(number) }).catch((e: unknown) => onError(String(e)))}>
      {call}
    </UnknownNumber>
  )
}
