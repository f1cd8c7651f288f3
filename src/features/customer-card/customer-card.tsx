import { createContext, memo, useContext, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import type { Customer, MatchKind } from "~src/domain/customers/customer.schema"

import { newQuotePath, openQuoteForm, warmInPlaceQuoteForm } from "~src/features/quotes/open-quote-form"
import { holdQuotePreload, prepareQuoteHandoff, preloadQuoteOverlay, quoteOverlayUsable } from "~src/features/quotes/quote-overlay"
import { RiskBadge, useCustomerRisk } from "~src/features/risk/risk-badge"
import { CallTimeline, LogCallButton } from "~src/features/call-outcome/call-timeline"
import { DocumentsBlock } from "~src/features/invoicing/documents-block"
import { CallButton } from "~src/features/softphone/call-button"
import { useCallPress } from "~src/features/softphone/use-call-press"

import { formatMoney, formatPhone } from "./format"
import { townLine } from "~src/domain/customers/postal-address"

export interface CustomerCardProps {
  customer: Customer
  matchedBy?: MatchKind
  matchedValues?: string[]
  highlight?: boolean
  agentCountry: string
  /**
   * Only the header line: long match lists stay cheap to render; a click expands it, and so does `highlight` (the
   * card of the value clicked on the page). "always": a list beside the opened card (the workspace), where the
   * details would only repeat it: the line stays a line, outlined when highlighted, and a click only opens.
   */
  compact?: boolean | "always"
  onOpen?: (customer: Customer) => void
  /** "Script" on the card: runs a call script for this customer without a call (extension pages only). */
  onOpenScript?: (customer: Customer) => void
  /** The call timeline shown open at once (a card given the whole page); in lists it waits for a click. */
  timelineOpen?: boolean
  /** The caller card during a call: "New quote" starts with the caller as contact and is linked to the call. */
  quoteFrom?: { contactId: string | null; callId: string }
  /**
   * The risk and the documents are not asked for yet (the dock's caller card while an outgoing call is being set
   * up: those reads would compete with the microphone and the offer for the CPU); asked as soon as it turns false.
   */
  holdData?: boolean
}

type Translate = ReturnType<typeof useTranslation>["t"]

/**
 * A list of cards (the page panel: hundreds on a CRM list) provides its own translation function once, so each card
 * does not subscribe to i18next (useTranslation per card was most of a compact card's rendering cost).
 */
export const CardTextContext = createContext<{ t: Translate; language: string } | null>(null)

/** The customer card: everything shows as text (React escapes), never as HTML. */
export const CustomerCard = memo(function CustomerCard(props: CustomerCardProps) {
  const text = useContext(CardTextContext)
  return text ? <CardBody {...props} t={text.t} language={text.language} /> : <CardWithOwnText {...props} />
})

function CardWithOwnText(props: CustomerCardProps) {
  const { t, i18n } = useTranslation()
  return <CardBody {...props} t={t} language={i18n.language} />
}

function CardBody({
  customer: c,
  matchedBy,
  matchedValues,
  highlight,
  agentCountry,
  compact,
  onOpen,
  onOpenScript,
  timelineOpen,
  quoteFrom,
  holdData,
  t,
  language
}: CustomerCardProps & { t: Translate; language: string }) {
  const [expanded, setExpanded] = useState(false)
  const city = c.addresses[0]?.city ?? ""
  const short = compact === "always" || (compact && !expanded && !highlight)
  return (
    <article
      className="c-card"
      data-comptoir="customer-card"
      data-customer-code={c.code}
      data-compact={short ? "true" : "false"}
      data-highlight={highlight ? "true" : "false"}
      onClick={() => {
        setExpanded(true)
        onOpen?.(c)
      }}>
      <div className="c-card-head">
        <span className="c-card-company">{c.company}</span>
        <span className="c-card-code">{c.code}</span>
        {matchedBy ? <span className="c-chip c-chip-match">{t(`card.match.${matchedBy}`)}</span> : null}
        {onOpenScript ? (
          <button
            type="button"
            className="c-call-button"
            data-comptoir="open-script"
            onClick={(e) => {
              e.stopPropagation()
              onOpenScript(c)
            }}>
            {t("callScript.runner.open")}
          </button>
        ) : null}
      </div>
      <div className="c-muted">
        {[city, c.country].filter(Boolean).join(" · ")} · {t(`card.language.${c.language}`)}
      </div>
      {short ? null : <CardDetails c={c} matched={new Set(matchedValues ?? [])} agentCountry={agentCountry} locale={language} t={t} timelineOpen={timelineOpen} quoteFrom={quoteFrom} holdData={holdData} />}
    </article>
  )
}

function CardDetails({
  c,
  matched,
  agentCountry,
  locale,
  t,
  timelineOpen,
  quoteFrom,
  holdData
}: {
  c: Customer
  matched: Set<string>
  agentCountry: string
  locale: string
  t: Translate
  timelineOpen?: boolean
  quoteFrom?: CustomerCardProps["quoteFrom"]
  holdData?: boolean
}) {
  // Asked only for a card that shows its details: a CRM list's hundreds of compact cards ask nothing.
  const risk = useCustomerRisk(c.id, !holdData)
  const { calling, error: callError, press: pressCall, hangUp } = useCallPress()
  // A card with New quote on a web page: the quote form's frame loads now, hidden (once per page; quote-overlay.ts).
  // Where the card opens the workspace tab instead, only its new quote's lookups are made now, for the click.
  useEffect(() => {
    // (A build with PLASMO_PUBLIC_QUOTE_PRELOAD=off does neither: the bench measures the first click without them.)
    if (process.env.PLASMO_PUBLIC_QUOTE_PRELOAD === "off") return
    const path = `quotes/new?${new URLSearchParams({ customer: c.id }).toString()}`
    if (quoteOverlayUsable()) preloadQuoteOverlay(path)
    else prepareQuoteHandoff(path)
  }, [])
  // A page that draws the form in place (the side panel, the softphone tab) loads its editor for the click: not while
  // the card's data is held for a call being set up (the chunk would be parsed in the renderer the call's offscreen
  // document shares, issue #9), and at once on the agent's intent (the pointer or the focus on New quote).
  useEffect(() => {
    if (process.env.PLASMO_PUBLIC_QUOTE_PRELOAD === "off" || holdData) return
    warmInPlaceQuoteForm("card")
  }, [holdData])
  const intent = () => warmInPlaceQuoteForm("intent", newQuotePath(c.id, quoteFrom?.contactId, quoteFrom?.callId))
  return (
    <>
      <div className="c-card-actions">
        <button
          type="button"
          className="c-button"
          data-comptoir="quote-new"
          data-call-id={quoteFrom?.callId}
          onPointerEnter={intent}
          onFocus={intent}
          onClick={(e) => {
            e.stopPropagation()
            // Only the agent's own click opens a tab: a page's scripts can reach the in-page panel and click for it.
            if (!e.nativeEvent.isTrusted) return
            void openQuoteForm(c.id, quoteFrom?.contactId, quoteFrom?.callId)
          }}>
          {t("quotes.card.newQuote")}
        </button>
      </div>
      {risk ? <RiskBadge risk={risk} t={t as (k: string, o?: Record<string, unknown>) => string} locale={locale} /> : null}
      {c.tags.length > 0 ? (
        <div>
          {c.tags.map((tag) => (
            <span className="c-chip" key={tag}>
              {tag}
            </span>
          ))}
        </div>
      ) : null}
      <dl>
        <dt>{t("card.fields.creditLimit")}</dt>
        <dd>{c.creditLimitCents === null ? t("card.fields.noLimit") : formatMoney(c.creditLimitCents, locale)}</dd>
        <dt>{t("card.fields.paymentTerms")}</dt>
        <dd>
          {c.paymentTermsDays === null
            ? t("card.fields.notSet")
            : c.paymentTermsDays === 0
              ? t("card.fields.cash")
              : t("card.fields.days", { count: c.paymentTermsDays })}
        </dd>
        {c.siren || c.vatNumber ? (
          <>
            <dt>{t(c.siren && c.vatNumber ? "card.fields.legal" : c.siren ? "card.fields.legalSiren" : "card.fields.legalVat")}</dt>
            <dd data-comptoir="card-legal">{[c.siren, c.vatNumber].filter(Boolean).join(" · ")}</dd>
          </>
        ) : null}
        {c.addresses[0] && (c.addresses[0].line || c.addresses[0].city) ? (
          <>
            <dt>{t("card.fields.address")}</dt>
            {/* A postcode in one piece ("G1 1XQ", "SW1A 1AA"): the card's column wrapped it between its halves. */}
            <dd>{[c.addresses[0].line, townLine({ ...c.addresses[0], postalCode: c.addresses[0].postalCode.trim().replace(/\s+/g, "\u00a0") })].filter(Boolean).join(", ")}</dd>
          </>
        ) : null}
        {c.salesRep ? (
          <>
            <dt>{t("card.fields.salesRep")}</dt>
            <dd>{c.salesRep}</dd>
          </>
        ) : null}
      </dl>
      <ul className="c-contacts" aria-label={t("card.contacts.title")}>
        {c.contacts.map((p) => (
          <li key={p.id}>
            <div>
              <strong>{`${p.firstName} ${p.lastName}`.trim() || t("card.contacts.unnamed")}</strong>
              {p.role ? <span className="c-muted"> · {p.role}</span> : null}
            </div>
            <div>
              {p.phones.map((ph) => (
                // The number and its ☎ wrap together: a ☎ alone on the next line reads as the next number's.
                <span key={ph} className="c-phone">
                  <a href={`tel:${ph}`} data-phone={ph} className={matched.has(ph) ? "c-matched" : undefined}>
                    {formatPhone(ph, agentCountry)}
                  </a>
                  {/* Click-to-call through the softphone (issue #9); the tel: link stays for the system's own dialer. Off while
                      another number's call is on (call-button.tsx). */}
                  <CallButton
                    number={ph}
                    className="c-call-button"
                    label={t("softphone.dock.callNumber", { number: formatPhone(ph, agentCountry) })}
                    // The quote form's preload does not start between the press and the click (quote-overlay.ts).
                    onPointerDown={() => holdQuotePreload()}
                    onCall={(e) => {
                      e.stopPropagation()
                      // Only the agent's own click dials: in a page, the page's scripts can reach the panel and
                      // click for them (isTrusted is false for a scripted click).
                      if (!e.nativeEvent.isTrusted) return
                      // "Calling…" here at once; a call the softphone refused (not set up, not registered) says why,
                      // where the agent clicked.
                      pressCall({ number: ph, customerId: c.id, contactId: p.id }, c)
                    }}>
                    ☎
                  </CallButton>
                  {calling === ph ? (
                    <>
                      <span className="c-calling" role="status" data-comptoir="calling">
                        {t("softphone.state.ringing-out")}
                      </span>
                      <button
                        type="button"
                        className="c-button c-button-danger"
                        data-comptoir="calling-hangup"
                        onClick={(e) => {
                          e.stopPropagation()
                          // A wrong number, hung up where it was clicked (the page's scripts cannot: isTrusted).
                          if (e.nativeEvent.isTrusted) hangUp()
                        }}>
                        {t("softphone.action.hangup")}
                      </button>
                    </>
                  ) : null}
                </span>
              ))}
              {p.emails.map((e) => (
                // A long address wraps inside the card, after its "@" first: kept whole, it ran past the card's edge.
                <a key={e} href={`mailto:${e}`} className={matched.has(e) ? "c-matched" : undefined}>
                  {e.includes("@") ? (
                    <>
                      {e.slice(0, e.indexOf("@") + 1)}
                      <wbr />
                      {e.slice(e.indexOf("@") + 1)}
                    </>
                  ) : (
                    e
                  )}
                </a>
              ))}
            </div>
          </li>
        ))}
      </ul>
      {callError !== null ? (
        <p className="c-error" role="alert" data-comptoir="call-error">
          {t("softphone.dock.callFailed", { error: callError })}
        </p>
      ) : null}
      {/* Text only (React escapes it): notes come from imports and other devices, and may hold a value an import could not read. */}
      {c.notes ? (
        <div className="c-card-notes" data-comptoir="card-notes">
          <div className="c-muted">{t("card.fields.notes")}</div>
          <p>{c.notes}</p>
        </div>
      ) : null}
      {/* Quote to cash (issue #10): open quotes, orders, unpaid and overdue invoices. */}
      <DocumentsBlock customerId={c.id} t={t} locale={locale} enabled={!holdData} />
      {/* The timeline (issues #9, #10): calls, document steps and captured mails, read only when the agent opens it, never with the card. */}
      <div className="c-card-calls">
        <LogCallButton customerId={c.id} t={t} />
        <CallTimeline customerId={c.id} contacts={c.contacts} t={t} locale={locale} initiallyOpen={timelineOpen} documents />
      </div>
    </>
  )
}
