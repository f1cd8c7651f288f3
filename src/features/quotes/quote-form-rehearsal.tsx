import { useTranslation } from "react-i18next"

import type { Customer } from "~src/domain/customers/customer.schema"
import { todayInFrance } from "~src/domain/documents/payment-terms"

import { loadedFrom, QuoteFormBody } from "./quote-form"

/**
 * The quote form rendered once ahead of the agent's first New quote, never shown (issue #10, `first10d`). The
 * softphone tab's first click, with the editor loaded and the lookups in hand, still spent 16–41 ms at p50 in React's
 * first mount of the form (bench/README.md, "The softphone tab's first New quote, unhovered"): code run for the first
 * time in the page (compiled, its caches filled: react-hook-form, the translations, the formatters, uuidv7, the
 * DOM elements' first creation). Rendered here as a React transition under a Suspense boundary already on screen,
 * then left suspended: React does the render's work in 5 ms slices a click can interrupt, and commits none of it. No
 * DOM reaches the page, no effect runs (no mark for the bench, no message to the worker, no unsaved work), and the
 * customer below, made up, is never on screen: the agent's form is always the one their click draws, from its own
 * lookups.
 */
const rehearsalCustomer: Customer = {
  id: "rehearsal",
  code: "REHEARSAL",
  company: "—",
  siren: null,
  vatNumber: null,
  addresses: [],
  country: "FR",
  language: "fr",
  creditLimitCents: null,
  paymentTermsDays: 30,
  salesRep: null,
  tags: [],
  notes: "",
  contacts: [{ id: "rehearsal-contact", firstName: "", lastName: "—", role: "", phones: [], emails: [] }],
  createdAt: 0,
  updatedAt: 0
}

/** Never settles: the rehearsal is never committed (the page drops it with a later transition). */
const never = new Promise<never>(() => undefined)

function Held({ onRendered }: { onRendered: () => void }): never {
  // Reached once the form's whole tree has rendered (a sibling renders after the one before it completes). The page
  // is told after this render, not during it (no state set while React renders).
  setTimeout(onRendered, 0)
  throw never
}

/**
 * Put it inside a `<Suspense>` the page has already committed and render it in a transition (`startTransition`):
 * then React keeps the page as it was instead of showing the fallback. `onRendered` once the form has rendered: the
 * page then drops this (another transition) so the suspended render is not tried again on the page's next update.
 */
export function QuoteFormRehearsal({ onRendered }: { onRendered: () => void }) {
  const { t } = useTranslation()
  const loaded = loadedFrom(
    { customer: rehearsalCustomer, agentName: null, teamMembers: [], inactiveMembers: [], today: todayInFrance(), validityDays: 30, sellerProblems: [], risk: null },
    null,
    null,
    "rehearsal-contact",
    "rehearsal-call"
  )
  return (
    <>
      {loaded ? <QuoteFormBody loaded={loaded} t={t} /> : null}
      <Held onRendered={onRendered} />
    </>
  )
}
