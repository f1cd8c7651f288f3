import { contract, type ResponseOf } from "~src/messaging/contract"
import { send } from "~src/messaging/send"

/**
 * The quote handoff: what a new quote starts from (the customer, the agent, the team's validity, the seller's
 * gaps, the risk, the customer's prices), looked up by the background while it hands a card's "New quote" to
 * an open workspace tab, and sent with the route (`workspace/route`). The tab keeps it here before it changes
 * its hash, and the quote form's first render takes it: the filled form is on screen at once, where it used to
 * ask the background for the same two lookups after the route changed and render "Loading…" meanwhile.
 *
 * A workspace tab opened anew on a new quote's route (no tab was open) asks for the same lookups as its code
 * starts (`prefetchQuoteHandoff`, from the entry), while React mounts and the translations load, instead of
 * after its first render.
 *
 * Only a plain new quote (`quotes/new?customer=…`, with no lines handed over, which need catalog searches) is
 * handed off; anything else, a tab opened anew, or a handoff that does not match, loads as before.
 */
export interface QuoteHandoff {
  context: ResponseOf<"quotes/context">
  pricing: ResponseOf<"pricing/get"> | null
}

/** The customer a handoff would be for: a new quote's route without lines, else null (no handoff). */
export function handoffCustomer(path: string): string | null {
  const [route = "", query = ""] = path.replace(/^[#/]+/, "").split("?", 2)
  if (route !== "quotes/new") return null
  const params = new URLSearchParams(query)
  if (params.has("line")) return null
  return params.get("customer") || null
}

let kept: { hash: string; handoff: QuoteHandoff } | null = null

/**
 * In the workspace tab: keeps the handoff sent with the route `hash` (`#/quotes/new?…`), checked like any reply of
 * the background (`send` does the same): a malformed one is dropped and the form loads as before.
 */
export function keepQuoteHandoff(hash: string, raw: unknown): void {
  kept = null
  const r = raw as { context?: unknown; pricing?: unknown } | null | undefined
  if (!r || typeof r !== "object") return
  const context = contract["quotes/context"].response.safeParse(r.context)
  const pricing = r.pricing == null ? null : contract["pricing/get"].response.safeParse(r.pricing)
  if (!context.success || (pricing && !pricing.success)) return
  kept = { hash, handoff: { context: context.data, pricing: pricing?.data ?? null } }
}

/** The handoff for the route now shown, once: a later visit of the same route loads afresh. */
export function takeQuoteHandoff(hash: string): QuoteHandoff | null {
  if (kept?.hash !== hash) return null
  const { handoff } = kept
  kept = null
  return handoff
}

let prefetched: { hash: string; handoff: Promise<QuoteHandoff | null> } | null = null

/** A tab opened on `hash`: when it is a new quote's route, its lookups are asked for now. */
export function prefetchQuoteHandoff(hash: string): void {
  const customerId = handoffCustomer(hash)
  if (!customerId) return
  const handoff = Promise.all([send("quotes/context", { customerId }), send("pricing/get", { customerId }).catch(() => null)]).then(
    ([context, pricing]) => ({ context, pricing }),
    () => null
  )
  prefetched = { hash, handoff }
}

/** The lookups asked for when the tab opened, if it opened on this route; once. */
export function takePrefetchedHandoff(hash: string): Promise<QuoteHandoff | null> | null {
  if (prefetched?.hash !== hash) return null
  const { handoff } = prefetched
  prefetched = null
  return handoff
}
