import { DocumentStore } from "~src/db/document-store"
import type { DunningSchedule } from "~src/domain/documents/dunning"
import type { SellerIdentity } from "~src/domain/documents/legal-mentions"
import { todayInFrance } from "~src/domain/documents/payment-terms"
import type { RiskSettings } from "~src/domain/documents/risk"
import { teamDunningSchedule, teamRiskSettings } from "~src/domain/documents/seller.schema"
import { SellerIdentityView } from "~src/messaging/contract"

import { services } from "../../services"
import { readSession } from "../../sync"

export const documents = new DocumentStore(services.db)

/**
 * Today in France, where documents are dated (the server dates them so when it issues them, the order capture and the
 * quote form do too): the lists, the dunning, the risk, a new draft's date and a payment's default date are read on
 * that calendar. The device's day was the day before (or after) near midnight for an agent outside France's zone.
 */
export function today(now = Date.now()): string {
  return todayInFrance(now)
}

/** Who acts: the signed-in user; without a team server, this device alone (no manager to override). */
export async function me(): Promise<{ email: string; name: string; role: string }> {
  const s = await readSession()
  return s ? { email: s.user.email, name: s.user.name, role: s.user.role } : { email: "local", name: "", role: "agent" }
}

/** The team's reminder days, from its replicated settings row (a manager sets them); 7 / 15 / 30 until then. */
export async function dunningSchedule(): Promise<DunningSchedule> {
  return teamDunningSchedule(await teamSettingsRow())
}

/** The team's risk rules (its overdue threshold, a manager sets it), the ones the server confirms orders by. */
export async function riskSettings(): Promise<RiskSettings> {
  return teamRiskSettings(await teamSettingsRow())
}

/** The team's settings row (`teamSettings/seller`) as this device holds it, or null. */
export async function teamSettingsRow(): Promise<Record<string, unknown> | null> {
  const table = services.db.tables.find((t) => t.name === "teamSettings")
  return ((await table?.get("seller").catch(() => undefined)) as Record<string, unknown> | undefined) ?? null
}

/**
 * The team's seller identity, from the replicated team settings (`teamSettings/seller`, the quote feature's
 * table) when this build has it; null otherwise, and the views say what is missing.
 */
export async function teamSeller(): Promise<SellerIdentity | null> {
  const row = (await teamSettingsRow()) as { seller?: unknown } | null
  const parsed = SellerIdentityView.safeParse(row?.seller)
  return parsed.success ? parsed.data : null
}
