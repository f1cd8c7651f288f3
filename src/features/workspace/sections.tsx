import type { ComponentType } from "react"

import { OrdersSection } from "~src/features/order-capture/orders-section"

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
  { id: "orders", labelKey: "workspace.nav.orders", Component: OrdersSection }
]
