import { useCallback, useEffect, useState } from "react"
import { useTranslation } from "react-i18next"

import { differenceText } from "~src/domain/sync/refused-change"
import type { RefusedChange } from "~src/messaging/contract"
import { send } from "~src/messaging/send"
import { formatDateTime, uiLang } from "~src/ui/dates"

/**
 * Options: the changes the team server refused, each with what differs between this device's record and
 * the team's, and the user's answer: keep the team's version, or send theirs again where that can work.
 * Shown only while there is something to answer; `conflictCount` (from the polled status) makes it reload.
 */
export function RefusedChanges({ conflictCount }: { conflictCount: number }) {
  const { t, i18n } = useTranslation()
  const [items, setItems] = useState<RefusedChange[]>([])
  const [busy, setBusy] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)

  const load = useCallback(() => {
    send("conflicts/list", {})
      .then((r) => setItems(r.conflicts))
      .catch(() => undefined)
  }, [])
  useEffect(load, [load, conflictCount])

  const answer = async (id: number, choice: "team" | "mine") => {
    setBusy(id)
    setError(null)
    try {
      const r = await send("conflicts/resolve", { id, choice })
      if (!r.ok && r.error) setError(r.error)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(null)
      load()
    }
  }

  if (items.length === 0) return null
  return (
    <div data-comptoir="refused-changes">
      <h3>{t("sync.refused.title", { count: items.length })}</h3>
      <p className="c-muted">{t("sync.refused.intro")}</p>
      {items.map((c) => (
        <article key={c.id} className="c-card" data-comptoir="refused-change" data-reason={c.reason}>
          <p>
            <strong>{c.label}</strong> <span className="c-muted">· {formatDateTime(c.at, uiLang(i18n.language))}</span>
          </p>
          <p>{t(`sync.refused.reasons.${c.reason}`, { defaultValue: t("sync.refused.reasons.other") })}</p>
          <p className="c-muted">{t("sync.refused.serverSaid", { message: c.message })}</p>
          {c.differences.length > 0 ? (
            <table className="c-table">
              <thead>
                <tr>
                  <th>{t("sync.refused.field")}</th>
                  <th>{t("sync.refused.mine")}</th>
                  <th>{!c.goneOnTeam ? t("sync.refused.team") : c.reason === "missing" ? t("sync.refused.teamGone") : t("sync.refused.teamNone")}</th>
                </tr>
              </thead>
              <tbody>
                {c.differences.map((d) => {
                  // Rates and amounts in the interface's language ("5.5%", « 5,5 % »): the background wrote them without it.
                  const shown = differenceText(d, uiLang(i18n.language))
                  return (
                    <tr key={d.field}>
                      <td title={d.field}>{t(`sync.refused.fields.${d.field}`, { defaultValue: d.field })}</td>
                      <td>{shown.mine}</td>
                      <td>{shown.team}</td>
                    </tr>
                  )
                })}
              </tbody>
            </table>
          ) : null}
          <button type="button" className="c-button c-button-secondary" disabled={busy !== null} onClick={() => void answer(c.id, "team")} data-comptoir="conflict-keep-team">
            {!c.goneOnTeam ? t("sync.refused.keepTeam") : c.reason === "missing" ? t("sync.refused.acceptGone") : t("sync.refused.dropMine")}
          </button>{" "}
          {c.canRestore ? (
            <button type="button" className="c-button" disabled={busy !== null} onClick={() => void answer(c.id, "mine")} data-comptoir="conflict-restore">
              {t("sync.refused.restore")}
            </button>
          ) : null}
        </article>
      ))}
      {error ? <p className="c-error">{error}</p> : null}
    </div>
  )
}
