import type { ComponentType } from "react"

import { CallsSection } from "~src/features/call-outcome/calls-section"
import { ScriptsSection } from "~src/features/call-script/scripts-section"
import { CatalogSection } from "~src/features/catalog"
import { DunningSection, InvoicesSection, OrdersSection } from "~src/features/invoicing/sections"
import { OrdersSection as CapturedOrderSection } from "~src/features/order-capture/orders-section"
import { QuotesRoute } from "~src/features/quotes/quotes-route"

import { CustomersSection } from "./customers-section"

/** One section of the workspace: its route (`#/<id>/…`), its label, and what it shows. */
export interface WorkspaceSection {
  id: string
  /** i18n key of the navigation label. */
  labelKey: string
  /** `path`: the route after the section's id (`#/quotes/q-1` → ["q-1"]). */
  Component: ComponentType<{ path: string[] }>
}

/**
 * The workspace's sections, in navigation order. Each feature adds its own entry here; its component lives in
 * its feature folder.
 */
export const WORKSPACE_SECTIONS: WorkspaceSection[] = [
  { id: "customers", labelKey: "workspace.nav.customers", Component: CustomersSection },
  { id: "scripts", labelKey: "workspace.nav.scripts", Component: ScriptsSection },
  // Call outcomes (issue #9): "Log a call" for a call made elsewhere (#/calls/log/<customerId>).
  { id: "calls", labelKey: "callOutcome.page.nav", Component: CallsSection },
  // Quote to cash (issue #10)
  { id: "quotes", labelKey: "invoicing.section.quotes", Component: QuotesRoute },
  { id: "orders", labelKey: "invoicing.section.orders", Component: OrdersRoute },
  { id: "invoices", labelKey: "invoicing.section.invoices", Component: InvoicesSection },
  { id: "dunning", labelKey: "invoicing.section.dunning", Component: DunningSection },
  // Catalog and customers' prices (issue #10): edited by managers, read by agents.
  { id: "catalog", labelKey: "catalog.page.nav", Component: CatalogSection }
]

/** `#/orders/capture/<id>`: the review of an order captured from a mail (issue #11); the rest is the orders list. */
function OrdersRoute({ path }: { path: string[] }) {
  return path[0] === "capture" ? <CapturedOrderSection path={path} /> : <OrdersSection path={path} />
}
