import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { sendFromPage } from "~src/features/lookup-panel/page-messaging"
import type { ComplaintView } from "~src/messaging/contract"
import { ORDER_MAIL_MAX_TEXT } from "~src/messaging/limits"

import { ComplaintAsks } from "./complaint-asks"
import { NotOrderReason } from "./not-order-reason"
import { openedMessageBody, readOpenedMessage } from "./opened-message"
import { fetchPageAttachments, pageAttachments } from "./page-attachments"

/** How often, at most, the page is looked at again for an opened message after it changed. */
const CHECK_EVERY_MS = 700

/** What the panel shows for the message it was clicked on; another message opened shows the button again. */
type CaptureState =
  | { kind: "idle" }
  | { kind: "busy"; body: Element }
  | { kind: "opened"; body: Element; asked: boolean }
  | { kind: "not-order"; body: Element; reason: string; complaint: ComplaintView | null; opened: boolean }
  | { kind: "ask"; body: Element; captureId: string; act: string }
  | { kind: "error"; body: Element | null; error: string }

/**
 * "Capture as order" in the page's panel, shown while a message is open (Gmail, Outlook on the web, Roundcube's
 * preview frame). The click reads that message as the page shows it, fetches its PDF, CSV and spreadsheet
 * attachments with the page's session, and sends it all to the background, where the attachments are read and the
 * extractor runs against the local base: an order's review opens in the workspace, a mail that is not an order
 * says so here. A mail the extractor asks about (products and quantities, but no words that order them, or words
 * that put the order in doubt) opens nothing by itself: the panel says so first, in a line, and the agent opens the
 * review, which asks, or leaves it. Nothing is sent anywhere else.
 */
export function CaptureOrderButton() {
  const { t } = useTranslation()
  const body = useOpenedMessageBody()
  const [captured, setState] = useState<CaptureState>({ kind: "idle" })
  if (body === null) return null
  // A result belongs to the message it was read from: in a single-page webmail the panel outlives the message.
  const state: CaptureState = captured.kind === "idle" || captured.body === body || captured.body === null ? captured : { kind: "idle" }
  const capture = (trusted: boolean) => {
    // The page's own scripts can reach this panel: only the agent's click reads the message.
    if (!trusted) return
    const opened = readOpenedMessage(document)
    if (opened === null) return setState({ kind: "error", body: null, error: t("orderCapture.button.noMessage") })
    // The message open now, as the panel's next look will find it, not the one it last looked at (up to
    // CHECK_EVERY_MS ago): its result is shown.
    const body = openedMessageBody(document) ?? opened.body
    const busy: CaptureState = { kind: "busy", body }
    setState(busy)
    // An answer lands only on its own click's state: a message captured since keeps its "Reading…" until its own.
    const settle = (next: CaptureState) => setState((s) => (s === busy ? next : s))
    const cut = (s: string) => s.slice(0, ORDER_MAIL_MAX_TEXT)
    // The attachments are fetched here, with the webmail's session, and read in the background.
    fetchPageAttachments(pageAttachments(opened))
      .then(({ files, unread }) =>
        sendFromPage("orders/extract", {
          webmail: opened.webmail,
          messageId: opened.messageId.slice(0, 400),
          mail: {
            from: { address: opened.mail.from.address.slice(0, 254), name: opened.mail.from.name.slice(0, 200) },
            to: opened.mail.to.slice(0, 50).map((a) => a.slice(0, 254)),
            subject: opened.mail.subject.slice(0, 500),
            date: opened.mail.date,
            text: cut(opened.mail.text),
            htmlText: cut(opened.mail.htmlText),
            attachments: []
          },
          unread: unread.slice(0, 20),
          files
        })
      )
      .then((r) =>
        settle(
          r.decision === "order"
            ? { kind: "opened", body, asked: false }
            : r.decision === "ask"
              ? { kind: "ask", body, captureId: r.captureId, act: r.act }
              : { kind: "not-order", body, reason: r.reason, complaint: r.complaint ?? null, opened: false }
        )
      )
      .catch((e: unknown) => settle({ kind: "error", body, error: String(e) }))
  }
  const openReview = (trusted: boolean, captureId: string) => {
    if (!trusted) return
    sendFromPage("workspace/open", { path: `orders/capture/${captureId}` }).then(
      () => setState({ kind: "opened", body, asked: true }),
      (e: unknown) => setState({ kind: "error", body, error: String(e) })
    )
  }
  // A complaint's page (its invoice, or the customer's) opens in the workspace; the panel keeps what it said.
  const openComplaintPage = (trusted: boolean, path: string) => {
    if (!trusted || state.kind !== "not-order") return
    const shown = state
    sendFromPage("workspace/open", { path }).then(
      () => setState((s) => (s === shown ? { ...shown, opened: true } : s)),
      (e: unknown) => setState({ kind: "error", body, error: String(e) })
    )
  }
  if (state.kind === "ask")
    return (
      <div className="c-capture">
        <p className="c-panel-note" data-comptoir="capture-ask" data-act={state.act === "" ? "none" : "doubt"}>
          <strong>{state.act === "" ? t("orderCapture.button.askNoActTitle") : t("orderCapture.button.askDoubtTitle")}</strong>{" "}
          {state.act === "" ? t("orderCapture.button.askNoAct") : t("orderCapture.button.askDoubt", { act: state.act })}
        </p>
        <button type="button" className="c-button" data-comptoir="capture-open-review" onClick={(e) => openReview(e.nativeEvent.isTrusted, state.captureId)}>
          {t("orderCapture.button.openReview")}
        </button>
      </div>
    )
  return (
    <div className="c-capture">
      <button type="button" className="c-button" data-comptoir="capture-order" disabled={state.kind === "busy"} onClick={(e) => capture(e.nativeEvent.isTrusted)}>
        {state.kind === "busy" ? t("orderCapture.button.reading") : t("orderCapture.button.capture")}
      </button>
      {state.kind === "opened" ? (
        <p className="c-muted" data-comptoir="capture-opened">
          {state.asked ? t("orderCapture.button.askOpened") : t("orderCapture.button.opened")}
        </p>
      ) : state.kind === "not-order" ? (
        <>
          <p className="c-panel-note" data-comptoir="not-an-order">
            {t("orderCapture.button.notAnOrder")}
            <NotOrderReason reason={state.reason} />
          </p>
          {state.complaint !== null ? <ComplaintAsks complaint={state.complaint} opened={state.opened} onOpen={openComplaintPage} /> : null}
        </>
      ) : state.kind === "error" ? (
        <p className="c-error">{state.error}</p>
      ) : null}
    </div>
  )
}

/**
 * The body of the message the page shows now, or null: looked at on load, after the page changed, and when a frame
 * loads. Another element is another message (Roundcube's frame loads a new page, Gmail and Outlook render a new body).
 */
function useOpenedMessageBody(): Element | null {
  const [body, setBody] = useState<Element | null>(null)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const check = () => {
      timer = null
      setBody(openedMessageBody(document))
    }
    const later = () => {
      timer ??= setTimeout(check, CHECK_EVERY_MS)
    }
    check()
    const observer = new MutationObserver(later)
    observer.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["src"] })
    // A preview frame's document arrives after its element: its load event reaches a capturing listener here.
    document.addEventListener("load", later, true)
    return () => {
      observer.disconnect()
      document.removeEventListener("load", later, true)
      if (timer !== null) clearTimeout(timer)
    }
  }, [])
  return body
}
