import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { formatCents } from "~src/domain/documents/money"
import { mailtoLink } from "~src/domain/documents/reminder-mail"
import { openScriptFor } from "~src/features/call-script/use-scripts"
import { mismatchOf, RecipientMismatch } from "~src/features/reply-insert/recipient-mismatch"
import { openSidePanelFromClick, useSidePanelWindow } from "~src/features/side-panel/open-side-panel"
import type { DocumentRowView, ResponseOf } from "~src/messaging/contract"
import { send } from "~src/messaging/send"
import { formatDay } from "~src/ui/dates"
import { teamName } from "~src/ui/team-name"

import { refusalText } from "./document-view"

type Schedule = ResponseOf<"documents/list">["schedule"]
type Reminder = ResponseOf<"documents/get">["reminders"][number]
type Level = Reminder["level"]
type Translate = ReturnType<typeof useTranslation>["t"]

/**
 * The shipped payment-reminder call script (src/domain/scripts/shipped/payment-reminder.ts), in the scripts section:
 * where "Reminder call script" goes when the browser has no side panel to run it in.
 */
export const REMINDER_SCRIPT_PATH = "scripts/builtin-payment-reminder"

/** Overdue invoices, most overdue first, with the reminder each calls for and its mail in the customer's language. */
export function DunningScreen({ customerId }: { customerId: string | null }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === "en" ? "en" : "fr"
  const [rows, setRows] = useState<DocumentRowView[] | null>(null)
  // Every overdue invoice of the team, whatever the search: what the summary says the rows shown are "of".
  const [all, setAll] = useState<number | null>(null)
  const [schedule, setSchedule] = useState<Schedule | null>(null)
  const [names, setNames] = useState<Readonly<Record<string, string>>>({})
  const [query, setQuery] = useState("")
  // What the agent came to do: the reminders to send today, or one stage of lateness (41 rows otherwise).
  const [show, setShow] = useState<"" | "to-send" | Level>("")
  const [open, setOpen] = useState<{ id: string; level: Level } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    send("documents/list", { kind: "dunning", query, limit: 500, ...(customerId ? { customerId } : {}) })
      .then((r) => {
        setRows(r.rows)
        setAll(r.all ?? r.total)
        setSchedule(r.schedule)
        setNames(r.names ?? {})
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
  }, [query, customerId])
  useEffect(() => {
    const timer = setTimeout(load, 120)
    return () => clearTimeout(timer)
  }, [load])

  const shown = rows === null ? null : rows.filter((r) => (show === "" ? true : show === "to-send" ? Boolean(r.dunning?.due ?? r.dunning?.direct) : r.dunning?.reached === show))
  const totalOverdue = (shown ?? []).reduce((s, r) => s + (r.remainingCents ?? 0), 0)
  // Under a filter (a stage, a search, a customer) the count is of what is shown, said as part of all: « 3 factures en
  // retard » under « relance ferme » read as all there were.
  const filtered = shown !== null && all !== null && shown.length !== all
  const summary =
    shown === null
      ? null
      : filtered
        ? t("invoicing.dunning.summaryShown", { count: shown.length, all, amount: formatCents(totalOverdue, lang) })
        : t("invoicing.dunning.summary", { count: shown.length, amount: formatCents(totalOverdue, lang) })
  return (
    <section className="c-docs" data-comptoir="dunning">
      <h1>{t("invoicing.dunning.title")}</h1>
      {schedule ? <ScheduleLine schedule={schedule} /> : null}
      <div className="c-docs-filters">
        <input className="c-search" type="search" placeholder={t("invoicing.list.search")} aria-label={t("invoicing.list.search")} value={query} onChange={(e) => setQuery(e.target.value)} />
        <label>
          {t("invoicing.dunning.show")}
          <select value={show} data-comptoir="dunning-show" onChange={(e) => setShow(e.target.value as typeof show)}>
            <option value="">{t("invoicing.dunning.showAll")}</option>
            <option value="to-send">{t("invoicing.dunning.showToSend")}</option>
            {(["friendly", "firm", "formal-notice"] as const).map((l) => (
              <option key={l} value={l}>
                {t("invoicing.dunning.showStage", { level: t(`invoicing.dunning.level.${l}`) })}
              </option>
            ))}
          </select>
        </label>
        {summary ? (
          <span className="c-muted" data-comptoir="dunning-summary">
            {summary}
          </span>
        ) : null}
        {customerId ? (
          <a className="c-chip c-chip-match" href="#/dunning">
            {t("invoicing.list.customer", { name: rows?.[0]?.customerName ?? customerId })} ×
          </a>
        ) : null}
      </div>
      {error ? <p className="c-error">{error}</p> : null}
      {shown === null ? (
        <p className="c-muted">{t("invoicing.list.loading")}</p>
      ) : shown.length === 0 ? (
        <p className="c-empty">{rows?.length ? t("invoicing.list.empty") : t("invoicing.dunning.none")}</p>
      ) : (
        <table className="c-table c-docs-table c-dunning-table">
          <thead>
            <tr>
              <th>{t("invoicing.list.number")}</th>
              <th>{t("invoicing.list.customerColumn")}</th>
              <th>{t("invoicing.list.due")}</th>
              <th className="c-num">{t("invoicing.dunning.late")}</th>
              <th className="c-num">{t("invoicing.list.remaining")}</th>
              <th>{t("invoicing.dunning.levelColumn")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <DunningRow key={r.id} row={r} names={names} open={open?.id === r.id ? open.level : null} onOpen={(level) => setOpen(level ? { id: r.id, level } : null)} onLogged={load} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

/**
 * One overdue invoice. When its lateness reached a higher level than the next one in order (nothing sent at 318
 * days), the row says so and offers both, the next in order and the level reached: never one silently.
 */
function DunningRow({
  row,
  names,
  open,
  onOpen,
  onLogged
}: {
  row: DocumentRowView
  names: Readonly<Record<string, string>>
  open: Level | null
  onOpen: (level: Level | null) => void
  onLogged: () => void
}) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === "en" ? "en" : "fr"
  const d = row.dunning
  const level = d?.direct ?? d?.due ?? d?.reached ?? null
  const first = d?.due ?? d?.reached ?? null
  const toggle = (l: Level) => onOpen(open === l ? null : l)
  return (
    <>
      <tr data-comptoir="dunning-row" data-id={row.id} data-level={level ?? ""} data-due={d?.due ?? ""} data-direct={d?.direct ?? ""}>
        <td className="c-nowrap">
          <a href={`#/invoices/${row.id}`}>{row.number}</a>
        </td>
        <td>
          {row.customerName} <span className="c-muted c-nowrap">{row.customerCode}</span>
        </td>
        <td className="c-nowrap">{formatDay(row.dueDate, lang)}</td>
        <td className="c-num">{t("invoicing.dunning.days", { count: row.daysOverdue })}</td>
        <td className="c-num">{formatCents(row.remainingCents ?? 0, lang)}</td>
        {/* The level reached, then what was sent last (every reminder sent is in the invoice's history): one column,
            so that the row keeps its buttons inside a 1024 px window. */}
        <td className="c-dunning-level">
          {d?.direct ? (
            <span className={`c-chip c-level-${d.direct}`} data-comptoir="dunning-level">
              {t("invoicing.dunning.reached", { level: t(`invoicing.dunning.level.${d.direct}`) })}
            </span>
          ) : level ? (
            <span className={`c-chip c-level-${level}`} data-comptoir="dunning-level">
              {t(`invoicing.dunning.level.${level}`)}
              {d?.due ? ` · ${t("invoicing.dunning.dueNow")}` : ""}
            </span>
          ) : (
            <span className="c-muted">{t("invoicing.dunning.notYet")}</span>
          )}
          <span className="c-muted c-dunning-sent" data-comptoir="dunning-skips" title={d?.sent.map((s) => `${t(`invoicing.dunning.level.${s.level}`)} ${formatDay(s.at, lang)} · ${teamName(s.by, names)}`).join("\n")}>
            {sentSoFar(t, lang, row)}
          </span>
        </td>
        <td className="c-dunning-actions">
          {first && d?.direct ? (
            <>
              <button type="button" className="c-button c-button-secondary" data-comptoir="dunning-open" data-level={first} aria-expanded={open === first} onClick={() => toggle(first)}>
                {open === first ? t("invoicing.dunning.close") : t("invoicing.dunning.inOrder", { level: t(`invoicing.dunning.level.${first}`) })}
              </button>
              <button type="button" className="c-button" data-comptoir="dunning-open-direct" data-level={d.direct} aria-expanded={open === d.direct} onClick={() => toggle(d.direct!)}>
                {open === d.direct ? t("invoicing.dunning.close") : t("invoicing.dunning.direct", { level: t(`invoicing.dunning.levelTo.${d.direct}`) })}
              </button>
            </>
          ) : first ? (
            <button type="button" className="c-button c-button-secondary" data-comptoir="dunning-open" data-level={first} aria-expanded={open !== null} onClick={() => onOpen(open ? null : first)}>
              {open ? t("invoicing.dunning.close") : t("invoicing.dunning.prepare")}
            </button>
          ) : null /* Not late enough for the friendly reminder: "not yet" says it, and a button here opened nothing. */}
        </td>
      </tr>
      {open ? (
        <tr>
          <td colSpan={7}>
            <ReminderPanel row={row} level={open} names={names} onLogged={onLogged} />
          </td>
        </tr>
      ) : null}
    </>
  )
}

/** "no reminder sent yet", or the last one sent and when: what the agent weighs before skipping a level. */
function sentSoFar(t: Translate, lang: "fr" | "en", row: DocumentRowView): string {
  const last = row.dunning?.sent.at(-1)
  return last ? t("invoicing.dunning.lastSent", { level: t(`invoicing.dunning.level.${last.level}`).toLocaleLowerCase(lang), date: formatDay(last.at, lang) }) : t("invoicing.dunning.noneSent")
}

function ReminderPanel({ row, level, names, onLogged }: { row: DocumentRowView; level: Level; names: Readonly<Record<string, string>>; onLogged: () => void }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === "en" ? "en" : "fr"
  const [reminders, setReminders] = useState<Reminder[] | null>(null)
  // Whom the script is read to: the invoice's customer and contact, as the background has them.
  const [callee, setCallee] = useState<{ customer: NonNullable<ResponseOf<"documents/get">["customer"]>; contactId: string | null } | null>(null)
  const sideWindow = useSidePanelWindow()
  const [state, setState] = useState<string | null>(null)
  // Logged once: the button goes (a second click logged the same reminder twice on the invoice).
  const [logged, setLogged] = useState<Level | null>(null)
  const [mismatch, setMismatch] = useState<string[] | null>(null)
  useEffect(() => {
    void send("documents/get", { id: row.id }).then((v) => {
      setReminders(v.reminders)
      setCallee(v.customer ? { customer: v.customer, contactId: v.document?.contactId ?? null } : null)
    })
  }, [row.id])
  if (!reminders) return <p className="c-muted">{t("invoicing.list.loading")}</p>
  const reminder = reminders.find((r) => r.level === level) ?? reminders[0]
  if (!reminder) return <p className="c-muted">{t("invoicing.dunning.notYet")}</p>
  const text = `${reminder.subject}\n\n${reminder.body}`
  // Not the one just logged from this panel: the status under it says that already.
  const again = logged === reminder.level ? null : (row.dunning?.sent.filter((x) => x.level === reminder.level).at(-1) ?? null)
  // The script beside the call, for this customer and this invoice: its editor (the link it was) showed a made-up
  // customer, Boulangerie Durand, and placeholders. The side panel opens in the click itself, before any await.
  const openScript = () => {
    const opening = openSidePanelFromClick(sideWindow)
    if (!callee || !row.number || !row.dueDate) {
      location.hash = `#/${REMINDER_SCRIPT_PATH}`
      return
    }
    const invoice = { number: row.number, remainingCents: row.remainingCents ?? 0, dueDate: row.dueDate, daysOverdue: row.daysOverdue }
    void openScriptFor(callee.customer, callee.contactId, invoice).then(
      () => opening.then(() => setState(t("invoicing.dunning.scriptOpened", { number: row.number }))),
      () => undefined
    ).catch(() => {
      location.hash = `#/${REMINDER_SCRIPT_PATH}`
    })
  }
  // The body only: the reply keeps its own subject ("Re: …") and quoted thread below. For this customer: a reply
  // addressed to none of theirs gets nothing until the agent, told to whom it goes, insists.
  const insert = (force: boolean) => {
    setMismatch(null)
    void send("documents/insert-into-reply", { text: reminder.body, blocks: reminder.body.split(/\n{2,}/).map((p) => ({ kind: "p" as const, text: p })), customerId: row.customerId, force }).then(
      (r) => {
        setMismatch(mismatchOf(r))
        setState(r.ok ? t("invoicing.dunning.inserted") : mismatchOf(r) ? null : r.error === "no-compose-box" ? t("quotes.errors.noCompose") : t("quotes.errors.generic", { message: r.error ?? "?" }))
      },
      (e: unknown) => setState(t("quotes.errors.generic", { message: e instanceof Error ? e.message : String(e) }))
    )
  }
  return (
    <div className="c-reminder" data-comptoir="reminder-panel" data-language={row.language} data-level={reminder.level}>
      {reminder.skips.length > 0 ? (
        <p className="c-notice" data-comptoir="reminder-skip">
          {t("invoicing.dunning.directNote", {
            level: t(`invoicing.dunning.level.${reminder.level}`),
            skipped: reminder.skips.map((l) => t(`invoicing.dunning.skipped.${l}`)).join(t("invoicing.dunning.skipJoin")),
            count: row.daysOverdue,
            sent: sentSoFar(t, lang, row)
          })}
        </p>
      ) : null}
      {again ? (
        // Sent already (by a colleague, days ago): this one would be the same reminder again, not the next.
        <p className="c-notice" data-comptoir="reminder-again">
          {t("invoicing.dunning.again", { level: t(`invoicing.dunning.level.${reminder.level}`), date: formatDay(again.at, lang), by: teamName(again.by, names) })}
        </p>
      ) : null}
      <p>
        <strong>{t("invoicing.dunning.to")}</strong> {reminder.to || <span className="c-notice">{t("invoicing.dunning.noEmail")}</span>} · <strong>{t("invoicing.dunning.subject")}</strong>{" "}
        <span data-comptoir="reminder-subject">{reminder.subject}</span>
      </p>
      <pre className="c-reminder-body" data-comptoir="reminder-body">
        {reminder.body}
      </pre>
      <div className="c-doc-actions">
        <button
          type="button"
          className="c-button c-button-secondary"
          data-comptoir="reminder-copy"
          onClick={() =>
            void navigator.clipboard.writeText(text).then(
              () => setState(t("invoicing.dunning.copied")),
              () => setState(t("invoicing.dunning.copyFailed"))
            )
          }>
          {t("invoicing.dunning.copy")}
        </button>
        <button
          type="button"
          className="c-button c-button-secondary"
          data-comptoir="insert-into-reply"
          onClick={() => insert(false)}>
          {t("invoicing.dunning.insert")}
        </button>
        <a className="c-button c-button-secondary" data-comptoir="reminder-mailto" href={mailtoLink(reminder.to, reminder)}>
          {t("invoicing.dunning.mailto")}
        </a>
        <button type="button" className="c-button c-button-secondary" data-comptoir="reminder-script" onClick={openScript}>
          {t("invoicing.dunning.callScript")}
        </button>
        {logged === reminder.level ? null : (
          <button
            type="button"
            className="c-button"
            data-comptoir="reminder-log"
            onClick={() =>
              void send("documents/act", { id: row.id, step: { action: "reminder", level: reminder.level } }).then((r) => {
                setState(r.ok ? t("invoicing.dunning.loggedNow", { level: t(`invoicing.dunning.level.${reminder.level}`) }) : refusalText(t, r.code, r.message, r.params))
                if (r.ok) {
                  setLogged(reminder.level)
                  onLogged()
                }
              })
            }>
            {t("invoicing.dunning.log", { level: t(`invoicing.dunning.level.${reminder.level}`) })}
          </button>
        )}
      </div>
      {mismatch ? <RecipientMismatch recipients={mismatch} company={row.customerName} onInsertAnyway={() => insert(true)} /> : null}
      {state ? (
        <p className="c-notice" role="status">
          {state}
        </p>
      ) : null}
    </div>
  )
}

/** The team's reminder days, read-only here: a manager sets them in the options page, next to the seller identity. */
function ScheduleLine({ schedule }: { schedule: Schedule }) {
  const { t } = useTranslation()
  return (
    <p className="c-dunning-settings" data-comptoir="dunning-schedule" data-friendly={schedule.friendly} data-firm={schedule.firm} data-formal-notice={schedule["formal-notice"]}>
      {t("invoicing.dunning.settings", { friendly: schedule.friendly, firm: schedule.firm, formal: schedule["formal-notice"] })} <span className="c-muted">{t("invoicing.dunning.teamSetting")}</span>
    </p>
  )
}
