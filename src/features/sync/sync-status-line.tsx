import { useCallback, useEffect, useRef, useState } from "react"
import { useTranslation } from "react-i18next"

import type { SyncStatus } from "~src/messaging/contract"
import { send } from "~src/messaging/send"
import { formatDateTime, formatTime, sameLocalDay, uiLang } from "~src/ui/dates"

/** Polls the background while the page is open: the status changes with alarms and pokes, not with this page. */
export function useSyncStatus(pollMs = 3_000) {
  const [status, setStatus] = useState<SyncStatus | null>(null)
  const shown = useRef<string | null>(null)
  const refresh = useCallback(() => {
    send("sync/status", {})
      .then((next) => {
        // The same status as before is not set again: no render of the page every 3 s for nothing (the options
        // page's whole tree, the popup's), on the main thread the offscreen document's calls share (issue #9).
        const json = JSON.stringify(next)
        if (json === shown.current) return
        shown.current = json
        setStatus(next)
      })
      .catch(() => undefined)
  }, [])
  useEffect(() => {
    refresh()
    const timer = setInterval(refresh, pollMs)
    return () => clearInterval(timer)
  }, [refresh, pollMs])
  // A status set from outside (a sign-in, "sync now") is what the next poll compares with.
  const set = useCallback((next: SyncStatus | null) => {
    shown.current = next === null ? null : JSON.stringify(next)
    setStatus(next)
  }, [])
  return { status, setStatus: set, refresh }
}

/**
 * A sign-in's error code ("client-too-old") as a sentence in the user's language, with the server's words where
 * they say what to do; `detail` is the server's or the browser's own words, for the hover.
 */
export function useSyncErrorText() {
  const { t } = useTranslation()
  return (error: { code: string; message: string }) => {
    const key = error.code.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())
    return { text: t(`sync.errors.${key}`, { message: error.message, defaultValue: t("sync.errors.unknown", { message: error.message }) }), detail: error.message }
  }
}

/** The codes the line has a sentence for (`sync.status.error.<key>`); any other says "sync failed". */
const LINE_ERRORS = new Set(["offline", "unauthorized", "forbidden", "server", "rejected", "clientTooOld", "serverTooOld", "badReply", "notSignedIn", "pendingOtherTeam"])

/**
 * The last error as one short sentence in the user's language, built from its code alone, and its technical
 * detail (the server's address, the browser's or the server's own words, often English) kept apart: the line
 * shows the sentence, the detail goes on hover and in the options page.
 */
export function useSyncErrorLine() {
  const { t, i18n } = useTranslation()
  return (status: Pick<SyncStatus, "serverUrl" | "pending" | "lastSyncedAt">, error: NonNullable<SyncStatus["lastError"]>) => {
    const key = error.code.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())
    const sentence =
      key === "offline"
        ? status.pending > 0
          ? t("sync.status.error.offline", { count: status.pending })
          : t("sync.status.error.offlineNothing")
        : LINE_ERRORS.has(key)
          ? t(`sync.status.error.${key}`, { status: error.status ?? "5xx" })
          : t("sync.status.error.failed")
    const detail = t("sync.status.error.errorDetail", {
      url: status.serverUrl ?? "?",
      message: error.message,
      time: formatDateTime(error.at, uiLang(i18n.language))
    })
    // When the team's data on this device was last fresh: what the agent weighs before trusting a card. Today's as a
    // time alone; an older one with its day, as a sync failing for days is what this line must not hide.
    const lang = uiLang(i18n.language)
    const last =
      status.lastSyncedAt === null
        ? t("sync.status.error.neverSynced")
        : sameLocalDay(status.lastSyncedAt, Date.now())
          ? t("sync.status.error.lastSyncedToday", { time: formatTime(status.lastSyncedAt, lang) })
          : t("sync.status.error.lastSyncedOn", { time: formatDateTime(status.lastSyncedAt, lang) })
    return { sentence, detail, last }
  }
}

/**
 * One line: last synced, changes waiting, refused changes; after a failed sync, one sentence saying what is wrong
 * and what happens to the changes waiting instead, then when the last sync that worked was; the rest on hover.
 * `details` shows the technical detail under it too (the options page, where one looks for it).
 */
export function SyncStatusLine({ status, details = false }: { status: SyncStatus | null; details?: boolean }) {
  const { t, i18n } = useTranslation()
  const errorLine = useSyncErrorLine()
  if (!status) return null
  if (!status.signedIn) {
    return (
      <p className="c-muted" data-comptoir="sync-status">
        {t("sync.status.signedOut")}
        {status.pending > 0 ? ` · ${t("sync.status.pending", { count: status.pending })}` : ""}
      </p>
    )
  }
  const parts = [
    status.lastSyncedAt === null ? t("sync.status.never") : t("sync.status.lastSynced", { time: formatDateTime(status.lastSyncedAt, uiLang(i18n.language)) }),
    status.pending > 0 ? t("sync.status.pending", { count: status.pending }) : t("sync.status.upToDate")
  ]
  if (status.conflicts > 0) parts.push(t("sync.status.conflicts", { count: status.conflicts }))
  const failed = status.lastError ? errorLine(status, status.lastError) : null
  const { progress, firstUpload } = status
  return (
    <>
      {failed ? (
        <p className="c-error" data-comptoir="sync-status" data-pending={status.pending} data-error={status.lastError?.code} title={`${parts.join(" · ")}\n${failed.detail}`}>
          <span data-comptoir="sync-error">{failed.sentence}</span>{" "}
          <span data-comptoir="sync-last">{failed.last}</span>
        </p>
      ) : (
        <p className="c-muted" data-comptoir="sync-status" data-pending={status.pending}>
          {parts.join(" · ")}
        </p>
      )}
      {failed && details ? (
        <p className="c-muted" data-comptoir="sync-error-detail">
          {parts.join(" · ")} · {failed.detail}
        </p>
      ) : null}
      {progress ? (
        <p className="c-muted" data-comptoir="sync-progress" data-pulled={progress.pulled} data-total={progress.total ?? ""}>
          {progress.total === null
            ? t("sync.status.receivingUnknown", { pulled: progress.pulled })
            : t("sync.status.receiving", { pulled: progress.pulled, total: progress.total })}
          <br />
          <progress max={progress.total ?? undefined} value={progress.total === null ? undefined : progress.pulled} />
        </p>
      ) : null}
      {firstUpload && firstUpload.customers + firstUpload.products + firstUpload.keptTeamCopies > 0 ? (
        <p className="c-muted" data-comptoir="sync-first-upload">
          {t("sync.status.firstUpload", {
            customers: t("sync.status.firstUploadCustomers", { count: firstUpload.customers }),
            products: t("sync.status.firstUploadProducts", { count: firstUpload.products })
          })}
          {firstUpload.keptTeamCopies > 0 ? ` · ${t("sync.status.firstUploadKept", { count: firstUpload.keptTeamCopies })}` : ""}
        </p>
      ) : null}
    </>
  )
}
