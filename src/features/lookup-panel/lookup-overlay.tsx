import { startTransition, useCallback, useEffect, useMemo, useRef, useState } from "react"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import type { Settings } from "~src/domain/settings/settings.schema"
import { compileCodePattern } from "~src/domain/settings/settings-values"
import { CardTextContext, CustomerCard } from "~src/features/customer-card/customer-card"
import { formatPhone } from "~src/features/customer-card/format"
import { startPageScanner, type FoundItem } from "~src/features/page-scan/page-scanner"
import { placeCall } from "~src/features/softphone/place-call"
import type { CustomerMatch } from "~src/messaging/contract"
import { useDebouncedSearch } from "~src/ui/use-debounced-search"
import { AppShell, useSettings } from "~src/ui/app-shell"

import { PageLookup } from "./page-lookup"
import { isPanelToggle, sendFromPage } from "./page-messaging"

const COLLAPSED_KEY = "panelCollapsed"
/** Matches past this many show as one-line cards (a CRM list can hold hundreds of customers). */
const FULL_CARDS = 10
/**
 * Cards rendered at first, then this many more per step: one React commit of hundreds of cards is a long task
 * for the page (DOM, style and layout of the panel), a few dozen are not.
 */
const CARDS_PER_STEP = 40
/** Matches wait for the scanner to be idle (its slices and our renders would share the page's frames), not longer than this. */
const MAX_RENDER_WAIT_MS = 300

/** Root of the page overlay. */
export function LookupOverlay() {
  return (
    <AppShell>
      <ConnectedPanel />
    </AppShell>
  )
}

function ConnectedPanel() {
  return <LookupPanel settings={useSettings()} />
}

function LookupPanel({ settings }: { settings: Settings }) {
  const { t, i18n } = useTranslation()
  const cardText = useMemo(() => ({ t, language: i18n.language }), [t, i18n.language])
  const [collapsed, setCollapsed] = useState(false)
  const [matches, setMatches] = useState<CustomerMatch[]>([])
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

  // Set once the user toggled on this page: the stored state, read asynchronously at start, must not undo a
  // toggle made before it arrived (the shortcut pressed as the page loads).
  const toggledHere = useRef(false)
  const setCollapsedPersist = useCallback((value: boolean) => {
    toggledHere.current = true
    setCollapsed(value)
    void chrome.storage.local.set({ [COLLAPSED_KEY]: value })
  }, [])

  useEffect(() => {
    void chrome.storage.local.get(COLLAPSED_KEY).then((r) => {
      if (!toggledHere.current) setCollapsed(r[COLLAPSED_KEY] === true)
    })
  }, [])

  // Page scan → batched exact lookups; results merge into the list as they come, and are rendered when the scanner
  // is idle: a first pass over a long page is a few dozen ms of slices, cards rendered in between would stretch it
  // (and each render costs the page a layout).
  useEffect(() => {
    let latest: CustomerMatch[] | null = null
    let timer: ReturnType<typeof setTimeout> | null = null
    const render = () => {
      if (timer !== null) clearTimeout(timer)
      timer = null
      const all = latest
      latest = null
      // A transition: React renders the cards in short slices and the page stays responsive. A few new cards are
      // rendered at once (a number added to the page); a long list grows a step at a time.
      if (all !== null)
        startTransition(() => {
          setMatches(all)
          setShown((n) => Math.min(Math.max(n, all.length), n + CARDS_PER_STEP))
        })
    }
    const lookup = new PageLookup({
      lookup: (req) => sendFromPage("lookup/match", req),
      onMatches: (all, markName) => {
        if (markName) pendingMeasure.current.push(markName)
        latest = all
        if (scanner.stats().idle) render()
        else timer ??= setTimeout(render, MAX_RENDER_WAIT_MS)
      },
      onError: (e) => setError(String(e))
    })
    const compiled = compileCodePattern(settings.customerCodePattern)
    const scanner = startPageScanner(document, {
      defaultCountry: settings.defaultCountry,
      codePattern: compiled.ok ? compiled.re : null,
      ignoreSelector: "#comptoir-overlay",
      onFound: (items: FoundItem[]) => lookup.add(items),
      onIdle: render,
      onActivate: (item: FoundItem) => {
        setCollapsedPersist(false)
        setClickedPhone(item.kind === "phone" ? item.value : null)
        const hit = lookup.customerFor(item)
        if (hit) setHighlight(hit.customer.id)
        else {
          setQuery(item.value)
          setHighlight(null)
        }
      }
    })
    return () => {
      scanner.stop()
      lookup.dispose()
      if (timer !== null) clearTimeout(timer)
    }
  }, [settings, setCollapsedPersist])

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

  useEffect(() => {
    const listener = (message: unknown) => {
      if (isPanelToggle(message)) {
        toggledHere.current = true
        setCollapsed((c) => {
          const next = !c
          void chrome.storage.local.set({ [COLLAPSED_KEY]: next })
          if (!next) setTimeout(() => searchRef.current?.focus(), 0)
          return next
        })
      }
    }
    chrome.runtime.onMessage.addListener(listener)
    return () => chrome.runtime.onMessage.removeListener(listener)
  }, [])

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

  return (
    <CardTextContext.Provider value={cardText}>
      <section className="c-panel" data-comptoir="panel" data-collapsed={collapsed ? "true" : "false"} aria-label={t("panel.header.title")}>
        <header className="c-panel-header">
          <h2>{t("panel.header.title")}</h2>
          <span className="c-badge" data-comptoir="match-count" title={t("panel.matches.count", { count: matches.length })}>
            {matches.length}
          </span>
          <button
            type="button"
            onClick={() => setCollapsedPersist(!collapsed)}
            aria-expanded={!collapsed}
            aria-label={collapsed ? t("panel.header.expand") : t("panel.header.collapse")}
            data-comptoir="panel-toggle">
            {collapsed ? "▸" : "▾"}
          </button>
        </header>
        {collapsed ? null : (
          <div className="c-panel-body" ref={bodyRef}>
            <input
              ref={searchRef}
              className="c-search"
              type="search"
              data-comptoir="search"
              placeholder={t("panel.search.placeholder")}
              aria-label={t("panel.search.placeholder")}
              value={query}
              maxLength={200}
              onChange={(e) => setQuery(e.target.value)}
            />
            {error ? <p className="c-error">{t("panel.errors.background", { error })}</p> : null}
            {clickedPhone ? (
              <button
                type="button"
                className="c-button"
                data-comptoir="call"
                data-number={clickedPhone}
                onClick={() => void placeCall({ number: clickedPhone, customerId: matches.find((m) => m.matchedValues.includes(clickedPhone))?.customer.id })}>
                ☎ {t("softphone.dock.callNumber", { number: formatPhone(clickedPhone, settings.defaultCountry) })}
              </button>
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
        )}
      </section>
    </CardTextContext.Provider>
  )
}
