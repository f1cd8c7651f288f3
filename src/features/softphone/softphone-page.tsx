import { useEffect } from "react"
import { useTranslation } from "react-i18next"

import { CallScriptPanel } from "~src/features/call-script/call-script-panel"
import {
  drawQuoteInPlace,
  useLoadedInPlaceQuote,
  warmInPlaceQuote,
  warmInPlaceQuoteForPage
} from "~src/features/quotes/in-place-quote-loader"
import { useInPlaceQuoteOpen } from "~src/features/quotes/in-place-quote-state"
import { setInPlaceQuoteForm } from "~src/features/quotes/open-quote-form"
import { AppShell, useSettings } from "~src/ui/app-shell"
import { CallUnderWayFromSoftphone } from "./call-under-way-softphone"

import { SoftphoneDock } from "./softphone-dock"
import { useSoftphoneSelect } from "./use-softphone"

/** The softphone in a tab of its own (where an incoming call's notification leads when the popup cannot open). */
export function SoftphonePage() {
  return (
    <AppShell ownsDocument title="softphone.page.title">
      <CallUnderWayFromSoftphone>
        <SoftphoneAndQuote />
      </CallUnderWayFromSoftphone>
    </AppShell>
  )
}

/**
 * New quote on the caller's card or the call's outcome form draws the form in this tab, beside the call (below it
 * in a narrow window), as the side panel does (issue #10: it opened a new workspace tab, p95 181–318 ms). The call's
 * column stays mounted and in view: the call goes on, its controls at hand; Back closes the quote, whose unsaved
 * typing is asked about first. The editor is its own chunk, loaded once the tab is open and idle with no call ringing
 * (or once a card with New quote shows, or on the agent's intent, whichever comes first).
 */
function SoftphoneAndQuote() {
  const { t } = useTranslation()
  useEffect(() => {
    setInPlaceQuoteForm(drawQuoteInPlace, warmInPlaceQuote)
    return () => setInPlaceQuoteForm(null)
  }, [])
  // The editor loads once the tab has opened and its thread is idle, not while a call rings or has just changed
  // (in-place-quote-loader.ts `pageWarmDelay`): undefined until the softphone's state is known.
  const call = useSoftphoneSelect((v) =>
    v
      ? v.state.call
        ? {
            phase: v.state.call.phase,
            startedAt: v.state.call.startedAt,
            answeredAt: v.state.call.answeredAt,
            endedAt: v.state.call.endedAt
          }
        : null
      : undefined
  )
  useEffect(() => (call === undefined ? undefined : warmInPlaceQuoteForPage(call)), [call])
  const quoteOpen = useInPlaceQuoteOpen()
  const quote = useLoadedInPlaceQuote()
  return (
    <div className="c-softphone-page">
      <main className="c-softphone-page-call">
        <PageDock />
        <CallScriptPanel />
      </main>
      {quote && quoteOpen ? (
        <div className="c-softphone-page-quote">
          <quote.InPlaceQuote surface="softphone" backLabel={t("softphone.quote.back")} />
        </div>
      ) : null}
    </div>
  )
}

function PageDock() {
  const settings = useSettings()
  return <SoftphoneDock agentCountry={settings.defaultCountry} />
}
