import type { TFunction } from "i18next"

import { createI18n, type UiLanguage } from "~src/i18n"

const words = new Map<UiLanguage, TFunction>()

/**
 * What is asked before a quote form with typing not saved is closed or replaced: in the quote frame over a web page
 * and in the side panel's and the softphone tab's in-place quote. Asked with `confirm`, outside React, so in the
 * page's language, which AppShell sets from the agent's setting on the extension pages it owns (`ownsDocument`).
 */
export function discardQuestion(): string {
  const language: UiLanguage = document.documentElement.lang === "fr" ? "fr" : "en"
  let t = words.get(language)
  if (!t) words.set(language, (t = createI18n(language).t))
  return t("quotes.form.closeUnsaved")
}
