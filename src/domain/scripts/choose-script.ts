import type { CallScript, ScriptPurpose } from "./script.schema"

export interface CallContext {
  direction: "inbound" | "outbound"
  customerTags: readonly string[]
  /** The customer has overdue invoices: the reminder script comes first on an outgoing call. */
  hasOverdueInvoices: boolean
  /** A campaign's script, when the call comes from one. */
  campaignScriptId?: string | null
}

const DEFAULT_FOR: Record<"inbound" | "outbound", ScriptPurpose[]> = {
  inbound: ["inbound-advice", "order-taking"],
  outbound: ["outbound-prospecting", "appointment-setting", "order-taking"]
}

/**
 * The scripts in the order the agent should see them for this call (the first is opened; the agent can switch).
 * A campaign's script wins; then an overdue customer on an outgoing call gets the reminder; then a script
 * made for one of the customer's tags; then the direction's usual scripts; a team's own script before a
 * shipped one of the same rank.
 */
export function rankScripts(scripts: readonly CallScript[], ctx: CallContext): CallScript[] {
  const tags = new Set(ctx.customerTags.map((t) => t.toLowerCase()))
  const score = (s: CallScript): number => {
    if (s.direction !== "any" && s.direction !== ctx.direction) return -1
    let v = 0
    if (ctx.campaignScriptId && s.id === ctx.campaignScriptId) v += 1000
    if (ctx.hasOverdueInvoices && ctx.direction === "outbound" && s.purpose === "payment-reminder") v += 500
    if (s.tags.some((t) => tags.has(t.toLowerCase()))) v += 100
    const usual = DEFAULT_FOR[ctx.direction].indexOf(s.purpose)
    if (usual !== -1) v += 50 - usual * 10
    if (!s.builtin) v += 1
    return v
  }
  return scripts
    .map((s) => ({ s, v: score(s) }))
    .filter((x) => x.v >= 0)
    .sort((a, b) => b.v - a.v)
    .map((x) => x.s)
}

/**
 * Whether the script beside a call moves to a newer proposal (the customer's overdue invoices, known a moment
 * after the call started): only a run still untouched and still on the script proposed before. A script the
 * agent chose, or one already answered, stays.
 */
export function followsProposal(run: { scriptId: string; answers: readonly unknown[]; path: readonly unknown[] }, before: string, next: string): boolean {
  return next !== before && run.scriptId === before && run.answers.length === 0 && run.path.length === 1
}
