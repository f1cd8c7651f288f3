import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { openScriptFor } from "~src/features/call-script/use-scripts"
import { CustomerCard } from "~src/features/customer-card/customer-card"
import { openSidePanelFromClick, useSidePanelWindow } from "~src/features/side-panel/open-side-panel"
import { CustomerOrders } from "~src/features/order-capture/customer-orders"
import { send } from "~src/messaging/send"
import { useSettings } from "~src/ui/app-shell"
import { useDebouncedSearch } from "~src/ui/use-debounced-search"

import { routeHash } from "./route"

/** Customers: search the base, open one (`#/customers/<id>`) with its card. */
export function CustomersSection({ path }: { path: string[] }) {
  const { t } = useTranslation()
  const settings = useSettings()
  const [query, setQuery] = useState("")
  const [recent, setRecent] = useState<Customer[]>([])
  const [opened, setOpened] = useState<Customer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const search = useCallback((q: string) => send("search/query", { query: q, limit: 30 }).then((r) => r.customers), [])
  const results = useDebouncedSearch(query, search, 120, (e) => setError(String(e)))
  const openedId = path[0] ?? null
  const sideWindow = useSidePanelWindow()
  // "Script" on the card: the side panel runs a script for this customer without a call (opened in the click itself).
  const onOpenScript = useCallback(
    (c: Customer) => {
      void openSidePanelFromClick(sideWindow).catch(() => undefined)
      void openScriptFor(c).catch(() => undefined)
    },
    [sideWindow]
  )

  useEffect(() => {
    send("customers/recent", { limit: 12 }).then((r) => setRecent(r.customers), (e: unknown) => setError(String(e)))
  }, [])
  useEffect(() => {
    if (!openedId) return setOpened(null)
    send("customers/get", { ids: [openedId] }).then((r) => setOpened(r.customers[0] ?? null), (e: unknown) => setError(String(e)))
  }, [openedId])

  const onOpen = useCallback((c: Customer) => {
    void send("customers/opened", { customerId: c.id }).catch(() => undefined)
    location.hash = routeHash(`customers/${encodeURIComponent(c.id)}`)
  }, [])
  const list = query.trim() ? (results ?? []) : recent
  return (
    <div className="c-workspace-split">
      <div className="c-workspace-list">
        <h1>{t("workspace.customers.title")}</h1>
        <input
          className="c-search"
          type="search"
          data-comptoir="search"
          placeholder={t("popup.search.placeholder")}
          aria-label={t("popup.search.placeholder")}
          maxLength={200}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {error ? <p className="c-error">{error}</p> : null}
        {!query.trim() && list.length > 0 ? <h2 className="c-muted">{t("workspace.customers.recent")}</h2> : null}
        {list.map((c) => (
          <CustomerCard key={c.id} customer={c} compact agentCountry={settings.defaultCountry} onOpen={onOpen} highlight={c.id === openedId} />
        ))}
      </div>
      <div className="c-workspace-detail">
        {opened ? (
          <>
            <CustomerCard key={opened.id} customer={opened} agentCountry={settings.defaultCountry} onOpenScript={onOpenScript} timelineOpen />
            {/* Orders from email (issue #11): the orders captured from this customer's mails, with their subject. */}
            <CustomerOrders key={`orders-${opened.id}`} customerId={opened.id} />
          </>
        ) : openedId ? (
          <p className="c-muted">{t("workspace.customers.notFound")}</p>
        ) : (
          <p className="c-muted">{t("workspace.customers.pick")}</p>
        )}
      </div>
    </div>
  )
}
