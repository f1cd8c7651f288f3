import i18next, { type i18n } from "i18next"
import { initReactI18next } from "react-i18next"

import en from "./locales/en.json"
import fr from "./locales/fr.json"

export type UiLanguage = "fr" | "en"

/** The agent's UI language: the setting if set, otherwise the browser's, French for any fr-* locale. */
export function resolveLanguage(setting: UiLanguage | null, browserLanguage: string | undefined): UiLanguage {
  if (setting) return setting
  return (browserLanguage ?? "en").toLowerCase().startsWith("fr") ? "fr" : "en"
}

export const resources = { en: { translation: en }, fr: { translation: fr } } as const

/** One i18next instance per page (popup, options, each content script), created synchronously. */
export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance()
  void instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources,
    initAsync: false,
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false
  })
  return instance
}
