import { startTransition, useCallback, useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { compileCodePattern, type Settings } from "~src/domain/settings/settings.schema"
import { CustomerCard } from "~src/features/customer-card/customer-card"
import { startPageScanner, type FoundItem } from "~src/features/page-scan/page-scanner"
import { tabContract, type CustomerMatch } from "~src/messaging/contract"
import { send } from "~src/messaging/send"
import { AppShell, useSettings } from "~src/ui/app-shell"

import { PageLookup } from "./page-lookup"

const COLLAPSED_KEY = "panelCollapsed"
/** Matches past this many show as one-line cards (a CRM list can hold hundreds of customers). */
const FULL_CARDS = 10

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
  const { t } = useTranslation()
  const [collapsed, setCollapsed] = useState(false)
  const [matches, setMatches] = useState<CustomerMatch[]>([])
  const [highlight, setHighlight] = useState<string | null>(null)
  const [query, setQuery] = useState("")
  const [results, setResults] = useState<Customer[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const searchRef = useRef<HTMLInputElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const pendingMeasure = useRef<string[]>([])

  const setCollapsedPersist = useCallback((value: boolean) => {
    setCollapsed(value)
    void chrome.storage.local.set({ [COLLAPSED_KEY]: value })
  }, [])

  useEffect(() => {
    void chrome.storage.local.get(COLLAPSED_KEY).then((r) => setCollapsed(r[COLLAPSED_KEY] === true))
  }, [])

  // Page scan → batched exact lookups; results merge into the list as they come.
  useEffect(() => {
    const lookup = new PageLookup({
      lookup: (req) => send("lookup/match", req),
      onMatches: (all, markName) => {
        if (markName) pendingMeasure.current.push(markName)
        // A transition: React renders the cards in short slices and the page stays responsive.
        startTransition(() => setMatches(all))
      },
      onError: (e) => setError(String(e))
    })
    const compiled = compileCodePattern(settings.customerCodePattern)
    const scanner = startPageScanner(document, {
      defaultCountry: settings.defaultCountry,
      codePattern: compiled.ok ? compiled.re : null,
      ignoreSelector: "#comptoir-overlay",
      onFound: (items: FoundItem[]) => lookup.add(items),
      onActivate: (item: FoundItem) => {
        setCollapsedPersist(false)
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
    }
  }, [settings, setCollapsedPersist])

  // "From a detected number to a rendered card": measured here, after React committed the cards.
  useEffect(() => {
    for (const mark of pendingMeasure.current.splice(0)) {
      try {
        performance.measure("comptoir:lookup", mark)
        performance.clearMarks(mark)
      } catch {
        // The mark was cleared by the page: nothing to measure.
      }
    }
  }, [matches])

  useEffect(() => {
    const listener = (message: unknown) => {
      const m = message as { type?: string }
      if (m?.type === "panel/toggle" && tabContract["panel/toggle"].request.safeParse((message as { payload?: unknown }).payload).success) {
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

  useEffect(() => {
    if (query.trim() === "") {
      setResults(null)
      return
    }
    let live = true
    const timer = setTimeout(() => {
      send("search/query", { query, limit: 8 })
        .then((r) => live && setResults(r.customers))
        .catch((e) => live && setError(String(e)))
    }, 80)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [query])

  useEffect(() => {
    if (!highlight) return
    const el = bodyRef.current?.querySelector(`[data-customer-id="${CSS.escape(highlight)}"]`)
    el?.scrollIntoView({ block: "nearest" })
  }, [highlight, collapsed])

  const onOpen = useCallback((c: Customer) => void send("customers/opened", { customerId: c.id }).catch(() => undefined), [])

  return (
    <section className="c-panel" data-comptoir="panel" data-collapsed={collapsed ? "true" : "false"} aria-label={t("panel.header.title")}>
      <header className="c-panel-header">
        <h2>{t("panel.header.title")}</h2>
        <span className="c-badge" data-comptoir="match-count" title={t("panel.matches.count", { count: matches.length })}>
          {matches.length}
        </span>
        <button type="button" onClick={() => setCollapsedPersist(!collapsed)} aria-expanded={!collapsed} aria-label={collapsed ? t("panel.header.expand") : t("panel.header.collapse")} data-comptoir="panel-toggle">
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
          {matches.map((m, i) => (
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
  )
}
