import { useEffect, useRef, useState } from "react"
import { flushSync } from "react-dom"
import { useTranslation } from "react-i18next"

import { handoffCustomer, keepQuoteHandoff } from "~src/features/quotes/quote-handoff"
import { QuotesRoute } from "~src/features/quotes/quotes-route"
import { parseRoute, routeHash } from "~src/features/workspace/route"
import { hasUnsavedWork } from "~src/features/workspace/unsaved-work"
import { send } from "~src/messaging/send"

import { discardQuestion } from "./discard-question"
import { inPlaceQuoteState, setInPlaceQuoteState, useInPlaceQuoteState } from "./in-place-quote-state"

/**
 * A card's New quote drawn in the page it is clicked on (issue #10): the side panel (in place of its cards) and the
 * softphone tab (beside the call), where it used to open the workspace in a new tab when none was open (a new tab's
 * page load alone is 120–180 ms here, over the 100 ms the click has). Both are extension pages already loaded, and
 * this module with the form is loaded once a card shows (in-place-quote-loader.ts): the click asks the background
 * for the new quote's lookups (kept since the card showed: `quotes/prepare`) and draws the filled form in the same
 * task. The same editor and the same `[data-comptoir=…]` hooks as the workspace's; "Open in the workspace" for the
 * wide view, "Back" to what the quote replaced (kept mounted meanwhile).
 *
 * The route lives in the page's own hash (`#/quotes/new?customer=…`, then `#/quotes/<id>` once saved), as in the
 * workspace and the quote frame: the editor reads its query and its handoff from there, and its own links (an
 * answered quote's page) change it. Typing not saved lives as long as the page (the side panel and the softphone
 * tab stay open when the agent clicks elsewhere, unlike the popup) and is asked about before it is replaced.
 */
let seq = 0

/**
 * Draws `path` (a new quote's route) in this page. A form with typing not saved is the agent's: it stays unless
 * they let it go (true either way: the click was answered here).
 */
export async function openQuoteInPlace(path: string, asked?: Promise<unknown>): Promise<boolean> {
  if (inPlaceQuoteState().kind === "quote" && hasUnsavedWork() && !confirm(discardQuestion())) return true
  const hash = routeHash(path)
  // A malformed or missing handoff is dropped by keepQuoteHandoff: the form then looks up by itself. `asked`: the
  // handoff asked for while this module loaded (in-place-quote-loader.ts `drawQuoteInPlace`).
  const handoff = handoffCustomer(path) ? await (asked ?? send("quotes/handoff", { path }).then((r) => r.handoff, () => null)) : null
  // Editor and lookups in hand: what follows is the render (the bench's split of a click, quote-softphone-tab.ts).
  performance.mark("comptoir:quote-render-start")
  keepQuoteHandoff(hash, handoff)
  history.replaceState(null, "", hash)
  // Drawn in this task, not in a render scheduled after it (the bench times click → filled form).
  flushSync(() => setInPlaceQuoteState({ kind: "quote", seq: ++seq }))
  return true
}

/** Back to what the quote replaced (asked first if typing would be lost); the hash goes with the form. */
export function closeQuoteInPlace(): void {
  if (inPlaceQuoteState().kind !== "quote") return
  if (hasUnsavedWork() && !confirm(discardQuestion())) return
  history.replaceState(null, "", location.pathname)
  setInPlaceQuoteState({ kind: "none" })
}

/** The route now shown as a workspace path (`quotes/<id>` once saved), for "Open in the workspace". */
function currentPath(): string {
  return location.hash.replace(/^#\/?/, "")
}

/**
 * `surface` names the hooks (`side-panel-quote`, `softphone-quote`, their `-back` and `-workspace`); `backLabel`
 * says where Back goes (the cards, the call).
 */
export function InPlaceQuote({ surface, backLabel }: { surface: "side-panel" | "softphone"; backLabel: string }) {
  const { t } = useTranslation()
  const shown = useInPlaceQuoteState()
  const section = useRef<HTMLElement>(null)
  // The editor's own links (a saved quote's address, an answered quote's page) change the hash.
  const [hash, setHash] = useState(location.hash)
  useEffect(() => {
    const onChange = () => setHash(location.hash)
    window.addEventListener("hashchange", onChange)
    return () => window.removeEventListener("hashchange", onChange)
  }, [])
  useEffect(() => setHash(location.hash), [shown])
  // Below the call in a narrow softphone tab: brought into view (a no-op where it already is).
  useEffect(() => {
    if (shown.kind === "quote") section.current?.scrollIntoView?.({ block: "nearest" })
  }, [shown])
  if (shown.kind !== "quote") return null
  const route = parseRoute(hash)
  return (
    <section ref={section} className="c-side-section c-side-quote" data-comptoir={`${surface}-quote`}>
      <div className="c-side-quote-bar">
        <button type="button" className="c-button c-button-secondary" data-comptoir={`${surface}-quote-back`} onClick={closeQuoteInPlace}>
          {backLabel}
        </button>
        <button
          type="button"
          className="c-link-button"
          data-comptoir={`${surface}-quote-workspace`}
          title={t("panelUi.side.quoteWorkspaceHint")}
          onClick={() => void send("workspace/open", { path: currentPath() }).catch(() => undefined)}>
          {t("panelUi.side.quoteWorkspace")}
        </button>
      </div>
      {route.section === "quotes" ? <QuotesRoute key={shown.seq} path={route.path} /> : <p className="c-muted">{t("panelUi.side.quoteElsewhere")}</p>}
    </section>
  )
}
