import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { CallScriptPanel } from "~src/features/call-script/call-script-panel"
import { CustomerCard } from "~src/features/customer-card/customer-card"
import { openWorkspace } from "~src/features/workspace/open-workspace"
import { openSidePanelFromClick, useSidePanelWindow } from "~src/features/side-panel/open-side-panel"
import { SiteToggle } from "~src/features/sites/site-toggle"
import { SoftphoneDock } from "~src/features/softphone/softphone-dock"
import { SyncStatusLine, useSyncStatus } from "~src/features/sync/sync-status-line"
import { send } from "~src/messaging/send"
import { useDebouncedSearch } from "~src/ui/use-debounced-search"
import { AppShell, useSettings } from "~src/ui/app-shell"
import { CallUnderWayFromSoftphone } from "~src/features/softphone/call-under-way-softphone"

export function PopupApp() {
  return (
    <AppShell ownsDocument>
      <CallUnderWayFromSoftphone>
        <Popup />
      </CallUnderWayFromSoftphone>
    </AppShell>
  )
}

function Popup() {
  const { t } = useTranslation()
  const settings = useSettings()
  const [query, setQuery] = useState("")
  const [recent, setRecent] = useState<Customer[]>([])
  const [counts, setCounts] = useState<{ customers: number; products: number } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const { status: syncStatus } = useSyncStatus()
  const sideWindow = useSidePanelWindow()

  useEffect(() => {
    send("customers/recent", { limit: 6 })
      .then((r) => setRecent(r.customers))
      .catch((e) => setError(String(e)))
    send("customers/count", {})
      .then(setCounts)
      .catch(() => undefined)
  }, [])

  const results = useDebouncedSearch(
    query,
    (q) => send("search/query", { query: q, limit: 10 }).then((r) => r.customers),
    60,
    (e) => setError(String(e))
  )

  const onOpen = useCallback((c: Customer) => void send("customers/opened", { customerId: c.id }).catch(() => undefined), [])
  const list = results ?? recent

  return (
    <main style={{ width: 380, padding: 10 }}>
      {/* Two rows at the popup's 380 px: the title with the settings, then the two places to go, side by side. In one
          row the three buttons wrapped their words (French labels are a third longer). */}
      <header className="c-popup-header">
        <h1>{t("popup.header.title")}</h1>
        <button type="button" className="c-button c-button-secondary" data-comptoir="open-options" onClick={() => void chrome.runtime.openOptionsPage()}>
          {t("popup.header.options")}
        </button>
        <div className="c-popup-actions">
          <button
            type="button"
            className="c-button c-button-secondary"
            data-comptoir="open-workspace"
            onClick={() => openWorkspace().then(() => window.close(), (e: unknown) => setError(String(e)))}>
            {t("popup.header.workspace")}
          </button>
          <button
            type="button"
            className="c-button c-button-secondary"
            data-comptoir="open-side-panel"
            title={t("panelUi.sidePanel.open")}
            onClick={() => openSidePanelFromClick(sideWindow).then(() => window.close(), (e: unknown) => setError(String(e)))}>
            {t("panelUi.sidePanel.button")}
          </button>
        </div>
      </header>
      <input
        className="c-search"
        style={{ marginTop: 8 }}
        type="search"
        autoFocus
        data-comptoir="search"
        placeholder={t("popup.search.placeholder")}
        aria-label={t("popup.search.placeholder")}
        maxLength={200}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {error ? <p className="c-error">{t("popup.errors.background", { error })}</p> : null}
      <SoftphoneDock agentCountry={settings.defaultCountry} />
      <CallScriptPanel withCard={false} />
      <div className="c-section-title">{results ? t("popup.search.results") : t("popup.recent.title")}</div>
      {list.length === 0 ? (
        <p className="c-empty" data-comptoir="empty">
          {results ? t("popup.search.noResults") : counts?.customers === 0 ? t("popup.recent.noCustomers") : t("popup.recent.empty")}
        </p>
      ) : null}
      {list.map((c) => (
        <CustomerCard key={c.id} customer={c} agentCountry={settings.defaultCountry} onOpen={onOpen} />
      ))}
      {counts ? <p className="c-muted">{t("popup.base.count", { count: counts.customers })}</p> : null}
      {syncStatus?.signedIn ? <SyncStatusLine status={syncStatus} /> : null}
      <SiteToggle />
    </main>
  )
}
