import type { ComponentType } from "react"

import { ScriptsSection } from "~src/features/call-script/scripts-section"
import { QuotesSection } from "~src/features/quotes/quotes-section"
import { CallsSection } from "~src/features/call-outcome/calls-section"

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
  { id: "quotes", labelKey: "quotes.list.title", Component: QuotesSection },
  // Call outcomes (issue #9): "Log a call" for a call made elsewhere (#/calls/log/<customerId>).
  { id: "calls", labelKey: "callOutcome.page.nav", Component: CallsSection }
]
