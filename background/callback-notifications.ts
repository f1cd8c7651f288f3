import { createI18n, type UiLanguage } from "~src/i18n"
import type { LateCallback } from "~src/telephony/call-outcomes"
import { formatDateTime, uiLang } from "~src/ui/dates"

/** Who a call-back is for, as the dock names them: the customer and their code, else the number dialled. */
export const whoOf = (l: LateCallback): string => (l.customer ? `${l.customer.company} (${l.customer.code})` : (l.log.number ?? ""))

/**
 * The words of the late call-backs' notification, kept apart from `chrome` so a test can read them. The time goes
 * through the UI's own date formatter: "04/03/2031 10:00", as the dock shows it, not the engine's default with seconds.
 */
export function lateNotificationText(late: readonly LateCallback[], language: UiLanguage): { title: string; message: string } {
  const { t } = createI18n(language)
  const one = late.length === 1 ? late[0]! : null
  if (!one) return { title: t("callbacks.shown.severalTitle", { count: late.length }), message: late.map(whoOf).join(", ") }
  const at = formatDateTime(one.log.callbackAt!, uiLang(language))
  return {
    title: t("callbacks.shown.lateTitle", { who: whoOf(one) }),
    message: `${t("callbacks.shown.dueAt", { at })}${one.log.notes ? ` · ${one.log.notes}` : ""}`
  }
}
