import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { openScriptFor } from "~src/features/call-script/use-scripts"
import { CustomerCard } from "~src/features/customer-card/customer-card"
import { CustomerEditor } from "~src/features/customers/customer-editor"
import { NewCustomerForm } from "~src/features/customers/new-customer-form"
import { openSidePanelFromClick, useSidePanelWindow } from "~src/features/side-panel/open-side-panel"
import { CustomerOrders } from "~src/features/order-capture/customer-orders"
import { send } from "~src/messaging/send"
import { resolveLanguage } from "~src/i18n"
import { useSettings } from "~src/ui/app-shell"
import { useDebouncedSearch } from "~src/ui/use-debounced-search"

import { parseRoute, routeHash } from "./route"

/** The route of a new customer: `#/customers/new?phone=…&call=…` (an unknown caller's "New customer with this number"). */
const NEW = "new"
/** Customers listed at a time before a search. */
const PAGE = 50

/**
 * Customers: the whole base in alphabetical order of company (50 at a time), filtered by the search box as the agent
 * types; open one (`#/customers/<id>`) with its card, edit it (`#/customers/<id>/edit`), or make one
 * (`#/customers/new`).
 */
export function CustomersSection({ path }: { path: string[] }) {
  const { t } = useTranslation()
  const settings = useSettings()
  const [query, setQuery] = useState("")
  /** Before a search: the whole base A to Z, a page at a time (customers/list), with how many there are. */
  const [base, setBase] = useState<{ customers: Customer[]; total: number } | null>(null)
  const [opened, setOpened] = useState<Customer | null>(null)
  const [error, setError] = useState<string | null>(null)
  const search = useCallback((q: string) => send("search/query", { query: q, limit: 30 }).then((r) => r.customers), [])
  const results = useDebouncedSearch(query, search, 120, (e) => setError(String(e)))
  const creating = path[0] === NEW
  const openedId = creating ? null : (path[0] ?? null)
  const editing = !creating && path[1] === "edit"
  /** Just saved in the editor: the card says so. */
  const [saved, setSaved] = useState<string | null>(null)
  /** Just made here: the card says so (and whether the call is theirs now). */
  const [created, setCreated] = useState<{ id: string; callAssigned: boolean } | null>(null)
  const newQuery = creating ? parseRoute(location.hash).query : null
  const sideWindow = useSidePanelWindow()
  // "Script" on the card: the side panel runs a script for this customer without a call (opened in the click itself).
  const onOpenScript = useCallback(
    (c: Customer) => {
      void openSidePanelFromClick(sideWindow).catch(() => undefined)
      void openScriptFor(c).catch(() => undefined)
    },
    [sideWindow]
  )

  // The first page again after an edit (a renamed company moves in the order); "Show more" adds the next.
  const loadBase = useCallback(
    (more: boolean) =>
      send("customers/list", { offset: more ? (base?.customers.length ?? 0) : 0, limit: PAGE }).then(
        (r) => setBase((b) => ({ customers: more && b ? [...b.customers, ...r.customers] : r.customers, total: r.total })),
        (e: unknown) => setError(String(e))
      ),
    [base]
  )
  useEffect(() => {
    void loadBase(false)
    // Once when the section opens; loadBase changes with each page read.
  }, [])
  useEffect(() => {
    if (!openedId) return setOpened(null)
    send("customers/get", { ids: [openedId] }).then((r) => setOpened(r.customers[0] ?? null), (e: unknown) => setError(String(e)))
  }, [openedId])

  const onOpen = useCallback((c: Customer) => {
    void send("customers/opened", { customerId: c.id }).catch(() => undefined)
    location.hash = routeHash(`customers/${encodeURIComponent(c.id)}`)
  }, [])
  const list = query.trim() ? (results ?? []) : (base?.customers ?? [])
  const left = query.trim() || !base ? 0 : base.total - base.customers.length
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
        {!query.trim() && base && base.total > 0 ? (
          <h2 className="c-muted" data-comptoir="customers-all" data-total={base.total}>
            {t("workspace.customers.all", { count: base.total })}
          </h2>
        ) : null}
        {/* An empty column says why: no customer in the base yet, or nothing matches. */}
        {!query.trim() && base?.total === 0 ? (
          <p className="c-empty" data-comptoir="customers-empty">
            {t("workspace.customers.empty")}
          </p>
        ) : null}
        {query.trim() && results !== null && results.length === 0 ? (
          <p className="c-empty" data-comptoir="customers-no-results">
            {t("popup.search.noResults")}
          </p>
        ) : null}
        {list.map((c) => (
          <CustomerCard key={c.id} customer={c} compact="always" agentCountry={settings.defaultCountry} onOpen={onOpen} highlight={c.id === openedId} />
        ))}
        {left > 0 ? (
          <button type="button" className="c-button c-button-secondary" data-comptoir="customers-more" onClick={() => void loadBase(true)}>
            {t("workspace.customers.more", { count: Math.min(left, PAGE) })}
          </button>
        ) : null}
      </div>
      <div className="c-workspace-detail">
        {creating ? (
          <NewCustomerForm
            phone={newQuery?.get("phone") ?? ""}
            callId={newQuery?.get("call") || null}
            agentCountry={settings.defaultCountry}
            language={resolveLanguage(settings.language, navigator.language)}
            onCreated={(c, callAssigned) => {
              setCreated({ id: c.id, callAssigned })
              void send("customers/opened", { customerId: c.id }).catch(() => undefined)
              location.hash = routeHash(`customers/${encodeURIComponent(c.id)}`)
            }}
          />
        ) : null}
        {created && opened?.id === created.id && !editing ? (
          <p className="c-notice" data-comptoir="new-customer-created" data-call-assigned={String(created.callAssigned)}>
            ✓ {created.callAssigned ? t("customers.new.createdWithCall") : t("customers.new.created")}
          </p>
        ) : null}
        {creating ? null : opened && editing ? (
          <CustomerEditor
            key={`edit-${opened.id}-${opened.updatedAt}`}
            customer={opened}
            agentCountry={settings.defaultCountry}
            onSaved={(c) => {
              setOpened(c)
              setSaved(c.id)
              void loadBase(false)
              location.hash = routeHash(`customers/${encodeURIComponent(c.id)}`)
            }}
            onCancel={() => (location.hash = routeHash(`customers/${encodeURIComponent(opened.id)}`))}
          />
        ) : opened ? (
          <>
            <div className="c-doc-actions">
              <a
                className="c-button c-button-secondary"
                href={routeHash(`customers/${encodeURIComponent(opened.id)}/edit`)}
                data-comptoir="customer-edit"
                onClick={() => {
                  setSaved(null)
                  setCreated(null)
                }}>
                {t("customers.edit.open")}
              </a>
              {saved === opened.id ? (
                <span className="c-ok" role="status" data-comptoir="customer-saved">
                  ✓ {t("customers.edit.saved")}
                </span>
              ) : null}
            </div>
            <CustomerCard key={opened.id} customer={opened} agentCountry={settings.defaultCountry} onOpenScript={onOpenScript} timelineOpen />
            {/* Orders from email (issue #11): the orders captured from this customer's mails, with their subject. */}
            <CustomerOrders key={`orders-${opened.id}`} customerId={opened.id} />
          </>
        ) : openedId ? (
          <p className="c-muted">{t("workspace.customers.notFound")}</p>
        ) : (
          <p className="c-muted">{t(list.length > 0 ? "workspace.customers.pick" : "workspace.customers.search")}</p>
        )}
      </div>
    </div>
  )
}
