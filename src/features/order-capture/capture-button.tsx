import { useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { sendFromPage } from "~src/features/lookup-panel/page-messaging"
import { ORDER_MAIL_MAX_TEXT } from "~src/messaging/limits"

import { hasOpenedMessage, readOpenedMessage } from "./opened-message"
import { fetchPageAttachments, pageAttachments } from "./page-attachments"

/** How often, at most, the page is looked at again for an opened message after it changed. */
const CHECK_EVERY_MS = 700

/**
 * "Capture as order" in the page's panel, shown while a message is open (Gmail, Outlook on the web, Roundcube's
 * preview frame). The click reads that message as the page shows it, fetches its PDF, CSV and spreadsheet
 * attachments with the page's session, and sends it all to the background, where the attachments are read and the
 * extractor runs against the local base: the review opens in the workspace, a mail that is not an order says so
 * here. Nothing is sent anywhere else.
 */
export function CaptureOrderButton() {
  const { t } = useTranslation()
  const present = useOpenedMessagePresent()
  const [state, setState] = useState<{ kind: "idle" | "busy" | "opened" } | { kind: "not-order"; reason: string } | { kind: "error"; error: string }>({ kind: "idle" })
  if (!present) return null
  const capture = (trusted: boolean) => {
    // The page's own scripts can reach this panel: only the agent's click reads the message.
    if (!trusted) return
    const opened = readOpenedMessage(document)
    if (opened === null) return setState({ kind: "error", error: t("orderCapture.button.noMessage") })
    setState({ kind: "busy" })
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
      .then((r) => setState(r.isOrder ? { kind: "opened" } : { kind: "not-order", reason: r.reason }))
      .catch((e: unknown) => setState({ kind: "error", error: String(e) }))
  }
  return (
    <div className="c-capture">
      <button type="button" className="c-button" data-comptoir="capture-order" disabled={state.kind === "busy"} onClick={(e) => capture(e.nativeEvent.isTrusted)}>
        {state.kind === "busy" ? t("orderCapture.button.reading") : t("orderCapture.button.capture")}
      </button>
      {state.kind === "opened" ? (
        <p className="c-muted" data-comptoir="capture-opened">
          {t("orderCapture.button.opened")}
        </p>
      ) : state.kind === "not-order" ? (
        <p className="c-panel-note" data-comptoir="not-an-order">
          {t("orderCapture.button.notAnOrder")}
          {state.reason ? ` (${state.reason})` : ""}
        </p>
      ) : state.kind === "error" ? (
        <p className="c-error">{state.error}</p>
      ) : null}
    </div>
  )
}

/** Whether the page shows an opened message now: looked at on load, after the page changed, and when a frame loads. */
function useOpenedMessagePresent(): boolean {
  const [present, setPresent] = useState(false)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const check = () => {
      timer = null
      setPresent(hasOpenedMessage(document))
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
  return present
}
